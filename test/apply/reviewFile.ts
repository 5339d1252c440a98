import { parse } from "csv-parse/sync"
import { stringify } from "csv-stringify/sync"
import { readFileSync, writeFileSync } from "node:fs"
import { decodeWindows1252 } from "../../sources/csv/decodeWindows1252.ts"

/** A review file as a spreadsheet holds it: the headers in their order and one record per case. */
export interface ReviewSheet {
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<Readonly<Record<string, string>>>
}

export const readReview = (path: string): ReviewSheet => {
  const records: Array<Array<string>> = parse(readFileSync(path), { bom: true })
  const [headers = [], ...body] = records
  return { headers, rows: body.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ""]))) }
}

/** The same sheet with some cells changed, as an admin would type them. */
export const editRows = (
  sheet: ReviewSheet,
  edit: (row: Readonly<Record<string, string>>, index: number) => Readonly<Record<string, string>> | null
): ReviewSheet => ({ headers: sheet.headers, rows: sheet.rows.map((row, i) => ({ ...row, ...edit(row, i) })) })

// Excel quotes a cell that holds the delimiter, a quote or a line break; csv-stringify alone misses a bare "\n".
/** The sheet with "approve" in the decision cell of exactly these cases. */
export const approveOnly = (sheet: ReviewSheet, caseIds: Iterable<string>): ReviewSheet => {
  const ids = new Set(caseIds)
  return editRows(sheet, (row) => (ids.has(row.case_id ?? "") ? { decision: "approve" } : null))
}

const toCsv = (sheet: ReviewSheet, headers: ReadonlyArray<string>, delimiter: string): string =>
  stringify([[...headers], ...sheet.rows.map((row) => headers.map((h) => row[h] ?? ""))], {
    delimiter,
    record_delimiter: "windows",
    quoted_match: /[\r\n]/
  })

/** Excel's "CSV UTF-8 (Comma delimited)": a BOM, CRLF line ends. */
export const writeExcelUtf8 = (path: string, sheet: ReviewSheet): void =>
  writeFileSync(path, `\ufeff${toCsv(sheet, sheet.headers, ",")}`, "utf8")

// Each character Windows-1252 can hold, to its byte; the decoder the tool uses is the reference.
const windows1252 = new Map(Array.from({ length: 256 }, (_, byte) => [decodeWindows1252(Uint8Array.of(byte)), byte] as const))

/** Text in Windows-1252; what the code page cannot hold becomes "?", as Excel writes it. */
export const encodeWindows1252 = (text: string): Buffer => Buffer.from(Array.from(text, (ch) => windows1252.get(ch) ?? 0x3f))

/**
 * Excel's "CSV (Comma delimited)" on a machine whose list separator is ";": Windows-1252, no BOM, CRLF, with
 * the columns in the order given (columns not in the sheet come out blank, as added by the admin).
 */
export const writeExcelWindows1252 = (path: string, sheet: ReviewSheet, headers: ReadonlyArray<string>): void =>
  writeFileSync(path, encodeWindows1252(toCsv(sheet, headers, ";")))

/** An apply-report-<apply id>.csv as rows keyed by its headers. */
export const readApplyReport = (path: string): ReadonlyArray<Readonly<Record<string, string>>> =>
  parse(readFileSync(path), { bom: true, columns: true })
