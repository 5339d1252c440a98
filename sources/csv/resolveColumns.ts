import { Either } from "effect"
import { normalizeHeader } from "./normalizeHeader.ts"
import type { CsvRow } from "./readCsvTable.ts"

/** One column a reader understands: whether it must be present and the other headers people give it. */
export interface ColumnSpec {
  readonly required: boolean
  readonly aliases: ReadonlyArray<string>
}

/** The columns of one kind of file, keyed by the name the reader uses (the API's field name where there is one). */
export type ColumnAliases<K extends string> = Readonly<Record<K, ColumnSpec>>

/** Where each known column sits in a file, and a way to read a cell by column name. */
export interface ResolvedColumns<K extends string> {
  readonly indexOf: Readonly<Partial<Record<K, number>>>
  /** The cell of that column in the row, or "" when the file has no such column. */
  readonly get: (row: CsvRow, key: K) => string
}

export interface MissingColumn<K extends string> {
  readonly _tag: "missing"
  readonly key: K
  /** Every header that would have been accepted, for the error message. */
  readonly accepted: ReadonlyArray<string>
}

/** Two headers that both name one column: which one holds the values is a guess, so the file is refused. */
export interface DuplicateColumn<K extends string> {
  readonly _tag: "duplicate"
  readonly key: K
  /** The two headers as the file writes them, and their 1-based positions. */
  readonly headers: readonly [string, string]
  readonly positions: readonly [number, number]
}

export type ColumnProblem<K extends string> = MissingColumn<K> | DuplicateColumn<K>

/** One sentence naming the problem in the file's own words. */
export const describeColumnProblem = <K extends string>(problem: ColumnProblem<K>): string =>
  problem._tag === "missing"
    ? `required column "${problem.key}" is missing (accepted headers: ${problem.accepted.map((a) => `"${a}"`).join(", ")})`
    : `columns ${problem.positions[0]} "${problem.headers[0]}" and ${problem.positions[1]} "${problem.headers[1]}" both name ${problem.key}: delete or rename one of them`

const keysOf = <K extends string>(aliases: ColumnAliases<K>): ReadonlyArray<K> =>
  Object.keys(aliases).filter((k): k is K => Object.hasOwn(aliases, k))

/** The normalised headers that name `key`: its own name and each alias. */
const namesFor = <K extends string>(aliases: ColumnAliases<K>, key: K): ReadonlySet<string> =>
  new Set([key, ...aliases[key].aliases].map(normalizeHeader))

/**
 * Finds each known column among a file's headers, ignoring case, spaces and punctuation; headers that match
 * nothing are ignored. Fails with every required column that is absent and every column two headers name
 * ("Phone" and "Phone Number", or "Email" twice): reading either one would be a guess.
 */
export const resolveColumns = <K extends string>(
  headers: ReadonlyArray<string>,
  aliases: ColumnAliases<K>
): Either.Either<ResolvedColumns<K>, ReadonlyArray<ColumnProblem<K>>> => {
  const normalized = headers.map(normalizeHeader)
  const indexOf: Partial<Record<K, number>> = {}
  const problems: Array<ColumnProblem<K>> = []
  for (const key of keysOf(aliases)) {
    const names = namesFor(aliases, key)
    const [index, second] = normalized.flatMap((h, i) => (names.has(h) ? [i] : []))
    if (index !== undefined) indexOf[key] = index
    else if (aliases[key].required) problems.push({ _tag: "missing", key, accepted: [key, ...aliases[key].aliases] })
    if (index !== undefined && second !== undefined) {
      problems.push({
        _tag: "duplicate",
        key,
        headers: [headers[index] ?? "", headers[second] ?? ""],
        positions: [index + 1, second + 1]
      })
    }
  }
  if (problems.length > 0) return Either.left(problems)
  return Either.right({
    indexOf,
    get: (row, key) => {
      const index = indexOf[key]
      return index === undefined ? "" : (row.cells[index] ?? "")
    }
  })
}

/** Pairs of columns in one table that claim the same header, which would make reading ambiguous. */
export const aliasCollisions = <K extends string>(aliases: ColumnAliases<K>): ReadonlyArray<string> => {
  const owner = new Map<string, K>()
  const collisions: Array<string> = []
  for (const key of keysOf(aliases)) {
    for (const name of namesFor(aliases, key)) {
      const other = owner.get(name)
      if (other !== undefined && other !== key) collisions.push(`"${name}" names both ${other} and ${key}`)
      else owner.set(name, key)
    }
  }
  return collisions
}
