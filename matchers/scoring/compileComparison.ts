import { distance } from "fastest-levenshtein"
import { streetParts } from "../prepare/FieldName.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { ValueColumn } from "../prepare/ValueColumn.ts"
import { jaroWinkler } from "../similarity/jaroWinkler.ts"
import type { Comparison, LevelTest } from "./Comparison.ts"

/** Returns the level (0 = missing, 1.. = the comparison's levels in order) two records reach on one field. */
export type LevelOf = (i: number, j: number) => number

type PairTest = (i: number, j: number) => boolean

/** The best Jaro-Winkler similarity between any value of record i and any value of record j. */
export const bestJaroWinkler = (column: ValueColumn, i: number, j: number): number => {
  const { offsets, items, values } = column
  let best = 0
  const ae = offsets[i + 1] ?? 0
  const be = offsets[j + 1] ?? 0
  for (let x = offsets[i] ?? 0; x < ae; x++) {
    const a = values[items[x] ?? 0] ?? ""
    for (let y = offsets[j] ?? 0; y < be; y++) {
      const s = jaroWinkler(a, values[items[y] ?? 0] ?? "")
      if (s > best) best = s
    }
  }
  return best
}

/** True when some value of record i and some value of record j satisfy `agree`. */
const anyValuePair = (column: ValueColumn, agree: (a: string, b: string) => boolean): PairTest => {
  const { offsets, items, values } = column
  return (i, j) => {
    const ae = offsets[i + 1] ?? 0
    const be = offsets[j + 1] ?? 0
    for (let x = offsets[i] ?? 0; x < ae; x++) {
      const a = values[items[x] ?? 0] ?? ""
      for (let y = offsets[j] ?? 0; y < be; y++) if (agree(a, values[items[y] ?? 0] ?? "")) return true
    }
    return false
  }
}

const sharesId = (column: ValueColumn): PairTest => {
  const { offsets, items } = column
  return (i, j) => {
    const ae = offsets[i + 1] ?? 0
    const bs = offsets[j] ?? 0
    const be = offsets[j + 1] ?? 0
    for (let x = offsets[i] ?? 0; x < ae; x++) {
      const id = items[x]
      for (let y = bs; y < be; y++) if (items[y] === id) return true
    }
    return false
  }
}

/** Spelling slack for an outright swap: "Caleb Rwoe" and "Rowe Caleb" are the same two names. */
const SWAP_SIMILARITY = 0.92

/**
 * A value of one record appears in the other record's `other` column: either way round, or with `both` both
 * ways (then allowing a typo, since two crossings already make a chance swap unlikely).
 */
const swapped = (column: ValueColumn, other: ValueColumn, both: boolean): PairTest => {
  const holds = (value: string, r: number): boolean => {
    const end = other.offsets[r + 1] ?? 0
    for (let y = other.offsets[r] ?? 0; y < end; y++) {
      const candidate = other.values[other.items[y] ?? 0] ?? ""
      if (candidate === value || (both && jaroWinkler(candidate, value) >= SWAP_SIMILARITY)) return true
    }
    return false
  }
  const oneWay = (c: ValueColumn, from: number, to: number): boolean => {
    const end = c.offsets[from + 1] ?? 0
    for (let x = c.offsets[from] ?? 0; x < end; x++) if (holds(c.values[c.items[x] ?? 0] ?? "", to)) return true
    return false
  }
  return both ? (i, j) => oneWay(column, i, j) && oneWay(column, j, i) : (i, j) => oneWay(column, i, j) || oneWay(column, j, i)
}

/** Same mailbox name before the "@", compared in place. */
const sameLocalPart = (a: string, b: string): boolean => {
  const at = a.lastIndexOf("@")
  if (at <= 0 || at !== b.lastIndexOf("@")) return false
  for (let k = 0; k < at; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false
  return true
}

/** Same last `length` characters, compared in place. */
const sameEnding = (length: number) => (a: string, b: string): boolean => {
  if (a.length < length || b.length < length) return false
  for (let k = 1; k <= length; k++) if (a.charCodeAt(a.length - k) !== b.charCodeAt(b.length - k)) return false
  return true
}

/**
 * Turns a comparison into a function over prepared records. Every test is built once here, so scoring a pair
 * allocates nothing; values are interned, so exact agreement is an id test; and a pair's fuzzy similarity is
 * computed at most once however many levels ask for it.
 */
export const compileComparison = (records: PreparedRecords, comparison: Comparison): LevelOf => {
  const column = records.columns[comparison.field]
  const { offsets } = column
  const skipForPoBox = streetParts.has(comparison.field)
  const isPoBox = records.isPoBox
  let lastI = -1
  let lastJ = -1
  let lastSimilarity = 0
  const similarity = (i: number, j: number): number => {
    if (i !== lastI || j !== lastJ) {
      lastSimilarity = bestJaroWinkler(column, i, j)
      lastI = i
      lastJ = j
    }
    return lastSimilarity
  }
  const compileTest = (t: LevelTest): PairTest => {
    switch (t._tag) {
      case "Exact":
        return sharesId(column)
      case "Nickname":
        return anyValuePair(column, records.nicknames.areEquivalent)
      case "Swapped":
        return swapped(column, records.columns[t.other], t.both)
      case "JaroWinkler":
        return (i, j) => similarity(i, j) >= t.atLeast
      case "EditDistance":
        return anyValuePair(column, (a, b) => Math.abs(a.length - b.length) <= t.atMost && distance(a, b) <= t.atMost)
      case "SameEnding":
        return anyValuePair(column, sameEnding(t.length))
      case "SameLocalPart":
        return anyValuePair(column, sameLocalPart)
      case "Else":
        return () => true
    }
  }
  const tests = comparison.levels.map((l) => compileTest(l.test))
  const count = tests.length
  // A one-way crossing needs this field on one record only: "Thomas Gabriel" and a record holding just the last
  // name "Thomas" cross, though the second has no first name to compare.
  const crossing = comparison.levels.findIndex((l) => l.test._tag === "Swapped" && !l.test.both)
  const crosses = tests[crossing]
  return (i, j) => {
    if ((offsets[i] ?? 0) === (offsets[i + 1] ?? 0) || (offsets[j] ?? 0) === (offsets[j + 1] ?? 0)) {
      return crosses !== undefined && crosses(i, j) ? crossing + 1 : 0
    }
    // A PO box and a street address describe different things; neither agrees nor disagrees with the other.
    if (skipForPoBox && isPoBox[i] !== isPoBox[j]) return 0
    lastI = -1
    for (let k = 0; k < count; k++) if (tests[k]?.(i, j) === true) return k + 1
    return count
  }
}
