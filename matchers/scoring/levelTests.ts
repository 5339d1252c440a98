import type { ValueColumn } from "../prepare/ValueColumn.ts"
import type { NicknameTable } from "../normalize/NicknameTable.ts"
import { organisationKindWords } from "../normalize/companyName.ts"
import { type CodeUnits, codeUnitsOf, jaroWinklerAt, jaroWinklerCeiling } from "../similarity/codeUnitJaroWinkler.ts"
import { withinEdits } from "../similarity/withinEdits.ts"

/*
 * The tests a comparison level runs on two records, each over every pair of their values (record i holds
 * `items[offsets[i]] .. items[offsets[i + 1] - 1]` of a column): plain functions of plain arguments, so the level
 * loop in `compileComparison` calls them directly and the engine can inline them.
 */

/** Room for rounding between `jaroWinklerCeiling` and the similarity it bounds. */
const CEILING_SLACK = 1e-9

/**
 * The best Jaro-Winkler similarity between any value of record i and any value of record j, on the column's values
 * decoded once (`units`), except that value pairs whose ceiling is below `floor` are left out: the result is exact
 * when it reaches `floor` (always, with a `floor` of 0), and below `floor` when the true best is.
 */
export const bestJaroWinklerAbove = (column: ValueColumn, units: CodeUnits, floor: number, i: number, j: number): number => {
  const { offsets, items } = column
  let best = 0
  const ae = offsets[i + 1] ?? 0
  const be = offsets[j + 1] ?? 0
  for (let x = offsets[i] ?? 0; x < ae; x++) {
    const a = items[x] ?? 0
    for (let y = offsets[j] ?? 0; y < be; y++) {
      const b = items[y] ?? 0
      if (jaroWinklerCeiling(units, a, units, b) + CEILING_SLACK < floor) continue
      const s = jaroWinklerAt(units, a, units, b)
      if (s > best) best = s
    }
  }
  return best
}

export const sharesId = (column: ValueColumn, i: number, j: number): boolean => {
  const { offsets, items } = column
  const ae = offsets[i + 1] ?? 0
  const bs = offsets[j] ?? 0
  const be = offsets[j + 1] ?? 0
  for (let x = offsets[i] ?? 0; x < ae; x++) {
    const id = items[x]
    for (let y = bs; y < be; y++) if (items[y] === id) return true
  }
  return false
}

/** Per value of a column, the ids of the column's values the nickname table links it with. */
export interface NicknameIds {
  /** Value a's nicknames are `ids[starts[a]] .. ids[starts[a + 1] - 1]`. */
  readonly starts: Int32Array
  readonly ids: Int32Array
}

/**
 * Looked up once per value, so the level loop compares ids instead of hashing two names per pair of values; two
 * flat arrays rather than one per value, since tens of thousands of small arrays bring a full collection nearer.
 */
export const nicknameIdsOf = (column: ValueColumn, nicknames: NicknameTable): NicknameIds => {
  const { values } = column
  const idOf = new Map<string, number>()
  values.forEach((v, id) => idOf.set(v, id))
  const starts = new Int32Array(values.length + 1)
  let total = 0
  values.forEach((v, id) => {
    for (const n of nicknames.nicknamesOf(v)) if (idOf.has(n)) total++
    starts[id + 1] = total
  })
  const ids = new Int32Array(total)
  let at = 0
  values.forEach((v) => {
    for (const n of nicknames.nicknamesOf(v)) {
      const id = idOf.get(n)
      if (id !== undefined) ids[at++] = id
    }
  })
  return { starts, ids }
}

/** Some value of record i is some value of record j or one of its nicknames (`nicknameIds` from `nicknameIdsOf`). */
export const anyNickname = (column: ValueColumn, nicknameIds: NicknameIds, i: number, j: number): boolean => {
  const { offsets, items } = column
  const { starts, ids } = nicknameIds
  const ae = offsets[i + 1] ?? 0
  const bs = offsets[j] ?? 0
  const be = offsets[j + 1] ?? 0
  for (let x = offsets[i] ?? 0; x < ae; x++) {
    const a = items[x] ?? 0
    const ne = starts[a + 1] ?? 0
    for (let y = bs; y < be; y++) {
      const b = items[y] ?? 0
      if (a === b) return true
      for (let n = starts[a] ?? 0; n < ne; n++) if (ids[n] === b) return true
    }
  }
  return false
}

/**
 * Some value of one record is a single letter that begins some value of the other. Read from the values decoded
 * once (`units`), whose lengths and first letters sit together, rather than from strings spread over the heap.
 */
export const anyInitial = (column: ValueColumn, units: CodeUnits, i: number, j: number): boolean => {
  const { offsets, items } = column
  const { codes, starts } = units
  const ae = offsets[i + 1] ?? 0
  const be = offsets[j + 1] ?? 0
  for (let x = offsets[i] ?? 0; x < ae; x++) {
    const a = items[x] ?? 0
    const as = starts[a] ?? 0
    const la = (starts[a + 1] ?? 0) - as
    if (la === 0) continue
    for (let y = offsets[j] ?? 0; y < be; y++) {
      const b = items[y] ?? 0
      const bs = starts[b] ?? 0
      const lb = (starts[b + 1] ?? 0) - bs
      if (lb > 0 && (la === 1 || lb === 1) && codes[as] === codes[bs]) return true
    }
  }
  return false
}

export const anyWithinEdits = (column: ValueColumn, atMost: number, i: number, j: number): boolean => {
  const { offsets, items, values } = column
  const ae = offsets[i + 1] ?? 0
  const be = offsets[j + 1] ?? 0
  for (let x = offsets[i] ?? 0; x < ae; x++) {
    const a = values[items[x] ?? 0] ?? ""
    for (let y = offsets[j] ?? 0; y < be; y++) if (withinEdits(a, values[items[y] ?? 0] ?? "", atMost)) return true
  }
  return false
}

/** Names shorter than this turn up inside unrelated mailbox names by chance ("li", "ng"). */
const SHORTEST_SPELLED_NAME = 3

/**
 * Mailbox names `a` and `b` (their last "@" at `atA` and `atB`) differ at one domain, and every name that records
 * i and j share in `names` is spelled in both or in neither, at least one in both: see `notBuiltFrom` on the
 * EditDistance test.
 */
export const builtFromSharedNames = (
  a: string,
  atA: number,
  b: string,
  atB: number,
  names: ReadonlyArray<ValueColumn>,
  i: number,
  j: number
): boolean => {
  if (atA <= 0 || atB <= 0 || a.slice(atA) !== b.slice(atB)) return false
  const localA = a.slice(0, atA)
  const localB = b.slice(0, atB)
  if (localA === localB) return false
  let spelled = 0
  for (const column of names) {
    const { offsets, items, values } = column
    const be = offsets[j + 1] ?? 0
    for (let x = offsets[i] ?? 0; x < (offsets[i + 1] ?? 0); x++) {
      const id = items[x] ?? 0
      let shared = false
      for (let y = offsets[j] ?? 0; y < be && !shared; y++) shared = items[y] === id
      const name = values[id] ?? ""
      if (!shared || name.length < SHORTEST_SPELLED_NAME) continue
      const inA = localA.includes(name)
      if (inA !== localB.includes(name)) return false
      if (inA) spelled++
    }
  }
  return spelled > 0
}

/** What `mistypedEmail` found: no near miss, a near miss taken as a typo, or only mailboxes built from the names. */
export const NO_NEAR_EMAIL = 0
export const MISTYPED = 1
export const BUILT_FROM_NAMES = 2

/**
 * `anyWithinEdits` for email addresses, telling apart pairs of mailbox names built from the names the records
 * share (`lastAt` as for `anySameLocalPart`); a typo anywhere wins over those.
 */
export const mistypedEmail = (
  column: ValueColumn,
  atMost: number,
  lastAt: Int32Array,
  names: ReadonlyArray<ValueColumn>,
  i: number,
  j: number
): number => {
  const { offsets, items, values } = column
  const ae = offsets[i + 1] ?? 0
  const be = offsets[j + 1] ?? 0
  let found = NO_NEAR_EMAIL
  for (let x = offsets[i] ?? 0; x < ae; x++) {
    const a = items[x] ?? 0
    const textA = values[a] ?? ""
    for (let y = offsets[j] ?? 0; y < be; y++) {
      const b = items[y] ?? 0
      const textB = values[b] ?? ""
      if (!withinEdits(textA, textB, atMost)) continue
      if (!builtFromSharedNames(textA, lastAt[a] ?? -1, textB, lastAt[b] ?? -1, names, i, j)) return MISTYPED
      found = BUILT_FROM_NAMES
    }
  }
  return found
}

/** Same last `length` characters, compared in place. */
const sameEnding = (a: string, b: string, length: number): boolean => {
  if (a.length < length || b.length < length) return false
  for (let k = 1; k <= length; k++) if (a.charCodeAt(a.length - k) !== b.charCodeAt(b.length - k)) return false
  return true
}

export const anySameEnding = (column: ValueColumn, length: number, i: number, j: number): boolean => {
  const { offsets, items, values } = column
  const ae = offsets[i + 1] ?? 0
  const be = offsets[j + 1] ?? 0
  for (let x = offsets[i] ?? 0; x < ae; x++) {
    const a = values[items[x] ?? 0] ?? ""
    for (let y = offsets[j] ?? 0; y < be; y++) if (sameEnding(a, values[items[y] ?? 0] ?? "", length)) return true
  }
  return false
}

/** Same mailbox name before the "@" (at `atA` and `atB`, the last "@" of each), compared in place. */
const sameLocalPart = (a: string, atA: number, b: string, atB: number): boolean => {
  if (atA <= 0 || atA !== atB) return false
  for (let k = 0; k < atA; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false
  return true
}

/** `lastAt[id]` is where the last "@" of value id is (-1 for none), found once per value rather than per pair. */
export const anySameLocalPart = (column: ValueColumn, lastAt: Int32Array, i: number, j: number): boolean => {
  const { offsets, items, values } = column
  const ae = offsets[i + 1] ?? 0
  const be = offsets[j + 1] ?? 0
  for (let x = offsets[i] ?? 0; x < ae; x++) {
    const a = items[x] ?? 0
    const atA = lastAt[a] ?? -1
    if (atA <= 0) continue
    for (let y = offsets[j] ?? 0; y < be; y++) {
      const b = items[y] ?? 0
      if (sameLocalPart(values[a] ?? "", atA, values[b] ?? "", lastAt[b] ?? -1)) return true
    }
  }
  return false
}

/** Spelling slack for an outright swap: "Caleb Rwoe" and "Rowe Caleb" are the same two names. */
const SWAP_SIMILARITY = 0.92

/** The two columns a swap crosses, with their values decoded when a typo is allowed (`both`). */
export interface Crossing {
  readonly column: ValueColumn
  readonly other: ValueColumn
  readonly both: boolean
  readonly units: CodeUnits | null
  readonly otherUnits: CodeUnits | null
  /** Per value of `column`, the id of the same text in `other` (-1 for none): see `sameTextIn`. */
  readonly sameInOther: Int32Array
}

/**
 * Per value of `from`, the id of the value spelled the same in `to` (-1 for none). Both columns are interned, so a
 * crossing asks whether a record holds one id rather than comparing texts, once per value instead of once per pair.
 */
export const sameTextIn = (from: ValueColumn, to: ValueColumn): Int32Array => {
  const idOf = new Map<string, number>()
  to.values.forEach((v, id) => idOf.set(v, id))
  return Int32Array.from(from.values, (v) => idOf.get(v) ?? -1)
}

/** Record r holds value `id` of the crossing's column in its `other` column (with `both`, allowing a typo). */
const holds = (s: Crossing, id: number, r: number): boolean => {
  const { other } = s
  const same = s.sameInOther[id] ?? -1
  // Without a typo allowed only the same text crosses, and most names are never the other field's.
  if (same < 0 && !s.both) return false
  const end = other.offsets[r + 1] ?? 0
  for (let y = other.offsets[r] ?? 0; y < end; y++) {
    const candidate = other.items[y] ?? 0
    if (candidate === same) return true
    if (s.both && s.units !== null && s.otherUnits !== null) {
      if (jaroWinklerCeiling(s.otherUnits, candidate, s.units, id) + CEILING_SLACK < SWAP_SIMILARITY) continue
      if (jaroWinklerAt(s.otherUnits, candidate, s.units, id) >= SWAP_SIMILARITY) return true
    }
  }
  return false
}

/** Some value of record `from` in the crossing's column is held by record `to` in its other column. */
const crossesOneWay = (s: Crossing, from: number, to: number): boolean => {
  const { offsets, items } = s.column
  const end = offsets[from + 1] ?? 0
  for (let x = offsets[from] ?? 0; x < end; x++) if (holds(s, items[x] ?? 0, to)) return true
  return false
}

/**
 * A value of one record appears in the other record's `other` column: either way round, or with `both` both
 * ways (then allowing a typo, since two crossings already make a chance swap unlikely).
 */
export const swapped = (s: Crossing, i: number, j: number): boolean =>
  s.both ? crossesOneWay(s, i, j) && crossesOneWay(s, j, i) : crossesOneWay(s, i, j) || crossesOneWay(s, j, i)

/** The words of `name` that `other` lacks, leaving out words that only say what kind of organisation it is. */
const ownWords = (name: string, other: ReadonlyArray<string>): string =>
  name
    .split(" ")
    .filter((w) => !organisationKindWords.has(w) && !other.includes(w))
    .join(" ")

/**
 * Both names have words of their own and those are unlike: see `OwnWordsDiffer`. Built per pair, for the names that
 * share a word; `ownWords.ts` answers the rest from words split once per value.
 */
export const ownWordsDiffer = (a: string, b: string, below: number): boolean => {
  const own = ownWords(a, b.split(" "))
  const otherOwn = ownWords(b, a.split(" "))
  if (own === "" || otherOwn === "") return false
  const units = codeUnitsOf([own, otherOwn])
  return jaroWinklerAt(units, 0, units, 1) < below
}

/** Some value of record i and some value of record j map to the same text in `textOf` (indexed by value id). */
export const anySameText = (column: ValueColumn, textOf: ReadonlyArray<string>, i: number, j: number): boolean => {
  const { offsets, items } = column
  const ae = offsets[i + 1] ?? 0
  const be = offsets[j + 1] ?? 0
  for (let x = offsets[i] ?? 0; x < ae; x++) {
    const a = textOf[items[x] ?? 0]
    for (let y = offsets[j] ?? 0; y < be; y++) if (textOf[items[y] ?? 0] === a) return true
  }
  return false
}
