import type { FieldContribution, MatchEvidence, RecordRef } from "../pipeline/domain/MatchEvidence.ts"
import type { CandidatePairs } from "./blocking/candidatePairs.ts"
import { Int32List } from "./collections/Int32List.ts"
import { type PreparedRecords, refOf } from "./prepare/PreparedRecords.ts"
import type { FellegiSunterModel } from "./scoring/FellegiSunterModel.ts"
import { type PairExplainer, pairExplainer, probabilityOf } from "./scoring/scorePairs.ts"

/** The matched pairs' records and levels, and the explainer that reads them: shared by every match of a run. */
interface MatchedPairs {
  readonly left: Int32Array
  readonly right: Int32Array
  readonly explain: PairExplainer
}

/**
 * A match whose field-by-field contributions are worked out when first read, then kept. Its other fields are
 * the scored pair's, so a match reads the same explained or not. `toJSON` writes it as plain data; a copy for
 * a schema or a spread must read `contributions` itself (`plainEvidence`), as a getter is no own property.
 */
class MatchExplainedOnRead implements MatchEvidence {
  readonly probability: number
  #explained: ReadonlyArray<FieldContribution> | undefined = undefined
  constructor(
    readonly left: RecordRef,
    readonly right: RecordRef,
    readonly weight: number,
    private readonly matched: MatchedPairs,
    private readonly at: number
  ) {
    this.probability = probabilityOf(weight)
  }
  get contributions(): ReadonlyArray<FieldContribution> {
    this.#explained ??= this.matched.explain(this.at, this.matched.left[this.at] ?? 0, this.matched.right[this.at] ?? 0).contributions
    return this.#explained
  }
  toJSON(): MatchEvidence {
    return { left: this.left, right: this.right, weight: this.weight, probability: this.probability, contributions: this.contributions }
  }
}

/**
 * The candidate pairs at or above the threshold, each explained only when its contributions are read. Most of a
 * company's matches are POM accounts and their own QBO customers, rightly linked: no case shows them, and
 * explained up front they held about 1.5 KB each, over a gigabyte at a million customers a side. What an
 * explanation needs stays reachable from the matches until they are dropped: the prepared records and the
 * levels of the matched pairs only, copied out so that those of every candidate pair can go.
 */
export const matchesExplainedOnRead = (input: {
  readonly model: FellegiSunterModel
  readonly records: PreparedRecords
  readonly candidates: CandidatePairs
  readonly levels: Uint8Array
  readonly weights: Float64Array
  readonly matchThreshold: number
}): ReadonlyArray<MatchEvidence> => {
  const { candidates, levels, weights } = input
  const C = input.model.comparisons.length
  const chosen = new Int32List()
  for (let k = 0; k < candidates.count; k++) {
    if (probabilityOf(weights[k] ?? -Infinity) >= input.matchThreshold) chosen.push(k)
  }
  const n = chosen.length
  const left = new Int32Array(n)
  const right = new Int32Array(n)
  const kept = new Uint8Array(n * C)
  for (let x = 0; x < n; x++) {
    const k = chosen.data[x] ?? 0
    left[x] = candidates.left[k] ?? 0
    right[x] = candidates.right[k] ?? 0
    kept.set(levels.subarray(k * C, (k + 1) * C), x * C)
  }
  const matched: MatchedPairs = { left, right, explain: pairExplainer(input.model, input.records, kept) }
  const matches: Array<MatchEvidence> = new Array<MatchEvidence>(n)
  for (let x = 0; x < n; x++) {
    matches[x] = new MatchExplainedOnRead(refOf(input.records, left[x] ?? 0), refOf(input.records, right[x] ?? 0), weights[chosen.data[x] ?? 0] ?? -Infinity, matched, x)
  }
  return matches
}
