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
  readonly key: K
  /** Every header that would have been accepted, for the error message. */
  readonly accepted: ReadonlyArray<string>
}

const keysOf = <K extends string>(aliases: ColumnAliases<K>): ReadonlyArray<K> =>
  Object.keys(aliases).filter((k): k is K => Object.hasOwn(aliases, k))

/** The normalised headers that name `key`: its own name and each alias. */
const namesFor = <K extends string>(aliases: ColumnAliases<K>, key: K): ReadonlySet<string> =>
  new Set([key, ...aliases[key].aliases].map(normalizeHeader))

/**
 * Finds each known column among a file's headers, ignoring case, spaces and punctuation. The first header that
 * matches wins; headers that match nothing are ignored. Fails with every required column that is absent.
 */
export const resolveColumns = <K extends string>(
  headers: ReadonlyArray<string>,
  aliases: ColumnAliases<K>
): Either.Either<ResolvedColumns<K>, ReadonlyArray<MissingColumn<K>>> => {
  const normalized = headers.map(normalizeHeader)
  const indexOf: Partial<Record<K, number>> = {}
  const missing: Array<MissingColumn<K>> = []
  for (const key of keysOf(aliases)) {
    const names = namesFor(aliases, key)
    const index = normalized.findIndex((h) => names.has(h))
    if (index >= 0) indexOf[key] = index
    else if (aliases[key].required) missing.push({ key, accepted: [key, ...aliases[key].aliases] })
  }
  if (missing.length > 0) return Either.left(missing)
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
