import { describe, expect, it } from "vitest"
import { defaultMatchSettings } from "../../../matchers/FellegiSunterMatcher.ts"
import { runMatching } from "../../../matchers/runMatching.ts"
import { generateCompany } from "../../generator/generateCompany.ts"
import { nicknames } from "../domainFixture.ts"
import { companyMatchRecords } from "../generatedRecords.ts"

/*
 * The labelled set for relatives next door: the generator's trap of that kind, planted often in a small company
 * (seeded, so the same every run). Each trap is two households of one surname a few doors apart, each account linked
 * to its own QBO customer; its cross pairs are the ones that must not match.
 */
const company = generateCompany({ seed: 5, customers: 3000, rates: { "relatives-next-door": 20 } })
const records = companyMatchRecords(company)
const run = runMatching({ records, sides: null, matchThreshold: defaultMatchSettings.matchThreshold, nicknames })
const matched = new Set(run.matches.map((e) => [`${e.left.system}:${e.left.id}`, `${e.right.system}:${e.right.id}`].sort().join(" ")))
const isMatched = (a: string, b: string) => matched.has([a, b].sort().join(" "))
const traps = company.truth.traps.filter((t) => t.kind === "relatives-next-door")

describe("relatives next door in a generated company", () => {
  it("matches no account with the QBO customer of its relative next door", () => {
    expect(traps.length).toBeGreaterThanOrEqual(50)
    const crossMatched = traps.flatMap((t) =>
      [0, 1].flatMap((k) => {
        const pom = `pom:${t.pomIds[k] ?? ""}`
        const theirs = `qbo:${t.qboIds[1 - k] ?? ""}`
        return isMatched(pom, theirs) ? [`${pom} ${theirs}`] : []
      })
    )
    expect(crossMatched).toEqual([])
  })

  it("still matches each account with its own QBO customer", () => {
    const missed = traps.flatMap((t) =>
      [0, 1].flatMap((k) => (isMatched(`pom:${t.pomIds[k] ?? ""}`, `qbo:${t.qboIds[k] ?? ""}`) ? [] : [t.pomIds[k]]))
    )
    expect(missed).toEqual([])
  })
})
