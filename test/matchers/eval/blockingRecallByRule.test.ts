import { describe, expect, it } from "vitest"
import type { CandidatePairs } from "../../../matchers/blocking/candidatePairs.ts"
import { blockingRecallByRule } from "../../../matchers/eval/blockingRecallByRule.ts"
import { entityTruth } from "../../../matchers/eval/GroundTruth.ts"

const report = (rule: string) => ({ rule, candidatePairs: 0, skippedBlocks: 0, skippedPairs: 0, largestBlock: 0 })

describe("blockingRecallByRule", () => {
  it("gives each rule the share of true pairs among the pairs it proposed", () => {
    // Entities: a a a b b → true pairs 0-1, 0-2, 1-2, 3-4.
    const truth = entityTruth(["a", "a", "a", "b", "b"], null)
    const candidates: CandidatePairs = {
      count: 4,
      left: Int32Array.from([0, 0, 2, 1]),
      right: Int32Array.from([1, 2, 3, 2]),
      // 0-1 by phone and name; 0-2 by name; 2-3 (false) by phone; 1-2 by name.
      rules: Uint32Array.from([0b11, 0b10, 0b01, 0b10]),
      perRule: [report("phone"), report("name"), report("street")]
    }
    expect(blockingRecallByRule(truth, candidates)).toEqual({ phone: 1 / 4, name: 3 / 4, street: 0 })
  })
})
