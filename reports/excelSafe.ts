import { stringify } from "csv-stringify/sync"

/**
 * Spreadsheets run a cell that starts with one of these as a formula, so a customer named "=HYPERLINK(...)"
 * could run in an admin's Excel. Such cells get a leading apostrophe, which Excel shows as plain text (OWASP
 * "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Where a spreadsheet may start a new cell inside one of ours. The files are comma-delimited, but Excel in a
 * locale whose list separator is ";" splits every line at ";" and does not honour a quote that is not at the
 * start of its piece: "x;=HYPERLINK(...)" in the middle of a row becomes a cell of its own. A tab or a line
 * break does the same in other readers. A formula start right after one of these gets the apostrophe too.
 */
const FORMULA_AFTER_SEPARATOR = /([;,\t\r\n])(?=[=+\-@\t\r])/g

export const excelSafe = (value: string): string =>
  (FORMULA_START.test(value) ? `'${value}` : value).replace(FORMULA_AFTER_SEPARATOR, "$1'")

/**
 * Every CSV this tool writes, as Excel opens it cleanly: UTF-8 with a BOM (else Excel reads it as ANSI), CRLF,
 * every cell neutralised against formula injection, and quoted when it holds a separator of any locale or a
 * line break, so its pieces stay one cell wherever a reader honours quotes.
 */
export const spreadsheetCsv = (rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  stringify(
    rows.map((row) => row.map(excelSafe)),
    { bom: true, record_delimiter: "windows", quoted_match: /[\r\n",;\t]/ }
  )
