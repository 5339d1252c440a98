import { NodeContext } from "@effect/platform-node"
import { it as effectIt } from "@effect/vitest"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { defaultBlockingRules } from "../../../matchers/blocking/BlockingRule.ts"
import { candidatePairs } from "../../../matchers/blocking/candidatePairs.ts"
import { namePrefix } from "../../../matchers/blocking/namePrefix.ts"
import { emptyNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import { evaluateFebrl4 } from "../eval/evalFixture.ts"
import { matchRecord } from "../matchRecord.ts"

const pairsOf = (c: ReturnType<typeof candidatePairs>): Array<string> =>
  Array.from({ length: c.count }, (_, k) => `${c.left[k]}-${c.right[k]}`)

const inTown = (city: string) => ({ street: "", city, state: "", zip: "" })

describe("a name's or a mailbox's first letters", () => {
  it("are the first four letters of a name, or of a mailbox up to its first other character", () => {
    expect(namePrefix("elizabeth")).toBe("eliz")
    expect(namePrefix("hollythomson3@levine-jones.com")).toBe("holl")
    expect(namePrefix("oliver.atkinson@moran-smith.com")).toBe("oliv")
    expect(namePrefix("ann")).toBe("ann")
  })

  it("are none for an initial, a two-letter name or a mailbox that starts so", () => {
    expect(namePrefix("j")).toBe("")
    expect(namePrefix("al")).toBe("")
    expect(namePrefix("e.page13@dyer-williams.com")).toBe("")
  })
})

describe("default blocking on a name's or a mailbox's first letters", () => {
  it("compares a record that gives only a first name with one that gives only a mailbox built from it", () => {
    // As in Splink's fake_1000 (cluster 45): no name, mailbox, domain or contact in common, one town.
    const records = prepareRecords(
      [
        matchRecord("qbo", "a", { firstName: "Holly", address: inTown("London") }),
        matchRecord("qbo", "b", { emails: ["hollythomson3@levine-jones.com"], address: inTown("London") })
      ],
      { sides: null, nicknames: emptyNicknameTable }
    )
    const c = candidatePairs(records, defaultBlockingRules)
    expect(pairsOf(c)).toEqual(["0-1"])
    expect(c.perRule.find((r) => r.rule === "name or mailbox prefix")?.candidatePairs).toBe(1)
  })

  it("skips a prefix held by more records than a block may", () => {
    const many = Array.from({ length: 150 }, (_, k) => matchRecord("qbo", `j${k}`, { firstName: "John", lastName: `Q${k}` }))
    const c = candidatePairs(prepareRecords(many, { sides: null, nicknames: emptyNicknameTable }), defaultBlockingRules)
    expect(c.perRule.find((r) => r.rule === "name or mailbox prefix")?.candidatePairs).toBe(0)
  })

  effectIt.effect("keeps at least 99.6 % of Febrl 4's true pairs as candidates", () =>
    Effect.gen(function* () {
      const report = yield* evaluateFebrl4()
      expect(report.truePairs).toBe(5000)
      // 0.9954 before the rule.
      expect(report.blockingRecall).toBeGreaterThanOrEqual(0.996)
    }).pipe(Effect.provide(NodeContext.layer))
  )
})
