import { Either } from "effect"
import type { CsvHeader } from "../../csv/readCsvTable.ts"
import { describeColumnProblem, resolveColumns } from "../../csv/resolveColumns.ts"
import type { ColumnAliases, ResolvedColumns } from "../../csv/resolveColumns.ts"
import { PomExportError } from "./PomExportError.ts"

/** A POM file's columns, plus the header text the file uses for each, so messages speak the file's language. */
export interface PomColumns<K extends string> extends ResolvedColumns<K> {
  readonly headerOf: (key: K) => string
}

/** Finds the columns of a POM export file; a missing required column, or one named twice, refuses the whole file. */
export const resolvePomColumns = <K extends string>(
  table: CsvHeader,
  aliases: ColumnAliases<K>
): Either.Either<PomColumns<K>, PomExportError> =>
  Either.match(resolveColumns(table.headers, aliases), {
    onLeft: (problems) => {
      const [first] = problems
      const detail = problems.map(describeColumnProblem).join("; ")
      return Either.left(
        new PomExportError({
          file: table.file,
          line: null,
          column: first?.key ?? null,
          headersFound: table.headers,
          detail: `${detail}. Headers found: ${table.headers.map((h) => `"${h}"`).join(", ")}. Rename the column, or export the file again from POM with each column once`
        })
      )
    },
    onRight: (columns) =>
      Either.right({
        ...columns,
        headerOf: (key: K) => {
          const index = columns.indexOf[key]
          return (index === undefined ? undefined : table.headers[index]) ?? key
        }
      })
  })
