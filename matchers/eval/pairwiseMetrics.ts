import type { GroundTruth } from "./GroundTruth.ts"

export interface PairwiseMetrics {
  readonly truePairs: number
  readonly predictedPairs: number
  readonly truePositives: number
  readonly falsePositives: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
  /** Share of the true pairs that blocking kept as candidates: the ceiling on recall. */
  readonly blockingRecall: number
}

/**
 * Pairwise precision, recall and F1 of the predicted pairs against the truth, plus blocking recall. Predicted
 * pairs the truth does not judge count neither way. An empty prediction has precision 1 (it claims nothing false).
 */
export const pairwiseMetrics = (input: {
  readonly truth: GroundTruth
  readonly candidates: { readonly count: number; readonly left: Int32Array; readonly right: Int32Array }
  readonly predicted: (k: number) => boolean
}): PairwiseMetrics => {
  const { truth, candidates, predicted } = input
  let kept = 0
  let tp = 0
  let fp = 0
  let predictedPairs = 0
  for (let k = 0; k < candidates.count; k++) {
    const verdict = truth.judge(candidates.left[k] ?? 0, candidates.right[k] ?? 0)
    if (verdict === true) kept++
    if (!predicted(k)) continue
    predictedPairs++
    if (verdict === true) tp++
    else if (verdict === false) fp++
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp)
  const recall = truth.truePairs === 0 ? 1 : tp / truth.truePairs
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {
    truePairs: truth.truePairs,
    predictedPairs,
    truePositives: tp,
    falsePositives: fp,
    precision,
    recall,
    f1,
    blockingRecall: truth.truePairs === 0 ? 1 : kept / truth.truePairs
  }
}
