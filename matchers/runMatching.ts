import type { MatchEvidence } from "../pipeline/domain/MatchEvidence.ts"
import { type BlockingRule, defaultBlockingRules } from "./blocking/BlockingRule.ts"
import { type CandidatePairs, candidatePairs } from "./blocking/candidatePairs.ts"
import type { MatchRecord } from "./MatchRecord.ts"
import type { Country } from "./normalize/Country.ts"
import type { NicknameTable } from "./normalize/NicknameTable.ts"
import { type PreparedRecords, prepareRecords } from "./prepare/PreparedRecords.ts"
import type { Comparison } from "./scoring/Comparison.ts"
import { compileComparison } from "./scoring/compileComparison.ts"
import { defaultComparisons } from "./scoring/defaultComparisons.ts"
import { estimateU } from "./scoring/estimateU.ts"
import { type FellegiSunterModel, trainModel } from "./scoring/FellegiSunterModel.ts"
import { scoreCandidates } from "./scoring/scorePairs.ts"
import { matchesExplainedOnRead } from "./explainOnRead.ts"

/** What the matcher compares and how it blocks; the defaults serve every data set. */
export interface MatcherConfig {
  readonly comparisons: ReadonlyArray<Comparison>
  readonly rules: ReadonlyArray<BlockingRule>
  /** Random record pairs per field for estimating u. */
  readonly samplePairs: number
  readonly seed: number
}

export const defaultMatcherConfig: MatcherConfig = {
  comparisons: defaultComparisons,
  rules: defaultBlockingRules,
  samplePairs: 50_000,
  seed: 20240601
}

/** A whole matching run, kept for evaluation: the candidates, the model and every candidate's weight. */
export interface MatchRun {
  readonly records: PreparedRecords
  readonly candidates: CandidatePairs
  readonly model: FellegiSunterModel
  /** Match weight in bits per candidate pair. */
  readonly weights: Float64Array
  /** Candidate pairs at or above the threshold, each explained when its contributions are first read. */
  readonly matches: ReadonlyArray<MatchEvidence>
  readonly seconds: { readonly prepare: number; readonly blocking: number; readonly training: number; readonly scoring: number }
}

const now = (): number => performance.now() / 1000

/**
 * prepare → block → train → score. `sides` is null for a dedupe, else each record's side of a link (0 left,
 * 1 right). Pure apart from reading the clock.
 */
export const runMatching = (input: {
  readonly records: ReadonlyArray<MatchRecord>
  readonly sides: Uint8Array | null
  readonly matchThreshold: number
  readonly nicknames: NicknameTable
  readonly config?: MatcherConfig
  /** The company's country, for records whose address does not say theirs (see `countryOfAddress`). */
  readonly country?: Country | null
}): MatchRun => {
  const config = input.config ?? defaultMatcherConfig
  const t0 = now()
  const records = prepareRecords(input.records, { sides: input.sides, nicknames: input.nicknames, country: input.country ?? null })
  const t1 = now()
  const candidates = candidatePairs(records, config.rules)
  const t2 = now()
  const levelOf = config.comparisons.map((c) => compileComparison(records, c))
  const C = levelOf.length
  const levels = new Uint8Array(candidates.count * C)
  // One comparison at a time over all pairs: each loop calls a single function, which the engine can inline.
  levelOf.forEach((compare, c) => {
    for (let k = 0; k < candidates.count; k++) levels[k * C + c] = compare(candidates.left[k] ?? 0, candidates.right[k] ?? 0)
  })
  const u = estimateU(records, config.comparisons, levelOf, { samplePairs: config.samplePairs, seed: config.seed })
  const model = trainModel({ records, comparisons: config.comparisons, rules: config.rules, candidates, levels, u })
  const t3 = now()
  const weights = scoreCandidates(model, records, candidates, levels)
  const matches = matchesExplainedOnRead({ model, records, candidates, levels, weights, matchThreshold: input.matchThreshold })
  const t4 = now()
  return {
    records,
    candidates,
    model,
    weights,
    matches,
    seconds: { prepare: t1 - t0, blocking: t2 - t1, training: t3 - t2, scoring: t4 - t3 }
  }
}
