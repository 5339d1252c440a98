import { NumberIndex } from "../collections/NumberIndex.ts"

/*
 * Expectation maximisation of m, P(level | same customer), on the candidate pairs, with u held fixed (Fellegi and
 * Sunter; Winkler 1988). Pairs are first folded into distinct agreement patterns with counts, so each iteration
 * costs the number of patterns (thousands), not the number of pairs (millions).
 */

/** Pseudo-pairs pulling m towards its starting value: decisive on a handful of pairs, negligible on many. */
const PRIOR_MATCHES = 5
const MAX_ITERATIONS = 200
const TOLERANCE = 1e-6

export interface PatternCounts {
  /** Distinct level vectors, `comparisons` entries each. */
  readonly patterns: Uint8Array
  readonly counts: Float64Array
  readonly size: number
}

/** Every candidate pair's level vector folded into distinct patterns, counted overall and per blocking rule. */
export interface PatternTable extends PatternCounts {
  readonly rules: number
  /** `byRule[p * rules + r]`: pairs of pattern p that rule r proposed. */
  readonly byRule: Float64Array
}

export const patternTable = (
  levels: Uint8Array,
  comparisons: number,
  pairs: number,
  ruleMasks: Uint32Array,
  rules: number
): PatternTable => {
  // Pattern keys pass 2^31 with eight comparisons: a Map would box every one of them.
  const index = new NumberIndex()
  const rows: Array<number> = []
  const counts: Array<number> = []
  const byRule: Array<number> = []
  for (let p = 0; p < pairs; p++) {
    let key = 0
    for (let c = 0; c < comparisons; c++) key = key * 16 + (levels[p * comparisons + c] ?? 0)
    const at = index.idOf(key)
    if (at === counts.length) {
      counts.push(0)
      for (let c = 0; c < comparisons; c++) rows.push(levels[p * comparisons + c] ?? 0)
      for (let r = 0; r < rules; r++) byRule.push(0)
    }
    counts[at] = (counts[at] ?? 0) + 1
    const mask = ruleMasks[p] ?? 0
    for (let r = 0; r < rules; r++) if ((mask & (1 << r)) !== 0) byRule[at * rules + r] = (byRule[at * rules + r] ?? 0) + 1
  }
  return {
    patterns: Uint8Array.from(rows),
    counts: Float64Array.from(counts),
    size: counts.length,
    rules,
    byRule: Float64Array.from(byRule)
  }
}

/**
 * The patterns of the pairs rule r proposed, with the comparisons in `masked` counted as missing: a blocking
 * rule's own fields agree by construction on its pairs, so they carry no information there.
 */
export const patternsOfRule = (table: PatternTable, comparisons: number, r: number, masked: ReadonlySet<number>): PatternCounts => {
  const index = new Map<number, number>()
  const rows: Array<number> = []
  const counts: Array<number> = []
  for (let p = 0; p < table.size; p++) {
    const n = table.byRule[p * table.rules + r] ?? 0
    if (n === 0) continue
    let key = 0
    for (let c = 0; c < comparisons; c++) key = key * 16 + (masked.has(c) ? 0 : (table.patterns[p * comparisons + c] ?? 0))
    const at = index.get(key)
    if (at !== undefined) counts[at] = (counts[at] ?? 0) + n
    else {
      index.set(key, counts.length)
      counts.push(n)
      for (let c = 0; c < comparisons; c++) rows.push(masked.has(c) ? 0 : (table.patterns[p * comparisons + c] ?? 0))
    }
  }
  return { patterns: Uint8Array.from(rows), counts: Float64Array.from(counts), size: counts.length }
}

export interface EmResult {
  /** Per comparison, m over levels 1..L. */
  readonly m: Array<Float64Array>
  /** Share of the patterns' pairs that are matches. */
  readonly lambda: number
  /** Expected number of matching pairs among them. */
  readonly expectedMatches: number
  readonly iterations: number
}

const logOdds = (p: number): number => Math.log(p / (1 - p))

const logsOf = (rows: ReadonlyArray<Float64Array>): Array<Float64Array> => rows.map((a) => a.map(Math.log))

/** Fills `out` with the posterior match probability of each pattern, given log m and log u. */
const posteriorsInto = (
  pc: PatternCounts,
  logM: ReadonlyArray<Float64Array>,
  logU: ReadonlyArray<Float64Array>,
  lambda: number,
  out: Float64Array
): Float64Array => {
  const comparisons = logM.length
  const base = logOdds(lambda)
  for (let p = 0; p < pc.size; p++) {
    let s = base
    for (let c = 0; c < comparisons; c++) {
      const l = pc.patterns[p * comparisons + c] ?? 0
      if (l > 0) s += (logM[c]?.[l - 1] ?? 0) - (logU[c]?.[l - 1] ?? 0)
    }
    out[p] = 1 / (1 + Math.exp(-s))
  }
  return out
}

/** Posterior match probability of each pattern under the given parameters. */
export const posteriors = (
  pc: PatternCounts,
  m: ReadonlyArray<Float64Array>,
  u: ReadonlyArray<Float64Array>,
  lambda: number
): Float64Array => posteriorsInto(pc, logsOf(m), logsOf(u), lambda, new Float64Array(pc.size))

/**
 * Runs EM from `start`. `fitM` false holds m fixed and fits only lambda (used to weigh the final candidate set).
 */
export const expectationMaximisation = (
  pc: PatternCounts,
  start: ReadonlyArray<Float64Array>,
  u: ReadonlyArray<Float64Array>,
  options: { readonly lambda: number; readonly fitM: boolean }
): EmResult => {
  const comparisons = start.length
  let m = start.map((a) => Float64Array.from(a))
  let lambda = options.lambda
  let total = 0
  for (const c of pc.counts) total += c
  if (total === 0) return { m, lambda, expectedMatches: 0, iterations: 0 }
  // u never changes, and m only when it is fitted: their logs are taken when they do. One buffer serves every
  // iteration's posteriors, read before the next is computed.
  const logU = logsOf(u)
  let logM = logsOf(m)
  const post = new Float64Array(pc.size)
  let iterations = 0
  for (; iterations < MAX_ITERATIONS; iterations++) {
    posteriorsInto(pc, logM, logU, lambda, post)
    let matches = 0
    const sums = start.map((a) => new Float64Array(a.length))
    const present = new Float64Array(comparisons)
    for (let p = 0; p < pc.size; p++) {
      const w = (post[p] ?? 0) * (pc.counts[p] ?? 0)
      matches += w
      for (let c = 0; c < comparisons; c++) {
        const l = pc.patterns[p * comparisons + c] ?? 0
        if (l === 0) continue
        const row = sums[c]
        if (row !== undefined) row[l - 1] = (row[l - 1] ?? 0) + w
        present[c] = (present[c] ?? 0) + w
      }
    }
    const nextLambda = Math.min(1 - 1e-9, Math.max(1e-9, matches / total))
    let change = Math.abs(nextLambda - lambda)
    if (options.fitM) {
      const next = sums.map((row, c) => {
        const prior = start[c] ?? row
        return row.map((s, l) => (s + PRIOR_MATCHES * (prior[l] ?? 0)) / ((present[c] ?? 0) + PRIOR_MATCHES))
      })
      next.forEach((row, c) => row.forEach((v, l) => (change = Math.max(change, Math.abs(v - (m[c]?.[l] ?? 0))))))
      m = next
      logM = logsOf(m)
    }
    lambda = nextLambda
    if (change < TOLERANCE) break
  }
  return { m, lambda, expectedMatches: lambda * total, iterations }
}
