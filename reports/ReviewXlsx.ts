import type { RecordIndex } from "../pipeline/cases/RecordIndex.ts"
import type { Case } from "../pipeline/domain/Case.ts"
import type { RunId } from "../pipeline/domain/Ids.ts"
import { pomLabel, qboLabel } from "./recordLabel.ts"
import { pomCustomerLink, qboCustomerLink, qboInvoiceLink, type RecordLinks } from "./RecordLinks.ts"
import { REVIEW_COLUMNS, reviewOrder, reviewRow } from "./ReviewCsv.ts"
import { sharedStrings, type SharedStrings } from "./xlsx/sharedStrings.ts"
import { type CellStyle, font, solidFill, thinBorder, workbookStyles, type WorkbookStyles } from "./xlsx/WorkbookStyles.ts"
import { workbookPackage, type PackagedSheet } from "./xlsx/workbookPackage.ts"
import { type SheetCell, worksheetXml } from "./xlsx/worksheetXml.ts"
import { zipArchive } from "./xlsx/zipArchive.ts"

type ReviewColumn = (typeof REVIEW_COLUMNS)[number]

/** The cells an admin fills in; every other cell is the tool's proposal, read back by `case_id` alone. */
export const EDITABLE_COLUMNS: ReadonlySet<string> = new Set<ReviewColumn>(["decision", "note", "choose_keep_pom_id", "choose_correct_qbo_id", "exclude_ids"])

/** The words the `decision` drop-down offers (the reader accepts a few more, typed by hand). */
export const DECISION_WORDS = ["approve", "reject"] as const

export const REVIEW_SHEET = "Review"
export const RECORDS_SHEET = "Records"

/** Characters wide: ids fit, the long explanations wrap within a screen. */
export const WIDTH: Readonly<Record<ReviewColumn, number>> = {
  case_id: 16,
  scenario: 11,
  confidence: 20,
  keep_pom_id: 12,
  merge_pom_ids: 14,
  correct_qbo_id: 14,
  wrong_qbo_ids: 14,
  invoices_to_move: 16,
  pom_items_to_move: 16,
  actions: 60,
  evidence: 50,
  blockers: 45,
  decision: 11,
  note: 30,
  blocker_kind: 14,
  choose_keep_pom_id: 20,
  choose_correct_qbo_id: 22,
  exclude_ids: 16,
  run_id: 24,
  pom_records: 36,
  qbo_records: 36
}

export const WRAPPED: ReadonlySet<ReviewColumn> = new Set(["actions", "evidence", "blockers", "note", "pom_records", "qbo_records"])

const HEADER_FONT = font({ bold: true, argb: "FFFFFFFF" })
const LINK_FONT = font({ underline: true, argb: "FF0563C1" })
const HEADER_FILL = solidFill("FF17324D")
const EDITABLE_HEADER_FILL = solidFill("FF2E7D32")
/** Excel's own "Input" style colours: where a person types. */
const EDITABLE_FILL = solidFill("FFFFF2CC")
const REVIEW_FILL = solidFill("FFFCE4D6")
const EDITABLE_BORDER = thinBorder("FFBFBFBF")

/*
 * Every cell is text (`@`): what an admin types in an id cell stays as typed (000280 does not become 280). The
 * styles are built once each: a workbook numbers them by identity.
 */
const TEXT: CellStyle = { text: true }
const HEADER: CellStyle = { text: true, font: HEADER_FONT, fill: HEADER_FILL, alignment: { vertical: "center" } }
const EDITABLE_HEADER: CellStyle = { ...HEADER, fill: EDITABLE_HEADER_FILL }
const top = (wrapText: boolean) => ({ vertical: "top" as const, wrapText })
/** A review-sheet cell's style: [editable, review case, link, wrapped] picks one. */
const reviewCellStyle = (() => {
  const made = new Map<string, CellStyle>()
  return (editable: boolean, review: boolean, linked: boolean, wrapped: boolean): CellStyle => {
    const key = `${editable}${review}${linked}${wrapped}`
    const known = made.get(key)
    if (known !== undefined) return known
    const style: CellStyle = {
      text: true,
      ...(linked ? { font: LINK_FONT } : {}),
      ...(editable ? { fill: EDITABLE_FILL, border: EDITABLE_BORDER } : review ? { fill: REVIEW_FILL } : {}),
      alignment: top(wrapped)
    }
    made.set(key, style)
    return style
  }
})()
const RECORD_STYLES: Readonly<Record<"plain" | "link" | "review" | "reviewLink", CellStyle>> = {
  plain: TEXT,
  link: { text: true, font: LINK_FONT },
  review: { text: true, fill: REVIEW_FILL },
  reviewLink: { text: true, font: LINK_FONT, fill: REVIEW_FILL }
}

export interface Linked {
  readonly text: string
  readonly url: string | null
}

/** A link only where there is text to click and somewhere to go. */
const link = (text: string, url: string | null): Linked => ({ text, url: text === "" ? null : url })

const headerRow = (headers: ReadonlyArray<string>, editable: (h: string) => boolean): ReadonlyArray<SheetCell> =>
  headers.map((h) => ({ text: h, style: editable(h) ? EDITABLE_HEADER : HEADER }))

/** The review sheet: the cells of review.csv, with what a spreadsheet can add. */
const reviewSheet = (book: Book, index: RecordIndex, runId: RunId, cases: ReadonlyArray<Case>, links: RecordLinks): PackagedSheet => {
  const headers: ReadonlyArray<ReviewColumn> = REVIEW_COLUMNS
  const ws = worksheetXml(headers.map((h) => ({ width: WIDTH[h], style: TEXT })), book.styles, book.strings)
  ws.addRow(headerRow(headers, (h) => EDITABLE_COLUMNS.has(h)))
  for (const c of cases) {
    const cells = reviewRow(index, runId, c)
    const review = c.scenario === "review"
    ws.addRow(
      headers.map((h, j): SheetCell => {
        // Strings, never numbers or formulas: ids keep their zeros and digits, a name starting with "=" stays a name.
        const text = cells[j] ?? ""
        const value =
          h === "keep_pom_id" ? link(text, c.keepPomId === null ? null : pomCustomerLink(links, c.keepPomId))
          : h === "correct_qbo_id" ? link(text, c.correctQboId === null ? null : qboCustomerLink(links, c.correctQboId))
          : { text, url: null }
        return { text: value.text, link: value.url, style: reviewCellStyle(EDITABLE_COLUMNS.has(h), review, value.url !== null, WRAPPED.has(h)) }
      })
    )
  }
  return {
    name: REVIEW_SHEET,
    ...ws.finish({
      validation: {
        column: headers.indexOf("decision") + 1,
        formula: `"${DECISION_WORDS.join(",")}"`,
        errorTitle: "decision",
        error: "Choose approve or reject, or leave the cell blank while undecided."
      }
    })
  }
}

export const RECORD_HEADERS = ["case_id", "record", "id", "role", "details"] as const

/** One row per record of each case, each id a link: a cell holds one link, and a case names several records. */
export const recordRows = (index: RecordIndex, c: Case, links: RecordLinks): ReadonlyArray<readonly [string, string, Linked, string, string]> => {
  const pomRole = (id: string) => (id === c.keepPomId ? "keeper" : c.mergePomIds.some((m) => m === id) ? "goes inactive (merged into the keeper)" : "named, not changed")
  const qboRole = (id: string) =>
    id === c.correctQboId ? "correct QBO customer" : c.wrongQboIds.some((w) => w === id) ? "retired (invoices move to the correct one)" : "named, not changed"
  const invoices = c.plan.steps.flatMap((s) => (s._tag === "move-invoice" ? [s] : []))
  return [
    ...c.pomIds.map((id) => [c.id, "POM customer", link(id, pomCustomerLink(links, id)), pomRole(id), pomLabel(index, id)] as const),
    ...c.qboIds.map((id) => [c.id, "QBO customer", link(id, qboCustomerLink(links, id)), qboRole(id), qboLabel(index, id)] as const),
    ...invoices.map(
      (s) => [c.id, "QBO invoice", link(s.invoiceId, qboInvoiceLink(links, s.invoiceId)), `moves from ${s.from} to ${s.to}`, `no. ${s.docNumber}, $${s.amount.toFixed(2)}`] as const
    )
  ]
}

const recordsSheet = (book: Book, index: RecordIndex, cases: ReadonlyArray<Case>, links: RecordLinks): PackagedSheet => {
  const ws = worksheetXml([16, 14, 14, 40, 50].map((width) => ({ width, style: TEXT })), book.styles, book.strings)
  ws.addRow(headerRow(RECORD_HEADERS, () => false))
  for (const c of cases) {
    const review = c.scenario === "review"
    for (const [caseId, record, id, role, details] of recordRows(index, c, links)) {
      const plain = review ? RECORD_STYLES.review : RECORD_STYLES.plain
      ws.addRow([
        { text: caseId, style: plain },
        { text: record, style: plain },
        { text: id.text, link: id.url, style: id.url === null ? plain : review ? RECORD_STYLES.reviewLink : RECORD_STYLES.link },
        { text: role, style: plain },
        { text: details, style: plain }
      ])
    }
  }
  return { name: RECORDS_SHEET, ...ws.finish({}) }
}

interface Book {
  readonly styles: WorkbookStyles
  readonly strings: SharedStrings
}

/**
 * review.xlsx: the same rows as review.csv (one source for the cells), as a workbook keeps them. Ids are text, so
 * "000280" and a 20-digit id survive being opened; `decision` is a drop-down; the header stays in view and
 * filters; the explanations wrap; review cases are tinted; the cells to fill in are marked; the keeper and the
 * correct QBO customer open in POM and QBO, and a second sheet links every record and invoice of each case.
 * Each row is written as XML when it is made: built as a workbook of cell objects (ExcelJS), 27,000 cases took
 * about 1.5 GB while the file was written.
 */
export const reviewXlsx = (index: RecordIndex, runId: RunId, cases: ReadonlyArray<Case>, links: RecordLinks, created: Date = new Date()): Promise<Uint8Array> =>
  Promise.resolve().then(() => {
    const book: Book = { styles: workbookStyles(), strings: sharedStrings() }
    const ordered = [...cases].sort(reviewOrder)
    const sheets = [reviewSheet(book, index, runId, ordered, links), recordsSheet(book, index, ordered, links)]
    return zipArchive(
      workbookPackage({ sheets, sharedStrings: book.strings.xml(), styles: book.styles.xml(), creator: "pom-qbo-reconcile", created })
    )
  })
