import { describe, expect, it } from "vitest"
import { entityTruth, labelledPairsTruth } from "../../../matchers/eval/GroundTruth.ts"
import { pairwiseMetrics } from "../../../matchers/eval/pairwiseMetrics.ts"

const candidates = (pairs: ReadonlyArray<readonly [number, number]>) => ({
  count: pairs.length,
  left: Int32Array.from(pairs, (p) => p[0]),
  right: Int32Array.from(pairs, (p) => p[1])
})

describe("pairwiseMetrics", () => {
  // Entities: {0,1,2}, {3,4}, {5}: 3 + 1 = 4 true pairs.
  const truth = entityTruth(["a", "a", "a", "b", "b", "c"], null)

  it("counts true pairs from entity labels", () => {
    expect(truth.truePairs).toBe(4)
    expect(entityTruth(["a", "a", "b", "a"], Uint8Array.from([0, 1, 1, 1])).truePairs).toBe(2)
  })

  it("computes precision, recall, F1 and blocking recall", () => {
    const c = candidates([[0, 1], [1, 2], [0, 5], [3, 4], [2, 5]])
    const predicted = new Set([0, 2, 3])
    const m = pairwiseMetrics({ truth, candidates: c, predicted: (k) => predicted.has(k) })
    expect(m).toMatchObject({ truePairs: 4, predictedPairs: 3, truePositives: 2, falsePositives: 1 })
    expect(m.precision).toBeCloseTo(2 / 3, 12)
    expect(m.recall).toBeCloseTo(2 / 4, 12)
    expect(m.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5), 12)
    expect(m.blockingRecall).toBeCloseTo(3 / 4, 12)
  })

  it("judges only labelled pairs when the truth is an admin's decisions", () => {
    const decisions = labelledPairsTruth([
      { a: 0, b: 1, match: true },
      { a: 2, b: 3, match: false },
      { a: 4, b: 5, match: true }
    ])
    const c = candidates([[0, 1], [2, 3], [6, 7]])
    const m = pairwiseMetrics({ truth: decisions, candidates: c, predicted: () => true })
    expect(m).toMatchObject({ truePairs: 2, predictedPairs: 3, truePositives: 1, falsePositives: 1 })
    expect(m.precision).toBe(0.5)
    expect(m.recall).toBe(0.5)
    expect(m.blockingRecall).toBe(0.5)
  })

  it("gives precision 1 to an empty prediction and recall 1 when there is nothing to find", () => {
    const m = pairwiseMetrics({ truth: entityTruth(["a", "b"], null), candidates: candidates([[0, 1]]), predicted: () => false })
    expect(m).toMatchObject({ precision: 1, recall: 1, predictedPairs: 0 })
  })
})
