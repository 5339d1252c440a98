import type ExcelJS from "exceljs"
import { Effect } from "effect"
import type { CsvRow } from "../csv/readCsvTable.ts"
import { cellText } from "./cellText.ts"
import { XlsxFileError } from "./XlsxFileError.ts"

/** A worksheet as a table: the header row's cells and every non-blank row after it, by its spreadsheet row. */
export interface XlsxTable {
  readonly file: string
  readonly sheet: string
  readonly headers: ReadonlyArray<string>
  /** `row` and `line` are both the worksheet's row number: a workbook has no file lines. */
  readonly rows: ReadonlyArray<CsvRow>
}

/** Starts every .xlsx (it is a ZIP archive): how a workbook saved under another name is still recognised. */
export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

const rowCells = (row: ExcelJS.Row, width: number): ReadonlyArray<string> =>
  Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => cellText(row.getCell(i + 1).value).trim())

/**
 * Reads one worksheet of an .xlsx as text cells: `preferredSheet` when the workbook has it, else the first.
 * Cells are read as they show (see `cellText`), so an id Excel stored as a number comes back as its digits.
 */
export const parseXlsxBytes = (bytes: Uint8Array, file: string, preferredSheet?: string): Effect.Effect<XlsxTable, XlsxFileError> =>
  Effect.gen(function* () {
    // Loaded here, not at start: it is a large library, and only a review saved as .xlsx needs it.
    const { Workbook } = (yield* Effect.promise(() => import("exceljs"))).default
    const wb = new Workbook()
    yield* Effect.tryPromise({
      // A copy that owns its whole ArrayBuffer: JSZip reads an ArrayBuffer from its start.
      try: () => wb.xlsx.load(bytes.slice().buffer),
      catch: (error) =>
        new XlsxFileError({
          file,
          detail: `not a readable Excel workbook (${error instanceof Error ? error.message : String(error)}): open it in the spreadsheet and save it again as Excel Workbook (.xlsx) or as CSV`
        })
    })
    const ws = (preferredSheet === undefined ? undefined : wb.getWorksheet(preferredSheet)) ?? wb.worksheets[0]
    if (ws === undefined) return yield* new XlsxFileError({ file, detail: "the workbook has no worksheet" })
    const rows: Array<CsvRow> = []
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells = rowCells(row, 0)
      if (cells.some((c) => c !== "")) rows.push({ line: number, row: number, cells })
    })
    const [header, ...data] = rows
    if (header === undefined) {
      return yield* new XlsxFileError({
        file,
        detail: `the worksheet "${ws.name}" is empty: it needs a header row naming the columns, then one row per record`
      })
    }
    const width = header.cells.length
    return {
      file,
      sheet: ws.name,
      headers: header.cells,
      rows: data.map((r) => (r.cells.length >= width ? r : { ...r, cells: [...r.cells, ...Array.from({ length: width - r.cells.length }, () => "")] }))
    }
  }).pipe(Effect.withSpan("parseXlsxBytes", { attributes: { file } }))
