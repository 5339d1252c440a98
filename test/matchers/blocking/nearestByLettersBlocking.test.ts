import { NodeContext } from "@effect/platform-node"
import { it as effectIt } from "@effect/vitest"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { defaultBlockingRules } from "../../../matchers/blocking/BlockingRule.ts"
import { candidatePairs } from "../../../matchers/blocking/candidatePairs.ts"
import { letterTriples } from "../../../matchers/blocking/nearestByLetters.ts"
import type { MatchRecord } from "../../../matchers/MatchRecord.ts"
import { emptyNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import { evaluateFake1000 } from "../eval/evalFixture.ts"
import { matchRecord } from "../matchRecord.ts"

const RULE = "nearest by name letters"
const withoutRule = defaultBlockingRules.filter((r) => r.name !== RULE)

const inTown = (city: string) => ({ street: "", city, state: "", zip: "" })

const blocked = (records: ReadonlyArray<MatchRecord>, rules = defaultBlockingRules) => {
  const c = candidatePairs(prepareRecords(records, { sides: null, nicknames: emptyNicknameTable }), rules)
  const pairs = new Set(Array.from({ length: c.count }, (_, k) => `${c.left[k]}-${c.right[k]}`))
  return { pairs, fromRule: c.perRule.find((r) => r.rule === RULE)?.candidatePairs ?? 0 }
}

// People whose first names sort between the two spellings below, so that the sorted passes do not pair them.
const others = ["Frank Allen", "George Baker", "Harry Clark", "Isaac Davis", "Jack Evans", "Leo Foster", "Noah Grant", "Oscar Hill"]
const othersInTown = (town: string) =>
  others.map((name, k) => {
    const [firstName = "", lastName = ""] = name.split(" ")
    return matchRecord("qbo", `o${k}`, { firstName, lastName, address: inTown(town) })
  })

describe("a name's letter triples", () => {
  it("are the padded triples of each run of two letters or more, digits and punctuation splitting runs", () => {
    expect(letterTriples("may")).toEqual(["^ma", "may", "ay$"])
    expect(letterTriples("hmay32")).toEqual(["^hm", "hma", "may", "ay$"])
    expect(letterTriples("e.page13")).toEqual(["^pa", "pag", "age", "ge$"])
    expect(letterTriples("j")).toEqual([])
  })
})

describe("default blocking of a record lacking a name with its nearest by letter triples", () => {
  it("compares a first name alone with a slip in its first letters and the full name it belongs to", () => {
    // As in Splink's fake_1000: one side gives a first name typed "Etheodroe" and a mailbox of
    // initials, the other "Theodore Morris"; they share no key, no sound and no first letters.
    const records = [
      matchRecord("qbo", "a", { firstName: "Etheodroe", emails: ["t.m39@brooks-sawer.com"] }),
      matchRecord("qbo", "b", { firstName: "Theodore", lastName: "Morris", address: inTown("Birmingham") }),
      ...othersInTown("Birmingham")
    ]
    expect(blocked(records, withoutRule).pairs.has("0-1")).toBe(false)
    const { pairs, fromRule } = blocked(records)
    expect(pairs.has("0-1")).toBe(true)
    expect(fromRule).toBeGreaterThan(0)
  })

  it("compares a last name alone with the mailbox built from it", () => {
    // As in fake_1000, "Harry" with hmay32@… and "Hrarry May": the surname is only in the mailbox.
    const records = [
      matchRecord("qbo", "a", { lastName: "May", address: inTown("Cardiff") }),
      matchRecord("qbo", "b", { firstName: "Harry", emails: ["hmay32@richardson-rhodes.com"], address: inTown("Cardiff") }),
      ...othersInTown("Cardiff")
    ]
    expect(blocked(records, withoutRule).pairs.has("0-1")).toBe(false)
    expect(blocked(records).pairs.has("0-1")).toBe(true)
  })

  it("looks for no neighbours when every person has both names", () => {
    const records = [
      matchRecord("qbo", "a", { firstName: "Etheodroe", lastName: "Morris" }),
      matchRecord("qbo", "b", { firstName: "Theodore", lastName: "Morris" }),
      ...othersInTown("Birmingham")
    ]
    expect(blocked(records).fromRule).toBe(0)
  })

  it("leaves a business's record, which has no person's name by nature, and pairs no one by the town alone", () => {
    const records = [
      matchRecord("qbo", "a", { companyName: "Theodore Pools", emails: ["theodore@pools.example"] }),
      matchRecord("qbo", "b", { address: inTown("Birmingham") }),
      matchRecord("qbo", "c", { firstName: "Theodore", lastName: "Morris", address: inTown("Birmingham") }),
      ...othersInTown("Birmingham")
    ]
    expect(blocked(records).fromRule).toBe(0)
  })

  effectIt.effect("keeps at least 95 % of fake_1000's true pairs as candidates, within 30 pairs a record", () =>
    Effect.gen(function* () {
      const report = yield* evaluateFake1000()
      expect(report.truePairs).toBe(2031)
      // 0.9375 before the rule.
      expect(report.blockingRecall).toBeGreaterThanOrEqual(0.955)
      expect(report.candidatePairs / report.records).toBeLessThanOrEqual(30)
    }).pipe(Effect.provide(NodeContext.layer))
  )
})
