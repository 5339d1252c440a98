import { describe, expect, it } from "vitest"
import { defaultBlockingRules } from "../../../matchers/blocking/BlockingRule.ts"
import { candidatePairs } from "../../../matchers/blocking/candidatePairs.ts"
import { emptyNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import { generatedRecords } from "../generatedRecords.ts"

/** The pairs rule `r` proposed, as "left-right". */
const pairsOfRule = (c: ReturnType<typeof candidatePairs>, r: number): Array<string> =>
  Array.from({ length: c.count }, (_, k) => k)
    .filter((k) => (((c.rules[k] ?? 0) >>> r) & 1) === 1)
    .map((k) => `${c.left[k]}-${c.right[k]}`)

describe("blocking rules applied one after another", () => {
  // The rules of one run share their working arrays (`BlockingBuffers`): each must find them as if new, whatever
  // the rules before it wrote there (key indices, last members, sorted keys).
  const records = prepareRecords(generatedRecords(3, 400), { sides: null, nicknames: emptyNicknameTable })
  const together = candidatePairs(records, defaultBlockingRules)

  it.each(defaultBlockingRules.map((rule, r) => [rule.name, r] as const))(
    "gives rule %s the pairs and report it gives alone",
    (_name, r) => {
      const rule = defaultBlockingRules[r]
      if (rule === undefined) throw new Error(`no rule ${r}`)
      const alone = candidatePairs(records, [rule])
      expect(pairsOfRule(together, r)).toEqual(pairsOfRule(alone, 0))
      expect(together.perRule[r]).toEqual(alone.perRule[0])
    }
  )

  it("is not vacuous: most rules propose pairs on this company", () => {
    const proposing = defaultBlockingRules.filter((_, r) => pairsOfRule(together, r).length > 0)
    expect(proposing.length).toBeGreaterThan(defaultBlockingRules.length / 2)
  })
})
