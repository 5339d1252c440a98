import type { BlockingRule } from "../blocking/BlockingRule.ts"
import type { CandidatePairs } from "../blocking/candidatePairs.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { Comparison } from "./Comparison.ts"
import { expectationMaximisation, type PatternTable, patternTable, patternsOfRule } from "./estimateM.ts"

/** A trained Fellegi-Sunter model: everything needed to weigh a pair and to say why. */
export interface FellegiSunterModel {
  readonly comparisons: ReadonlyArray<Comparison>
  /** Per comparison, P(level | same customer) over levels 1..L. */
  readonly m: ReadonlyArray<Float64Array>
  /** Per comparison, P(level | different customers) over levels 1..L. */
  readonly u: ReadonlyArray<Float64Array>
  /** Per comparison, log2(m/u) per level, index 0 ("missing") being 0. */
  readonly weights: ReadonlyArray<Float64Array>
  /** Per comparison with term frequencies, log2(m_exact / frequency of the value) by value id; else null. */
  readonly exactWeightByValue: ReadonlyArray<Float64Array | null>
  /** log2 of the prior odds that two records picked at random are the same customer. */
  readonly priorWeight: number
  /** Matching pairs EM expects among the candidates. */
  readonly expectedMatches: number
  readonly possiblePairs: number
}

const log2 = Math.log2

/** Fits m by EM once per blocking rule and averages each field's m over the runs that could see it. */
const fitM = (
  table: PatternTable,
  comparisons: ReadonlyArray<Comparison>,
  rules: ReadonlyArray<BlockingRule>,
  u: ReadonlyArray<Float64Array>
): Array<Float64Array> => {
  const C = comparisons.length
  const start = comparisons.map((c) => Float64Array.from(c.levels, (l) => l.m))
  const sums = comparisons.map((c) => new Float64Array(c.levels.length))
  const weightOf = new Float64Array(C)
  rules.forEach((rule, r) => {
    const blocked = new Set(rule.parts.flatMap((p) => p.fields))
    const masked = new Set<number>()
    comparisons.forEach((c, i) => {
      if (blocked.has(c.field)) masked.add(i)
    })
    const fit = expectationMaximisation(patternsOfRule(table, C, r, masked), start, u, { lambda: 0.1, fitM: true })
    if (fit.expectedMatches < 1) return
    for (let c = 0; c < C; c++) {
      if (masked.has(c)) continue
      const row = sums[c]
      fit.m[c]?.forEach((v, l) => {
        if (row !== undefined) row[l] = (row[l] ?? 0) + v * fit.expectedMatches
      })
      weightOf[c] = (weightOf[c] ?? 0) + fit.expectedMatches
    }
  })
  return sums.map((row, c) => {
    const w = weightOf[c] ?? 0
    return w > 0 ? row.map((v) => v / w) : (start[c] ?? row)
  })
}

/** The fewest records one customer is taken to have: a POM account and a QBO customer. */
const OWN_RECORDS = 2

/** How far the correction below may lower a u: a tenth, so one wrong m cannot make a level all-deciding. */
const MAX_U_CORRECTION = 10

/**
 * u as measured counts the true duplicates among its pairs: on a small set, or for a field the duplicates share
 * (an email), they are a real share of the agreements and make agreement look common. With the match rate
 * lambda known, P(level) = lambda·m + (1 − lambda)·u gives the u of non-matches alone.
 */
const withoutMatches = (u: ReadonlyArray<Float64Array>, m: ReadonlyArray<Float64Array>, lambda: number): Array<Float64Array> =>
  u.map((row, c) => {
    const corrected = row.map((v, l) => Math.max(v / MAX_U_CORRECTION, (v - lambda * (m[c]?.[l] ?? 0)) / (1 - lambda)))
    const total = corrected.reduce((a, b) => a + b, 0)
    return corrected.map((v) => v / total)
  })

/**
 * Trains the model on the candidate pairs. m is fitted by EM once per blocking rule, each time leaving out the
 * fields that rule blocked on (they agree by construction on its pairs), then averaged over the runs that could
 * see each field, weighted by the matches each run found (Splink's approach). The matches found then correct u
 * (`withoutMatches`) and m is fitted once more. The prior is the matches expected among the candidates over all
 * possible pairs. Term frequencies replace u for an exact agreement on the fields that ask for them.
 */
export const trainModel = (input: {
  readonly records: PreparedRecords
  readonly comparisons: ReadonlyArray<Comparison>
  readonly rules: ReadonlyArray<BlockingRule>
  readonly candidates: CandidatePairs
  /** Level per candidate pair and comparison, row-major. */
  readonly levels: Uint8Array
  readonly u: ReadonlyArray<Float64Array>
}): FellegiSunterModel => {
  const { records, comparisons, rules, candidates, levels } = input
  const C = comparisons.length
  const table = patternTable(levels, C, candidates.count, candidates.rules, rules.length)
  const n = records.size
  let lefts = 0
  for (let i = 0; i < n; i++) if (records.side[i] === 0) lefts++
  const possiblePairs = records.linking ? lefts * (n - lefts) : (n * (n - 1)) / 2
  const fit = (u: ReadonlyArray<Float64Array>) => {
    const m = fitM(table, comparisons, rules, u)
    const overall = expectationMaximisation(table, m, u, { lambda: 0.1, fitM: false })
    return { m, expectedMatches: Math.min(Math.max(overall.expectedMatches, 1), possiblePairs / 2) }
  }
  const first = fit(input.u)
  const u = withoutMatches(input.u, first.m, first.expectedMatches / possiblePairs)
  const { m, expectedMatches } = fit(u)
  const weights = comparisons.map((comparison, c) => {
    const mc = m[c]
    const uc = u[c]
    const out = new Float64Array((mc?.length ?? 0) + 1)
    for (let l = 1; l < out.length; l++) out[l] = log2((mc?.[l - 1] ?? 1) / (uc?.[l - 1] ?? 1))
    // A near miss never says more than an exact agreement: a level too rare for the u sample to see would
    // otherwise get an unbounded weight.
    if (comparison.levels[0]?.test._tag === "Exact") for (let l = 2; l < out.length; l++) out[l] = Math.min(out[l] ?? 0, out[1] ?? 0)
    return out
  })
  // The records one customer has, on average over the records: 2 for a POM account and its QBO customer, more
  // where people are typed again and again. Only a value held beyond that is common.
  const ownRecords = Math.max(OWN_RECORDS, 1 + (2 * expectedMatches) / Math.max(n, 1))
  const exactWeightByValue = comparisons.map((c, i) => {
    const termFrequency = c.levels[0]?.termFrequency ?? false
    if (termFrequency === false) return null
    const column = records.columns[c.field]
    const mExact = m[i]?.[0] ?? 1
    // Value counts include the duplicates too: scale them as the field's exact-agreement u was corrected.
    const correction = (u[i]?.[0] ?? 1) / (input.u[i]?.[0] ?? 1)
    const filled = Math.max(column.filled, 1)
    if (termFrequency === "common values only") {
      const plain = weights[i]?.[1] ?? 0
      // The records of one customer share its phone as a matter of course: only holders beyond them make a
      // value common, and an agreement on it weaker than on a phone one customer holds.
      return Float64Array.from(column.counts, (count) =>
        count <= ownRecords ? plain : Math.min(plain, log2(mExact / ((count - ownRecords) / filled)))
      )
    }
    return Float64Array.from(column.counts, (count) => log2(mExact / Math.max((correction * count) / filled, 1e-9)))
  })
  return {
    comparisons,
    m,
    u,
    weights,
    exactWeightByValue,
    priorWeight: log2(expectedMatches / (possiblePairs - expectedMatches)),
    expectedMatches,
    possiblePairs
  }
}
