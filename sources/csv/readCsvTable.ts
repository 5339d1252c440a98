import { FileSystem } from "@effect/platform"
import type { PlatformError } from "@effect/platform/Error"
import { CsvError, parse } from "csv-parse/sync"
import { Effect, Either } from "effect"
import { CsvFileError } from "./CsvFileError.ts"
import { decodeText } from "./decodeText.ts"
import { sniffDelimiter } from "./sniffDelimiter.ts"

/**
 * One data row. `cells` has at least as many entries as the header (short rows are padded with ""); a row with
 * more cells than the header keeps them, so `cells.length > headers.length` marks it (see `extraCells`).
 */
export interface CsvRow {
  /** The file line the record starts on (what a text editor shows). */
  readonly line: number
  /**
   * The record's row in a spreadsheet that opens the file (the header is row 1, a blank line is a row): what an
   * admin sees, and not `line` once a quoted value spans lines.
   */
  readonly row: number
  readonly cells: ReadonlyArray<string>
}

/** A CSV file's trimmed header and how the file was written: what reading its rows one at a time needs. */
export interface CsvHeader {
  readonly file: string
  readonly headers: ReadonlyArray<string>
  readonly delimiter: string
  readonly encoding: string
}

/** A CSV file as read: trimmed header, data rows with the line each starts on, and how the file was written. */
export interface CsvTable extends CsvHeader {
  readonly rows: ReadonlyArray<CsvRow>
}

/** The non-blank cells a row has beyond the header: usually a value with an unquoted delimiter in it. */
export const extraCells = (table: CsvHeader, row: CsvRow): ReadonlyArray<string> =>
  row.cells.slice(table.headers.length).filter((cell) => cell !== "")

const countNewlines = (s: string): number => {
  let n = 0
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++
  return n
}

/**
 * A parsed record as a row starting on line `line`, and the lines it spans (quoted line ends inside it add to
 * the one it ends with). The row is `null` for a record whose cells are all empty (a blank line, a spreadsheet's
 * blank row `,,,`).
 */
export const recordToRow = (line: number, rowNumber: number, record: ReadonlyArray<string>): { readonly row: CsvRow | null; readonly lines: number } => {
  let newlines = 0
  let blank = true
  const cells = record.map((cell) => {
    newlines += countNewlines(cell)
    const trimmed = cell.trim()
    if (trimmed !== "") blank = false
    return trimmed
  })
  return { row: blank ? null : { line, row: rowNumber, cells }, lines: 1 + newlines }
}

/** The first line after `afterLine` that holds anything: where the record that broke the parser starts. */
const nextContentLine = (text: string, afterLine: number): number | null => {
  const lines = text.split("\n")
  for (let i = afterLine; i < lines.length; i++) if (lines[i]?.trim()) return i + 1
  return null
}

const malformed = (file: string, text: string, lastGoodLine: number, error: unknown): CsvFileError => {
  const reported = error instanceof CsvError && typeof error["lines"] === "number" ? error["lines"] : null
  if (error instanceof CsvError && error.code === "CSV_QUOTE_NOT_CLOSED") {
    // The parser only notices at the end of the file; the quote was opened in the record after the last good one.
    return new CsvFileError({
      file,
      problem: "malformed",
      line: nextContentLine(text, lastGoodLine) ?? reported,
      detail:
        "a quoted value that starts on this line is never closed, so the rest of the file would be read as one value: remove the stray double quote or close it"
    })
  }
  const detail =
    error instanceof CsvError && error.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"
      ? 'a quoted value has text after its closing quote (like "Smith"Jr): put the whole value in quotes and double any quote inside it'
      : `the file is not valid CSV (${error instanceof Error ? error.message : String(error)}): open it in a spreadsheet and save it again as CSV`
  return new CsvFileError({ file, problem: "malformed", line: reported, detail })
}

/** The parser's options for a file with this delimiter: every reader of CSV files parses with these. */
export const csvParseOptions = (delimiter: string) => ({
  delimiter,
  // A stray quote inside an unquoted value ("5" pipe") is kept as a character, as spreadsheets do.
  relax_quotes: true,
  relax_column_count: true,
  // Whitespace around delimiters, including before an opening quote (Febrl writes `"a", "b"`).
  trim: true
})

/** The line the last record the parser could read ends on, for a file it cannot read to the end. */
const lastGoodLine = (text: string, delimiter: string): number => {
  let lastLine = 0
  try {
    parse(text, {
      ...csvParseOptions(delimiter),
      skip_empty_lines: true,
      on_record: (_record, context) => {
        lastLine = context.lines
        return null
      }
    })
  } catch {
    // The error is the caller's; only how far the parser got matters here.
  }
  return lastLine
}

const parseRecords = (
  text: string,
  delimiter: string,
  file: string
): Either.Either<ReadonlyArray<CsvRow>, CsvFileError> =>
  Either.try({
    try: () => {
      // Blank lines are kept as records so that counting each record's lines numbers the rows: asking the parser
      // for every record's line (`on_record`, `info`) builds an object per record, a second on a large export.
      const records: Array<ReadonlyArray<string> | undefined> = parse(text, { ...csvParseOptions(delimiter), skip_empty_lines: false })
      const rows: Array<CsvRow> = []
      let line = 1
      for (let i = 0; i < records.length; i++) {
        const record = records[i] ?? []
        // Each parsed record goes once its row is made: at a million customers, holding both lists of arrays
        // until the end cost a quarter of a gigabyte more at the peak of the read.
        records[i] = undefined
        const { row, lines } = recordToRow(line, i + 1, record)
        if (row !== null) rows.push(row)
        line += lines
      }
      return rows
    },
    catch: (error) => malformed(file, text, lastGoodLine(text, delimiter), error)
  })

/**
 * Parses the bytes of a CSV file as people and spreadsheets save it: any of the usual encodings, comma,
 * semicolon or tab delimited, any line ends, quoted values spanning lines, blank lines and padding.
 */
export const parseCsvBytes = (bytes: Uint8Array, file: string): Either.Either<CsvTable, CsvFileError> => {
  const decoded = decodeText(bytes)
  // One line-end convention, so that counting "\n" numbers the rows (and the parser locates a broken file); a line
  // end inside a quoted value becomes "\n" too.
  const text = decoded.text.replace(/\r\n?/g, "\n")
  const delimiter = sniffDelimiter(text)
  return Either.flatMap(parseRecords(text, delimiter, file), (rows) => {
    const [header, ...data] = rows
    if (header === undefined) {
      return Either.left(
        new CsvFileError({
          file,
          problem: "empty",
          line: null,
          detail: "the file is empty: it needs a header line naming the columns, then one line per record"
        })
      )
    }
    const width = header.cells.length
    return Either.right({
      file,
      headers: header.cells,
      rows: data.map((row) =>
        row.cells.length >= width
          ? row
          : { line: row.line, row: row.row, cells: [...row.cells, ...Array.from({ length: width - row.cells.length }, () => "")] }
      ),
      delimiter,
      encoding: decoded.encoding
    })
  })
}

export const unreadableCsvFile = (file: string, error: PlatformError): CsvFileError =>
  error._tag === "SystemError" && error.reason === "NotFound"
    ? new CsvFileError({
        file,
        problem: "not-found",
        line: null,
        detail: "no such file: check the path and the file name"
      })
    : new CsvFileError({
        file,
        problem: "unreadable",
        line: null,
        detail: `the file cannot be read (${error.message}): check that it is a file, not a folder, and that you may read it`
      })

/** Reads and parses one CSV file. */
export const readCsvTable = (path: string): Effect.Effect<CsvTable, CsvFileError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const bytes = yield* Effect.mapError(fs.readFile(path), (error) => unreadableCsvFile(path, error))
    return yield* parseCsvBytes(bytes, path)
  }).pipe(Effect.withSpan("readCsvTable", { attributes: { path } }))
