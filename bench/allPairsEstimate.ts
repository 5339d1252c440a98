import type { CandidatePairs } from "../matchers/blocking/candidatePairs.ts"
import { type MatcherConfig, defaultMatcherConfig, type MatchRun } from "../matchers/runMatching.ts"
import { compileComparison } from "../matchers/scoring/compileComparison.ts"
import { seededRandom } from "../matchers/scoring/random.ts"
import { probabilityOf, scoreCandidates } from "../matchers/scoring/scorePairs.ts"

/** What scoring every pair of records would cost, from a measured random sample of pairs. */
export interface AllPairsEstimate {
  readonly records: number
  /** n·(n−1)/2. */
  readonly allPairs: number
  readonly sampledPairs: number
  /** Seconds to compare (levels of every field) and score (weight) the sample. */
  readonly sampleSeconds: number
  readonly pairsPerSecond: number
  /** allPairs at the sample's rate; exact (not extrapolated) when the sample is every pair. */
  readonly allPairsSeconds: number
  readonly extrapolated: boolean
  /** Sampled pairs at or above the match threshold: a check that the sample is mostly non-matches. */
  readonly sampledMatches: number
}

/** Every pair i < j of n records, in order: for sets small enough to score whole. */
const everyPair = (n: number): CandidatePairs => {
  const count = (n * (n - 1)) / 2
  const left = new Int32Array(count)
  const right = new Int32Array(count)
  let k = 0
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      left[k] = i
      right[k] = j
      k++
    }
  }
  return { count, left, right, rules: new Uint32Array(count), perRule: [] }
}

/** `count` pairs i < j drawn uniformly (with replacement) from n records, seeded so runs compare. */
const randomPairs = (n: number, count: number, seed: number): CandidatePairs => {
  const random = seededRandom(seed)
  const left = new Int32Array(count)
  const right = new Int32Array(count)
  for (let k = 0; k < count; ) {
    const a = Math.floor(random() * n)
    const b = Math.floor(random() * n)
    if (a === b) continue
    left[k] = Math.min(a, b)
    right[k] = Math.max(a, b)
    k++
  }
  return { count, left, right, rules: new Uint32Array(count), perRule: [] }
}

/**
 * Times the matcher's own comparison and scoring, the same loops `runMatching` runs on the blocked candidates,
 * on pairs without blocking: every pair when there are at most `samplePairs`, else a random sample of that many,
 * and extrapolates to all n·(n−1)/2. Training is left out: it would grow with the pairs too, so the estimate
 * is a lower bound for a run without blocking.
 */
export const estimateAllPairs = (
  run: MatchRun,
  options: { readonly samplePairs: number; readonly seed: number; readonly matchThreshold: number; readonly config?: MatcherConfig }
): AllPairsEstimate => {
  const config = options.config ?? defaultMatcherConfig
  const n = run.records.size
  const allPairs = (n * (n - 1)) / 2
  const extrapolated = allPairs > options.samplePairs
  const pairs = extrapolated ? randomPairs(n, options.samplePairs, options.seed) : everyPair(n)
  const started = performance.now()
  const levelOf = config.comparisons.map((c) => compileComparison(run.records, c))
  const C = levelOf.length
  const levels = new Uint8Array(pairs.count * C)
  levelOf.forEach((compare, c) => {
    for (let k = 0; k < pairs.count; k++) levels[k * C + c] = compare(pairs.left[k] ?? 0, pairs.right[k] ?? 0)
  })
  const weights = scoreCandidates(run.model, run.records, pairs, levels)
  const sampleSeconds = (performance.now() - started) / 1000
  let sampledMatches = 0
  for (const w of weights) if (probabilityOf(w) >= options.matchThreshold) sampledMatches++
  const pairsPerSecond = pairs.count / Math.max(sampleSeconds, 1e-9)
  return {
    records: n,
    allPairs,
    sampledPairs: pairs.count,
    sampleSeconds,
    pairsPerSecond,
    allPairsSeconds: allPairs / pairsPerSecond,
    extrapolated,
    sampledMatches
  }
}
