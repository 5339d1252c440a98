import { longCells, MAX_CELL_CHARS, shownCell } from "../../csv/cellLimit.ts"
import { formatCsvLine } from "../../csv/formatCsvLine.ts"
import type { CsvHeader, CsvRow } from "../../csv/readCsvTable.ts"
import { extraCells } from "../../csv/readCsvTable.ts"
import type { RejectedRow, RejectedSeverity } from "../../../pipeline/domain/RejectedRow.ts"

/**
 * One thing wrong with a row; `reason` names the field itself so several can be joined into one sentence.
 * `severity` is `field` when the record can be kept with that field empty, `row` when it cannot be a record.
 */
export interface RowProblem {
  readonly field: string
  readonly reason: string
  readonly severity: RejectedSeverity
}

/** True when a problem leaves the row unusable as a record. */
export const dropsRow = (problems: ReadonlyArray<RowProblem>): boolean => problems.some((p) => p.severity === "row")

/** A problem for each cell over the length limit: the row is not read, since its values cannot be trusted. */
export const cellLengthProblems = (table: CsvHeader, row: CsvRow): ReadonlyArray<RowProblem> =>
  longCells(row.cells).map((i) => {
    const header = table.headers[i] ?? `column ${i + 1}`
    return {
      field: header,
      reason: `${header} is ${row.cells[i]?.length ?? 0} characters long, over the limit of ${MAX_CELL_CHARS}: a quote left open in the row above, or text pasted into the cell; fix the cell`,
      severity: "row"
    }
  })

/**
 * A row with cells beyond the header almost always has a value with an unquoted delimiter in it, which shifts
 * every later value into the wrong column; reading it would put a city in the state field. The one harmless
 * case is a tool that ends every data row with a delimiter: when all rows carry the same empty extra cells
 * (`trailingDelimiters`, judged over all rows by the file's reader), they are ignored.
 */
export const shapeCheckOf = (table: CsvHeader, trailingDelimiters: boolean): ((row: CsvRow) => RowProblem | null) => {
  const width = table.headers.length
  const shown = table.delimiter === "\t" ? "tab" : `"${table.delimiter}"`
  return (row) => {
    if (row.cells.length <= width || trailingDelimiters) return null
    const extra = extraCells(table, row)
    return {
      field: "(row)",
      severity: "row",
      reason: `the row has ${row.cells.length - width} more cells than the header${
        extra.length === 0 ? "" : ` (${extra.map((c) => `"${c}"`).join(", ")})`
      }: a value probably contains an unquoted ${shown}, which shifts the values after it; put that value in quotes`
    }
  }
}

/**
 * The rejected-row record for a row and everything found wrong with it: `row` when any problem drops the row,
 * else `field` (the record is kept without those fields).
 */
export const rejectRow = (
  fileName: string,
  table: CsvHeader,
  row: CsvRow,
  problems: ReadonlyArray<RowProblem>
): RejectedRow => ({
  file: fileName,
  line: row.line,
  field: [...new Set(problems.map((p) => p.field))].join(", "),
  severity: dropsRow(problems) ? "row" : "field",
  reason: problems.map((p) => p.reason).join("; "),
  raw: formatCsvLine(row.cells.map(shownCell), table.delimiter)
})
