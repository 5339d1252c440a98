import { Either } from "effect"
import type { CsvRow, CsvTable } from "../../sources/csv/readCsvTable.ts"
import type { MatchRecord } from "../MatchRecord.ts"
import { EvalInputError } from "./EvalInputError.ts"
import type { FieldMap, MappableField } from "./FieldMap.ts"

export interface LabelledColumns {
  /** Column holding each record's id. */
  readonly id: string
  /** Column holding each record's true entity (or, with `truthPattern`, text the entity is read from). */
  readonly truth: string
  /** Reads the entity from the truth column: the first capture group, else the whole match. */
  readonly truthPattern: RegExp | null
  readonly fields: FieldMap
}

export interface LabelledRecords {
  readonly records: ReadonlyArray<MatchRecord>
  /** The true entity of each record. */
  readonly entity: ReadonlyArray<string>
}

/** Parses a `--truth-pattern`; an invalid expression is an input error, not a crash. */
export const parseTruthPattern = (pattern: string): Either.Either<RegExp, EvalInputError> =>
  Either.try({
    try: () => new RegExp(pattern),
    catch: (e) =>
      new EvalInputError({ source: "--truth-pattern", line: null, detail: `not a regular expression (${e instanceof Error ? e.message : String(e)})` })
  })

/**
 * Turns the rows of a labelled CSV into match records, as a QBO customer would be (a labelled person is a
 * payer: see `pairSemantics.ts`), and reads each row's entity. Every missing column is reported at once.
 */
export const labelledRecords = (table: CsvTable, columns: LabelledColumns): Either.Either<LabelledRecords, EvalInputError> => {
  const index = new Map(table.headers.map((h, i) => [h.trim().toLowerCase(), i] as const))
  const wanted = [columns.id, columns.truth, ...[...columns.fields.values()].flat()]
  const missing = [...new Set(wanted.filter((c) => !index.has(c.trim().toLowerCase())))]
  if (missing.length > 0) {
    return Either.left(
      new EvalInputError({
        source: table.file,
        line: 1,
        detail: `no column ${missing.map((m) => `"${m}"`).join(", ")}; the columns are ${table.headers.map((h) => `"${h}"`).join(", ")}`
      })
    )
  }
  const at = (name: string): number => index.get(name.trim().toLowerCase()) ?? -1
  const fieldColumns = new Map([...columns.fields].map(([f, cols]) => [f, cols.map(at)] as const))
  const value = (row: CsvRow, field: MappableField): string =>
    (fieldColumns.get(field) ?? [])
      .map((c) => (row.cells[c] ?? "").trim())
      .filter((v) => v !== "")
      .join(" ")
  const idColumn = at(columns.id)
  const truthColumn = at(columns.truth)
  const records: Array<MatchRecord> = []
  const entity: Array<string> = []
  for (const row of table.rows) {
    const truthText = (row.cells[truthColumn] ?? "").trim()
    let label = truthText
    if (columns.truthPattern !== null) {
      const found = columns.truthPattern.exec(truthText)
      if (found === null) {
        return Either.left(
          new EvalInputError({
            source: table.file,
            line: row.line,
            detail: `the truth "${truthText}" does not match --truth-pattern ${columns.truthPattern.source}`
          })
        )
      }
      label = found[1] ?? found[0]
    }
    const street = value(row, "street")
    const city = value(row, "city")
    const state = value(row, "state")
    const zip = value(row, "zip")
    const email = value(row, "email")
    const phone = value(row, "phone")
    records.push({
      ref: { system: "qbo", id: (row.cells[idColumn] ?? "").trim() },
      firstName: value(row, "firstName"),
      lastName: value(row, "lastName"),
      fullName: value(row, "fullName"),
      companyName: value(row, "companyName"),
      emails: email === "" ? [] : [email],
      phones: phone === "" ? [] : [phone],
      address: street === "" && city === "" && state === "" && zip === "" ? null : { street, city, state, zip }
    })
    // A row without a truth value is an entity of its own: it has no true pair.
    entity.push(label === "" ? `\u0000row ${row.line}` : label)
  }
  return Either.right({ records, entity })
}
