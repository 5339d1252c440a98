import { streetNumbers } from "../normalize/numberedStreet.ts"
import { streetParts } from "../prepare/FieldName.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { ValueColumn } from "../prepare/ValueColumn.ts"
import { type CodeUnits, codeUnitsOf } from "../similarity/codeUnitJaroWinkler.ts"
import type { Comparison, LevelTest } from "./Comparison.ts"
import {
  anyInitial,
  anyNickname,
  anySameEnding,
  anySameText,
  anySameLocalPart,
  anyWithinEdits,
  bestJaroWinklerAbove,
  BUILT_FROM_NAMES,
  type Crossing,
  MISTYPED,
  type NicknameIds,
  mistypedEmail,
  nicknameIdsOf,
  sharesId,
  sameTextIn,
  swapped
} from "./levelTests.ts"
import { anyOwnWordsDiffer, type OwnWords, ownWordsOf } from "./ownWords.ts"

const noNicknames: NicknameIds = { starts: new Int32Array(1), ids: new Int32Array(0) }

/** Returns the level (0 = missing, 1.. = the comparison's levels in order) two records reach on one field. */
export type LevelOf = (i: number, j: number) => number

const EXACT = 0
const NICKNAME = 1
const SWAPPED = 2
const JARO_WINKLER = 3
const EDIT_DISTANCE = 4
const SAME_ENDING = 5
const SAME_LOCAL_PART = 6
const MISTYPED_EMAIL = 7
const OWN_WORDS_DIFFER = 8
const ELSE = 9
const INITIAL = 10

/** Small integers rather than the tags, so that the level loop switches on numbers; the union keeps it exhaustive. */
type Kind =
  | typeof EXACT
  | typeof NICKNAME
  | typeof SWAPPED
  | typeof JARO_WINKLER
  | typeof EDIT_DISTANCE
  | typeof SAME_ENDING
  | typeof SAME_LOCAL_PART
  | typeof MISTYPED_EMAIL
  | typeof OWN_WORDS_DIFFER
  | typeof ELSE
  | typeof INITIAL

/** A level test as flat data of one shape, so the loop over levels reads it without a call through a closure. */
interface CompiledTest {
  readonly kind: Kind
  /** The JW threshold, the edit budget, the ending length, or the JW below which own words differ. */
  readonly bound: number
  readonly crossing: Crossing | null
  /** The name columns a mistyped email must not be built from. */
  readonly names: ReadonlyArray<ValueColumn>
  /** A JW level that needs the same numbers in both values ("52nd St" and "62nd St" are two streets). */
  readonly sameNumbers: boolean
  /** The values' own words, for the test of business names' own words. */
  readonly own: OwnWords | null
}

const compileTest = (records: PreparedRecords, column: ValueColumn, units: CodeUnits, t: LevelTest): CompiledTest => {
  const plain = (kind: Kind, bound = 0): CompiledTest => ({ kind, bound, crossing: null, names: [], sameNumbers: false, own: null })
  switch (t._tag) {
    case "Exact":
      return plain(EXACT)
    case "Nickname":
      return plain(NICKNAME)
    case "Initial":
      return plain(INITIAL)
    case "Swapped": {
      const other = records.columns[t.other]
      const decoded = t.both ? { units, otherUnits: codeUnitsOf(other.values) } : { units: null, otherUnits: null }
      const crossing = { column, other, both: t.both, ...decoded, sameInOther: sameTextIn(column, other) }
      return { kind: SWAPPED, bound: 0, crossing, names: [], sameNumbers: false, own: null }
    }
    case "JaroWinkler":
      return { ...plain(JARO_WINKLER, t.atLeast), sameNumbers: t.sameNumbers === true }
    case "EditDistance":
      return t.notBuiltFrom === undefined
        ? plain(EDIT_DISTANCE, t.atMost)
        : { kind: MISTYPED_EMAIL, bound: t.atMost, crossing: null, names: t.notBuiltFrom.map((f) => records.columns[f]), sameNumbers: false, own: null }
    case "SameEnding":
      return plain(SAME_ENDING, t.length)
    case "SameLocalPart":
      return plain(SAME_LOCAL_PART)
    case "OwnWordsDiffer":
      return { ...plain(OWN_WORDS_DIFFER, t.below), own: ownWordsOf(column.values) }
    case "Else":
      return plain(ELSE)
  }
}

/**
 * Turns a comparison into a function over prepared records. The tests are data read by one loop that calls
 * plain functions, so scoring a pair allocates nothing and every call can be inlined; values are interned, so
 * exact agreement is an id test; and a pair's fuzzy similarity is computed at most once however many levels ask
 * for it.
 */
export const compileComparison = (records: PreparedRecords, comparison: Comparison): LevelOf => {
  const column = records.columns[comparison.field]
  const { offsets } = column
  const skipForPoBox = streetParts.has(comparison.field)
  const isPoBox = records.isPoBox
  const nicknameIds = comparison.levels.some((l) => l.test._tag === "Nickname") ? nicknameIdsOf(column, records.nicknames) : noNicknames
  const units = codeUnitsOf(comparison.levels.some((l) => l.test._tag === "JaroWinkler" || l.test._tag === "Swapped" || l.test._tag === "Initial") ? column.values : [])
  const tests = comparison.levels.map((l) => compileTest(records, column, units, l.test))
  // The numbers in each value, worked out once per value, for the JW levels that need them to agree.
  const numbers = tests.some((t) => t.sameNumbers) ? column.values.map(streetNumbers) : []
  const lastAt = Int32Array.from(tests.some((t) => t.kind === SAME_LOCAL_PART || t.kind === MISTYPED_EMAIL) ? column.values : [], (v) => v.lastIndexOf("@"))
  const count = tests.length
  // Below the lowest JW threshold a similarity's exact value does not change the level.
  const floor = Math.min(...tests.map((t) => (t.kind === JARO_WINKLER ? t.bound : Infinity)))
  // A one-way crossing needs this field on one record only: "Thomas Gabriel" and a record holding just the last
  // name "Thomas" cross, though the second has no first name to compare.
  const crossing = tests.findIndex((t) => t.crossing !== null && !t.crossing.both)
  const crosses = tests[crossing]?.crossing ?? null
  return (i, j) => {
    if ((offsets[i] ?? 0) === (offsets[i + 1] ?? 0) || (offsets[j] ?? 0) === (offsets[j + 1] ?? 0)) {
      return crosses !== null && swapped(crosses, i, j) ? crossing + 1 : 0
    }
    // A PO box and a street address describe different things; neither agrees nor disagrees with the other.
    if (skipForPoBox && isPoBox[i] !== isPoBox[j]) return 0
    let similarity = -1
    for (let k = 0; k < count; k++) {
      const t = tests[k]
      if (t === undefined) break
      let pass = false
      switch (t.kind) {
        case EXACT:
          pass = sharesId(column, i, j)
          break
        case NICKNAME:
          pass = anyNickname(column, nicknameIds, i, j)
          break
        case INITIAL:
          pass = anyInitial(column, units, i, j)
          break
        case SWAPPED:
          pass = t.crossing !== null && swapped(t.crossing, i, j)
          break
        case JARO_WINKLER:
          if (similarity < 0) similarity = bestJaroWinklerAbove(column, units, floor, i, j)
          pass = similarity >= t.bound && (!t.sameNumbers || anySameText(column, numbers, i, j))
          break
        case EDIT_DISTANCE:
          pass = anyWithinEdits(column, t.bound, i, j)
          break
        case SAME_ENDING:
          pass = anySameEnding(column, t.bound, i, j)
          break
        case SAME_LOCAL_PART:
          pass = anySameLocalPart(column, lastAt, i, j)
          break
        case MISTYPED_EMAIL: {
          const near = mistypedEmail(column, t.bound, lastAt, t.names, i, j)
          if (near === BUILT_FROM_NAMES) return 0
          pass = near === MISTYPED
          break
        }
        case OWN_WORDS_DIFFER:
          pass = t.own !== null && anyOwnWordsDiffer(column, t.own, t.bound, i, j)
          break
        case ELSE:
          pass = true
          break
        default: {
          const unhandled: never = t.kind
          return unhandled
        }
      }
      if (pass) return k + 1
    }
    return count
  }
}
