import { organisationKindWords } from "../normalize/companyName.ts"
import type { ValueColumn } from "../prepare/ValueColumn.ts"
import { type CodeUnits, codeUnitsOf, jaroWinklerAt } from "../similarity/codeUnitJaroWinkler.ts"
import { ownWordsDiffer } from "./levelTests.ts"

/**
 * Each business name's words that say which organisation it is (see `OwnWordsDiffer`), worked out once per value:
 * u is estimated on random pairs, nearly every one of them two unrelated names, and splitting and joining both
 * names for each of those pairs allocated more than the rest of the comparisons together.
 */
export interface OwnWords {
  /** Value v's words, kind words left out, are `words[offsets[v]] .. words[offsets[v + 1] - 1]`, as word ids. */
  readonly offsets: Int32Array
  readonly words: Int32Array
  /** Per value, those words joined by a space, decoded: its own words against any name it shares none with. */
  readonly cores: CodeUnits
}

export const ownWordsOf = (values: ReadonlyArray<string>): OwnWords => {
  const ids = new Map<string, number>()
  const offsets = new Int32Array(values.length + 1)
  const words: Array<number> = []
  const cores = values.map((value, v) => {
    const kept = value.split(" ").filter((w) => !organisationKindWords.has(w))
    for (const w of kept) {
      let id = ids.get(w)
      if (id === undefined) {
        id = ids.size
        ids.set(w, id)
      }
      words.push(id)
    }
    offsets[v + 1] = words.length
    return kept.join(" ")
  })
  return { offsets, words: Int32Array.from(words), cores: codeUnitsOf(cores) }
}

const shareAWord = (own: OwnWords, a: number, b: number): boolean => {
  const { offsets, words } = own
  const be = offsets[b + 1] ?? 0
  for (let x = offsets[a] ?? 0; x < (offsets[a + 1] ?? 0); x++) {
    for (let y = offsets[b] ?? 0; y < be; y++) if (words[x] === words[y]) return true
  }
  return false
}

/**
 * `ownWordsDiffer` of values a and b. Two names sharing no word keep all their words, so their own words are the
 * cores, compared in place; only names with a word in common build their own words, as `ownWordsDiffer` does.
 */
const ownWordsDifferAt = (column: ValueColumn, own: OwnWords, below: number, a: number, b: number): boolean => {
  if (a === b) return false
  if (shareAWord(own, a, b)) return ownWordsDiffer(column.values[a] ?? "", column.values[b] ?? "", below)
  const { starts } = own.cores
  if ((starts[a + 1] ?? 0) === (starts[a] ?? 0) || (starts[b + 1] ?? 0) === (starts[b] ?? 0)) return false
  return jaroWinklerAt(own.cores, a, own.cores, b) < below
}

/** Some value of record i and some value of record j name their own words unlike: see `OwnWordsDiffer`. */
export const anyOwnWordsDiffer = (column: ValueColumn, own: OwnWords, below: number, i: number, j: number): boolean => {
  const { offsets, items } = column
  const ae = offsets[i + 1] ?? 0
  const be = offsets[j + 1] ?? 0
  for (let x = offsets[i] ?? 0; x < ae; x++) {
    const a = items[x] ?? 0
    for (let y = offsets[j] ?? 0; y < be; y++) if (ownWordsDifferAt(column, own, below, a, items[y] ?? 0)) return true
  }
  return false
}
