import type { MatchRecord } from "../MatchRecord.ts"
import type { Country } from "../normalize/Country.ts"
import type { NicknameTable } from "../normalize/NicknameTable.ts"
import type { RuleReport } from "../blocking/candidatePairs.ts"
import { defaultMatcherConfig, type MatcherConfig, runMatching } from "../runMatching.ts"
import { probabilityOf } from "../scoring/scorePairs.ts"
import { blockingRecallByRule } from "./blockingRecallByRule.ts"
import type { GroundTruth } from "./GroundTruth.ts"
import { type PairwiseMetrics, pairwiseMetrics } from "./pairwiseMetrics.ts"

export interface EvalReport extends PairwiseMetrics {
  readonly mode: "dedupe" | "link"
  readonly records: number
  readonly threshold: number
  readonly candidatePairs: number
  readonly perRule: ReadonlyArray<RuleReport>
  /** Each rule's share of the true pairs, by rule name (see `blockingRecallByRule.ts`). */
  readonly blockingRecallByRule: Readonly<Record<string, number>>
  /** Wall-clock seconds of the matching run (normalise, block, train, score), not of reading the files. */
  readonly seconds: number
}

/**
 * Runs the matcher on records whose truth is known and measures it. `sides` is null for a dedupe, else each
 * record's side of a link. The truth may be complete (entity labels) or partial (judged pairs).
 */
export const evaluateMatching = (input: {
  readonly records: ReadonlyArray<MatchRecord>
  readonly sides: Uint8Array | null
  readonly truth: GroundTruth
  readonly threshold: number
  readonly nicknames: NicknameTable
  readonly config?: MatcherConfig
  /** The country of records whose address does not say theirs; null: the US. */
  readonly country?: Country | null
}): EvalReport => {
  const started = performance.now()
  const run = runMatching({
    records: input.records,
    sides: input.sides,
    matchThreshold: input.threshold,
    nicknames: input.nicknames,
    config: input.config ?? defaultMatcherConfig,
    country: input.country ?? null
  })
  const seconds = (performance.now() - started) / 1000
  const metrics = pairwiseMetrics({
    truth: input.truth,
    candidates: run.candidates,
    predicted: (k) => probabilityOf(run.weights[k] ?? -Infinity) >= input.threshold
  })
  return {
    ...metrics,
    mode: input.sides === null ? "dedupe" : "link",
    records: input.records.length,
    threshold: input.threshold,
    candidatePairs: run.candidates.count,
    perRule: run.candidates.perRule,
    blockingRecallByRule: blockingRecallByRule(input.truth, run.candidates),
    seconds
  }
}
