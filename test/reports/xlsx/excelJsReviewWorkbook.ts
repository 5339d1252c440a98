// The review workbook as ExcelJS built it, before reports/ReviewXlsx.ts wrote its XML itself (see reviewXlsxParity.test.ts).
import ExcelJS from "exceljs"
import type { RecordIndex } from "../../../pipeline/cases/RecordIndex.ts"
import type { Case } from "../../../pipeline/domain/Case.ts"
import type { RunId } from "../../../pipeline/domain/Ids.ts"
import { pomCustomerLink, qboCustomerLink, type RecordLinks } from "../../../reports/RecordLinks.ts"
import { REVIEW_COLUMNS, reviewOrder, reviewRow } from "../../../reports/ReviewCsv.ts"
import { DECISION_WORDS, EDITABLE_COLUMNS, RECORD_HEADERS, RECORDS_SHEET, recordRows, REVIEW_SHEET, WIDTH, WRAPPED } from "../../../reports/ReviewXlsx.ts"

type ReviewColumn = (typeof REVIEW_COLUMNS)[number]

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } })
const HEADER_FILL = solid("FF17324D")
const EDITABLE_HEADER_FILL = solid("FF2E7D32")
/** Excel's own "Input" style colours: where a person types. */
const EDITABLE_FILL = solid("FFFFF2CC")
const REVIEW_FILL = solid("FFFCE4D6")
const THIN = { style: "thin" as const, color: { argb: "FFBFBFBF" } }
const EDITABLE_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN }
/** Text format: what an admin types in an id cell stays as typed (000280 does not become 280). */
const TEXT = "@"

const columnLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : `${columnLetter(Math.floor((n - 1) / 26))}${String.fromCharCode(65 + ((n - 1) % 26))}`)

const header = (ws: ExcelJS.Worksheet, headers: ReadonlyArray<string>, editable: (h: string) => boolean) => {
  const row = ws.getRow(1)
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1)
    cell.value = h
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } }
    cell.fill = editable(h) ? EDITABLE_HEADER_FILL : HEADER_FILL
    cell.alignment = { vertical: "middle" }
  })
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2", activeCell: "B2" }]
}

const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true }

const link = (text: string, url: string | null): ExcelJS.CellValue => (text === "" || url === null ? text : { text, hyperlink: url, tooltip: url })

/** Sets a cell's value; blank is an empty cell (not an empty string, which Excel counts as filled); links look like links. */
const put = (cell: ExcelJS.Cell, value: ExcelJS.CellValue) => {
  cell.value = value === "" ? null : value
  if (typeof value === "object" && value !== null && "hyperlink" in value) cell.font = LINK_FONT
}

/** The review sheet: the cells of review.csv, with what a spreadsheet can add. */
const reviewSheet = (wb: ExcelJS.Workbook, index: RecordIndex, runId: RunId, cases: ReadonlyArray<Case>, links: RecordLinks) => {
  const ws = wb.addWorksheet(REVIEW_SHEET)
  const headers: ReadonlyArray<ReviewColumn> = REVIEW_COLUMNS
  header(ws, headers, (h) => EDITABLE_COLUMNS.has(h))
  headers.forEach((h, i) => {
    const column = ws.getColumn(i + 1)
    column.width = WIDTH[h]
    // Every cell is text, those still to be typed in too; a column style reaches rows added by hand.
    column.numFmt = TEXT
  })
  cases.forEach((c, i) => {
    const cells = reviewRow(index, runId, c)
    const row = ws.getRow(i + 2)
    headers.forEach((h, j) => {
      const cell = row.getCell(j + 1)
      const text = cells[j] ?? ""
      // Strings, never numbers or formulas: ids keep their zeros and digits, a name starting with "=" stays a name.
      put(
        cell,
        h === "keep_pom_id" ? link(text, c.keepPomId === null ? null : pomCustomerLink(links, c.keepPomId))
        : h === "correct_qbo_id" ? link(text, c.correctQboId === null ? null : qboCustomerLink(links, c.correctQboId))
        : text
      )
      cell.numFmt = TEXT
      cell.alignment = { vertical: "top", wrapText: WRAPPED.has(h) }
      if (EDITABLE_COLUMNS.has(h)) {
        cell.fill = EDITABLE_FILL
        cell.border = EDITABLE_BORDER
      } else if (c.scenario === "review") {
        cell.fill = REVIEW_FILL
      }
      if (h === "decision") {
        cell.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${DECISION_WORDS.join(",")}"`],
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: "decision",
          error: "Choose approve or reject, or leave the cell blank while undecided."
        }
      }
    })
  })
  ws.autoFilter = `A1:${columnLetter(headers.length)}${cases.length + 1}`
}

const recordsSheet = (wb: ExcelJS.Workbook, index: RecordIndex, cases: ReadonlyArray<Case>, links: RecordLinks) => {
  const ws = wb.addWorksheet(RECORDS_SHEET)
  header(ws, RECORD_HEADERS, () => false)
  ;[16, 14, 14, 40, 50].forEach((width, i) => {
    const column = ws.getColumn(i + 1)
    column.width = width
    column.numFmt = TEXT
  })
  let n = 1
  for (const c of cases) {
    for (const [caseId, record, id, role, details] of recordRows(index, c, links)) {
      n++
      const row = ws.getRow(n)
      ;[caseId, record, link(id.text, id.url), role, details].forEach((value, j) => {
        const cell = row.getCell(j + 1)
        put(cell, value)
        cell.numFmt = TEXT
        if (c.scenario === "review") cell.fill = REVIEW_FILL
      })
    }
  }
  ws.autoFilter = `A1:${columnLetter(RECORD_HEADERS.length)}${n}`
}

/**
 * review.xlsx as it was built before its rows were written straight to XML: an ExcelJS workbook of cell objects.
 * Kept as the reference the writer is held to, file by file; `created` fixes the one part that depends on the time.
 */
export const excelJsReviewWorkbook = async (index: RecordIndex, runId: RunId, cases: ReadonlyArray<Case>, links: RecordLinks, created: Date): Promise<Uint8Array> => {
  const { Workbook } = ExcelJS
  const wb = new Workbook()
  wb.creator = "pom-qbo-reconcile"
  wb.created = created
  wb.modified = created
  const ordered = [...cases].sort(reviewOrder)
  reviewSheet(wb, index, runId, ordered, links)
  recordsSheet(wb, index, ordered, links)
  const buffer = await wb.xlsx.writeBuffer()
  return new Uint8Array(buffer)
}
