import { distance } from "fastest-levenshtein"
import { organisationKindWords } from "../../../matchers/normalize/companyName.ts"
import { streetParts } from "../../../matchers/prepare/FieldName.ts"
import type { PreparedRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import type { Comparison, LevelTest } from "../../../matchers/scoring/Comparison.ts"
import { jaroWinkler } from "../similarity/referenceJaroWinkler.ts"

/*
 * The comparison levels computed the plain way, on the records' value strings with no precomputation, pruning or
 * caching: the reference that `compileComparison` must agree with, pair for pair.
 */

const valuesOf = (records: PreparedRecords, field: Comparison["field"], i: number): Array<string> => {
  const { offsets, items, values } = records.columns[field]
  return Array.from(items.subarray(offsets[i] ?? 0, offsets[i + 1] ?? 0), (id) => values[id] ?? "")
}

const some = (as: ReadonlyArray<string>, bs: ReadonlyArray<string>, agree: (a: string, b: string) => boolean): boolean =>
  as.some((a) => bs.some((b) => agree(a, b)))

/** Whether a level's test passes, or "neutral" when it makes the field weigh nothing (level 0). */
const passes = (records: PreparedRecords, field: Comparison["field"], test: LevelTest, i: number, j: number): boolean | "neutral" => {
  const as = valuesOf(records, field, i)
  const bs = valuesOf(records, field, j)
  switch (test._tag) {
    case "Exact":
      return some(as, bs, (a, b) => a === b)
    case "Nickname":
      return some(as, bs, records.nicknames.areEquivalent)
    case "Initial":
      return some(as, bs, (a, b) => (a.length === 1 || b.length === 1) && a !== "" && b !== "" && a[0] === b[0])
    case "Swapped": {
      const crosses = (from: ReadonlyArray<string>, to: number): boolean =>
        some(from, valuesOf(records, test.other, to), (a, b) => a === b || (test.both && jaroWinkler(b, a) >= 0.92))
      return test.both ? crosses(as, j) && crosses(bs, i) : crosses(as, j) || crosses(bs, i)
    }
    case "JaroWinkler": {
      const numbers = (v: string) => (v.match(/\d+/g) ?? []).join(" ")
      const sameNumbers = test.sameNumbers !== true || some(as, bs, (a, b) => numbers(a) === numbers(b))
      return sameNumbers && Math.max(0, ...as.flatMap((a) => bs.map((b) => jaroWinkler(a, b)))) >= test.atLeast
    }
    case "EditDistance": {
      const names = test.notBuiltFrom ?? []
      const shared = names.flatMap((f) => valuesOf(records, f, i).filter((v) => v.length >= 3 && valuesOf(records, f, j).includes(v)))
      const local = (e: string) => e.slice(0, e.lastIndexOf("@"))
      const domain = (e: string) => e.slice(e.lastIndexOf("@"))
      const builtFromNames = (a: string, b: string): boolean =>
        names.length > 0 &&
        a.lastIndexOf("@") > 0 &&
        b.lastIndexOf("@") > 0 &&
        domain(a) === domain(b) &&
        local(a) !== local(b) &&
        shared.every((n) => local(a).includes(n) === local(b).includes(n)) &&
        shared.some((n) => local(a).includes(n))
      if (some(as, bs, (a, b) => distance(a, b) <= test.atMost && !builtFromNames(a, b))) return true
      return some(as, bs, (a, b) => distance(a, b) <= test.atMost) ? "neutral" : false
    }
    case "SameEnding":
      return some(as, bs, (a, b) => a.length >= test.length && b.length >= test.length && a.slice(-test.length) === b.slice(-test.length))
    case "SameLocalPart":
      return some(as, bs, (a, b) => a.lastIndexOf("@") > 0 && a.slice(0, a.lastIndexOf("@")) === b.slice(0, b.lastIndexOf("@")))
    case "OwnWordsDiffer": {
      const kinds = organisationKindWords
      const own = (x: string, y: string) => x.split(" ").filter((w) => !kinds.has(w) && !y.split(" ").includes(w)).join(" ")
      return some(as, bs, (a, b) => own(a, b) !== "" && own(b, a) !== "" && jaroWinkler(own(a, b), own(b, a)) < test.below)
    }
    case "Else":
      return true
  }
}

/** The level records i and j reach on a comparison: 0 missing, else the first level whose test passes. */
export const referenceLevel = (records: PreparedRecords, comparison: Comparison, i: number, j: number): number => {
  const { field } = comparison
  if (valuesOf(records, field, i).length === 0 || valuesOf(records, field, j).length === 0) {
    const crossing = comparison.levels.findIndex((l) => l.test._tag === "Swapped" && !l.test.both)
    const test = comparison.levels[crossing]?.test
    return test !== undefined && passes(records, field, test, i, j) === true ? crossing + 1 : 0
  }
  if (streetParts.has(field) && records.isPoBox[i] !== records.isPoBox[j]) return 0
  for (let at = 0; at < comparison.levels.length; at++) {
    const test = comparison.levels[at]?.test
    if (test === undefined) break
    const result = passes(records, field, test, i, j)
    if (result === "neutral") return 0
    if (result) return at + 1
  }
  return comparison.levels.length
}
