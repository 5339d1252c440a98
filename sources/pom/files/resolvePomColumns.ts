import { Either } from "effect"
import type { CsvTable } from "../../csv/readCsvTable.ts"
import { resolveColumns } from "../../csv/resolveColumns.ts"
import type { ColumnAliases, ResolvedColumns } from "../../csv/resolveColumns.ts"
import { PomExportError } from "./PomExportError.ts"

/** A POM file's columns, plus the header text the file uses for each, so messages speak the file's language. */
export interface PomColumns<K extends string> extends ResolvedColumns<K> {
  readonly headerOf: (key: K) => string
}

/** Finds the columns of a POM export file; a missing required column refuses the whole file. */
export const resolvePomColumns = <K extends string>(
  table: CsvTable,
  aliases: ColumnAliases<K>
): Either.Either<PomColumns<K>, PomExportError> =>
  Either.match(resolveColumns(table.headers, aliases), {
    onLeft: (missing) => {
      const [first] = missing
      const detail = missing
        .map((m) => `required column "${m.key}" is missing (accepted headers: ${m.accepted.map((a) => `"${a}"`).join(", ")})`)
        .join("; ")
      return Either.left(
        new PomExportError({
          file: table.file,
          line: null,
          column: first?.key ?? null,
          headersFound: table.headers,
          detail: `${detail}. Headers found: ${table.headers.map((h) => `"${h}"`).join(", ")}. Rename the column or export the file again from POM with it included`
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
