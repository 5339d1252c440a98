import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { makeMatcher } from "../../../matchers/FellegiSunterMatcher.ts"
import { entityTruth } from "../../../matchers/eval/GroundTruth.ts"
import { evaluateMatching } from "../../../matchers/eval/evaluateMatching.ts"
import { runMatching } from "../../../matchers/runMatching.ts"
import { internationalCustomers } from "../../generator/international/internationalCustomers.ts"
import { internationalMatchRecords } from "../../generator/international/internationalMatchRecords.ts"
import { nicknames } from "../domainFixture.ts"

describe("matching Canadian, British and Australian customers", () => {
  const set = internationalCustomers({ seed: 1, perCountry: 600 })
  const { records, sides, entity } = internationalMatchRecords(set)

  it("links each POM account to its QBO customer with high precision and recall", () => {
    const report = evaluateMatching({ records, sides, truth: entityTruth(entity, sides), threshold: 0.9, nicknames })
    expect(report.truePairs).toBe(set.left.length)
    expect(report.precision).toBeGreaterThanOrEqual(0.995)
    expect(report.recall).toBeGreaterThanOrEqual(0.97)
  })

  it("never takes a look-alike at the same house number and street, with the same digits in its postcode, for the customer", () => {
    expect(set.lookAlikes.length).toBeGreaterThan(100)
    const run = runMatching({ records, sides, matchThreshold: 0.9, nicknames })
    const entityOf = new Map(records.map((r, i) => [`${r.ref.system}:${r.ref.id}`, entity[i]]))
    const lookAlike = new Set(set.lookAlikes.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]))
    const matchedLookAlikes = run.matches.filter((m) =>
      lookAlike.has(`${entityOf.get(`${m.left.system}:${m.left.id}`)}|${entityOf.get(`${m.right.system}:${m.right.id}`)}`)
    )
    expect(matchedLookAlikes).toEqual([])
  })

  it("matches a phone typed locally on one side and internationally on the other", () => {
    const run = runMatching({ records, sides, matchThreshold: 0.9, nicknames })
    const phoneExact = run.matches.filter((m) => m.contributions.some((c) => c.field === "phone" && c.level === "exact")).length
    // Every customer has one phone on each side, typed in its local form on the POM account.
    expect(phoneExact / set.left.length).toBeGreaterThan(0.95)
  })

  it("reads the phones of customers without an address as numbers of the company's country given to the matcher", () => {
    // British QBO customers without an address: only the company's country says how to read their local numbers.
    const british = records.filter((r, i) => entity[i]?.startsWith("GB") === true)
    const pom = british.filter((r) => r.ref.system === "pom")
    const qbo = british.filter((r) => r.ref.system === "qbo").map((r) => ({ ...r, address: null }))
    const phoneExact = (country: "GB" | null) =>
      Effect.runSync(makeMatcher(nicknames).link(pom, qbo, { matchThreshold: 0.9, country })).pairs.filter((m) =>
        m.contributions.some((c) => c.field === "phone" && c.level === "exact")
      ).length
    expect(phoneExact("GB")).toBeGreaterThan(0.95 * pom.length)
    expect(phoneExact(null)).toBeLessThan(0.8 * pom.length)
  })
})
