import { describe, expect, it } from "vitest"
import { MAX_RULES } from "../../matchers/blocking/unionPairs.ts"
import { defaultMatcherConfig } from "../../matchers/runMatching.ts"

/*
 * The matcher packs its data to stay fast at 100,000 customers a side: a pair's rules in 4 bits, a comparison's
 * level in a byte and in a base-16 digit of an EM pattern key held in a double. A default that outgrew them would
 * not fail: it would drop rules or merge patterns quietly. This says where the limits are.
 */
describe("the default matcher configuration fits the matcher's packed data", () => {
  it("has no more blocking rules than a pair can record", () => {
    expect(defaultMatcherConfig.rules.length).toBeLessThanOrEqual(MAX_RULES)
  })

  it("gives every comparison fewer than 16 levels, counting the implicit missing level", () => {
    for (const c of defaultMatcherConfig.comparisons) expect(c.levels.length + 1, c.field).toBeLessThanOrEqual(16)
  })

  it("keeps a pattern of every comparison's level, in base 16, an exact integer in a double", () => {
    expect(16 ** defaultMatcherConfig.comparisons.length).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER)
  })
})
