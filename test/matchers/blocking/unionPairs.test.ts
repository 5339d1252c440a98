import { describe, expect, it } from "vitest"
import { MAX_RULES, ProposedPairs, unionPairs } from "../../../matchers/blocking/unionPairs.ts"

describe("unionPairs", () => {
  it("tells apart as many rules as a 32-bit mask holds, the last one included", () => {
    expect(MAX_RULES).toBe(32)
    const proposed = new ProposedPairs()
    proposed.add(0, 1, 31)
    proposed.add(0, 1, 20)
    proposed.add(0, 1, 20)
    proposed.add(1, 2, 16)
    const union = unionPairs(proposed, 3, MAX_RULES)
    expect(union.count).toBe(2)
    expect(Array.from(union.rules.subarray(0, 2))).toEqual([2 ** 31 + 2 ** 20, 2 ** 16])
    expect(union.perRule[31]).toBe(1)
    expect(union.perRule[20]).toBe(1)
  })
})
