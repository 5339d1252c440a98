import { NodeContext } from "@effect/platform-node"
import { it as effectIt } from "@effect/vitest"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { defaultBlockingRules } from "../../../matchers/blocking/BlockingRule.ts"
import { tokenTexts } from "../../../matchers/blocking/buildBlocks.ts"
import { candidatePairs } from "../../../matchers/blocking/candidatePairs.ts"
import { letterTriples, nearestByLetterPairs } from "../../../matchers/blocking/nearestByLetters.ts"
import { MAX_RULES, ProposedPairs } from "../../../matchers/blocking/unionPairs.ts"
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

  it("in a link, looks for neighbours on the other side only", () => {
    // The left side's own "Etheodroe Smith" shares every triple but is no candidate in a link.
    const left = [matchRecord("pom", "a", { firstName: "Etheodroe" }), matchRecord("pom", "b", { firstName: "Etheodroe", lastName: "Smith" })]
    const right = [matchRecord("qbo", "c", { firstName: "Theodore", lastName: "Morris" }), ...othersInTown("Birmingham")]
    const sides = Uint8Array.from([...left.map(() => 0), ...right.map(() => 1)])
    const c = candidatePairs(prepareRecords([...left, ...right], { sides, nicknames: emptyNicknameTable }), defaultBlockingRules)
    const pairs = Array.from({ length: c.count }, (_, k) => `${c.left[k]}-${c.right[k]}`)
    expect(pairs).toContain("0-2")
    expect(pairs).not.toContain("0-1")
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

describe("the nearest-by-letters pass within its budget", () => {
  const rule = defaultBlockingRules.find((r) => r.name === RULE)
  // Ten people typed twice, each once without a last name: "Amelia" and "Amelia Stone", "Bertram", ...
  const firsts = ["Amelia", "Bertram", "Cordelia", "Desmond", "Evangeline", "Fitzgerald", "Gwendolyn", "Horatio", "Isadora", "Jebediah"]
  const records = prepareRecords(
    firsts.flatMap((firstName, k) => [
      matchRecord("qbo", `a${k}`, { firstName }),
      matchRecord("qbo", `b${k}`, { firstName, lastName: "Stone" })
    ]),
    { sides: null, nicknames: emptyNicknameTable }
  )
  const run = (budget: number) => {
    const proposed = new ProposedPairs()
    const nearest = rule?.nearest
    if (rule === undefined || nearest === undefined) throw new Error(`no rule "${RULE}"`)
    const added = nearestByLetterPairs(records, rule.parts, nearest, rule.maxBlockSize, tokenTexts(records), budget, proposed, 0)
    const lefts = Array.from(proposed.lefts.toArray())
    const rights = Array.from(proposed.tagged.toArray(), (tagged) => Math.floor(tagged / MAX_RULES))
    return { added, lefts, pairs: lefts.map((left, k) => `${left}-${rights[k]}`) }
  }

  it("pairs each record lacking a name with the one sharing its name's triples when the budget pays for them", () => {
    const { pairs } = run(1000)
    expect(firsts.map((_, k) => pairs.includes(`${2 * k}-${2 * k + 1}`))).toEqual(firsts.map(() => true))
  })

  it("spreads a budget too small for one neighbour each evenly over the list", () => {
    const { added, lefts } = run(5)
    expect(added).toBe(5)
    // Every other record lacking a name, from the first to the last, rather than the first five.
    expect(lefts).toEqual([2, 6, 10, 14, 18])
  })
})
