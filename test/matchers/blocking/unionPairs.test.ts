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

  it("keeps every pair proposed, however many chunks they fill", () => {
    const proposed = new ProposedPairs()
    const records = 200_001
    // 200,000 pairs, each proposed twice by one rule and once by another: several chunks' worth, out of order.
    for (let pass = 0; pass < 3; pass++) {
      for (let i = records - 2; i >= 0; i--) proposed.add(i, i + 1, pass === 2 ? 7 : 3)
    }
    expect(proposed.length).toBe(600_000)
    expect(proposed.leftAt(599_999)).toBe(0)
    expect(proposed.taggedAt(599_999)).toBe((1 << 5) | 7)
    const union = unionPairs(proposed, records, MAX_RULES)
    expect(union.count).toBe(200_000)
    expect([union.left[0], union.right[0], union.left[199_999], union.right[199_999]]).toEqual([0, 1, 199_999, 200_000])
    expect(union.rules.every((mask) => mask === 2 ** 3 + 2 ** 7)).toBe(true)
    expect([union.perRule[3], union.perRule[7]]).toEqual([200_000, 200_000])
  })
})

