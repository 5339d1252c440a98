import { formatCsvLine } from "../../csv/formatCsvLine.ts"
import type { CsvRow, CsvTable } from "../../csv/readCsvTable.ts"
import { extraCells } from "../../csv/readCsvTable.ts"
import type { RejectedRow } from "../../../pipeline/domain/RejectedRow.ts"

/** One thing wrong with a row; `reason` names the field itself so several can be joined into one sentence. */
export interface RowProblem {
  readonly field: string
  readonly reason: string
}

/**
 * A row with cells beyond the header almost always has a value with an unquoted delimiter in it, which shifts
 * every later value into the wrong column; reading it would put a city in the state field. The one harmless
 * case is a tool that ends every data row with a delimiter: when all rows carry the same empty extra cells,
 * they are ignored.
 */
export const shapeCheck = (table: CsvTable): ((row: CsvRow) => RowProblem | null) => {
  const width = table.headers.length
  const [first] = table.rows
  const trailingDelimiters =
    first !== undefined &&
    first.cells.length > width &&
    table.rows.every((row) => row.cells.length === first.cells.length && extraCells(table, row).length === 0)
  const shown = table.delimiter === "\t" ? "tab" : `"${table.delimiter}"`
  return (row) => {
    if (row.cells.length <= width || trailingDelimiters) return null
    const extra = extraCells(table, row)
    return {
      field: "(row)",
      reason: `the row has ${row.cells.length - width} more cells than the header${
        extra.length === 0 ? "" : ` (${extra.map((c) => `"${c}"`).join(", ")})`
      }: a value probably contains an unquoted ${shown}, which shifts the values after it; put that value in quotes`
    }
  }
}

/** The rejected-row record for a row and everything found wrong with it. */
export const rejectRow = (
  fileName: string,
  table: CsvTable,
  row: CsvRow,
  problems: ReadonlyArray<RowProblem>
): RejectedRow => ({
  file: fileName,
  line: row.line,
  field: [...new Set(problems.map((p) => p.field))].join(", "),
  reason: problems.map((p) => p.reason).join("; "),
  raw: formatCsvLine(row.cells, table.delimiter)
})
