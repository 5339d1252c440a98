import { Either } from "effect"
import { MAX_CELL_CHARS } from "../../csv/cellLimit.ts"
import { cleanSpreadsheetId } from "../../csv/cleanSpreadsheetId.ts"
import { parseSpreadsheetDate } from "../../csv/parseSpreadsheetDate.ts"
import type { CsvRow } from "../../csv/readCsvTable.ts"
import type { PomColumns } from "./resolvePomColumns.ts"
import type { RejectedSeverity } from "../../../pipeline/domain/RejectedRow.ts"
import type { RowProblem } from "./RowProblem.ts"
import { nonBlankList } from "../../nonBlankList.ts"

/**
 * Reads rows' fields, collecting what is wrong instead of stopping at the first problem, so a rejection lists
 * everything the person has to fix. A field that does not read is recorded and returned as null; dates are optional
 * fields (the record is kept without them), ids drop the row unless the caller says the id is optional.
 *
 * Made once per file and pointed at each row in turn (`const read = readRow(row)`): what it returns reads that
 * row until the next call. Building the readers once rather than per row matters at a few hundred thousand rows.
 */
export const pomRowReader = <K extends string>(columns: PomColumns<K>) => {
  let row: CsvRow = { line: 0, row: 0, cells: [] }
  let problems: Array<RowProblem> = []
  const cell = (key: K): string => columns.get(row, key)
  const problem = (key: K, reason: string, severity: RejectedSeverity = "row"): void => {
    const header = columns.headerOf(key)
    problems.push({ field: header, reason: `${header} ${reason}`, severity })
  }
  const date = (key: K): string | null =>
    Either.getOrElse(parseSpreadsheetDate(cell(key)), (reason) => {
      problem(key, reason, "field")
      return null
    })
  /** An id that may be blank; `severity` says whether a bad one drops the row (a link) or only the field. */
  const optionalId = (key: K, severity: RejectedSeverity = "row"): string | null =>
    Either.getOrElse(cleanSpreadsheetId(cell(key)), (reason) => {
      problem(key, reason, severity)
      return null
    })
  /** An id as far as it can be made out, recording nothing: for naming a row that is dropped. */
  const readableId = (key: K): string | null => {
    const id = Either.getOrNull(cleanSpreadsheetId(cell(key)))
    return id === null || id === "" || id.length > MAX_CELL_CHARS ? null : id
  }
  const requiredId = (key: K): string | null => {
    const id = optionalId(key)
    if (id === null && cell(key) === "") problem(key, "is empty")
    return id
  }
  /** A required id that must not repeat; `seenAt` gives the line an id was first read on. */
  const uniqueId = (key: K, seenAt: (id: string) => number | undefined): string | null => {
    const id = requiredId(key)
    const first = id === null ? undefined : seenAt(id)
    if (first !== undefined) problem(key, `${id} is already used at line ${first}; only that row is read`)
    return first === undefined ? id : null
  }
  const nonBlank = (keys: ReadonlyArray<K>): ReadonlyArray<string> => nonBlankList(keys.map(cell))
  const reader = {
    /** This row's problems so far. */
    get problems(): Array<RowProblem> {
      return problems
    },
    problem,
    cell,
    date,
    optionalId,
    readableId,
    requiredId,
    uniqueId,
    nonBlank
  }
  return (next: CsvRow): typeof reader => {
    row = next
    problems = []
    return reader
  }
}
