import { describe, expect, it } from "vitest"
import { defaultBlockingRules } from "../../../matchers/blocking/BlockingRule.ts"
import { candidatePairs } from "../../../matchers/blocking/candidatePairs.ts"
import { emptyNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import { matchRecord } from "../matchRecord.ts"

const pairsOf = (c: ReturnType<typeof candidatePairs>): Array<string> =>
  Array.from({ length: c.count }, (_, k) => `${c.left[k]}-${c.right[k]}`)

describe("default blocking on an email's domain", () => {
  // As in Splink's fake_1000: one record with a typed name and a slip in the mailbox, one with nothing but the
  // address; no name, town or mailbox in common.
  const typed = matchRecord("qbo", "a", { firstName: "Miaisie", lastName: "Walsh", emails: ["maiie.walsoh@hodge.com"] })
  const bare = matchRecord("qbo", "b", { emails: ["maisie.walsh@hodge.com"] })

  it("compares two addresses at one small domain whatever their mailbox names", () => {
    const records = prepareRecords([typed, bare], { sides: null, nicknames: emptyNicknameTable })
    expect(pairsOf(candidatePairs(records, defaultBlockingRules))).toEqual(["0-1"])
  })

  it("skips a public domain held by more records than a block may", () => {
    const many = Array.from({ length: 150 }, (_, k) => matchRecord("qbo", `g${k}`, { emails: [`person${k}@gmail.com`] }))
    const records = prepareRecords(many, { sides: null, nicknames: emptyNicknameTable })
    const c = candidatePairs(records, defaultBlockingRules)
    expect(c.count).toBe(0)
    expect(c.perRule.find((r) => r.rule === "email domain")?.skippedBlocks).toBe(1)
  })
})
