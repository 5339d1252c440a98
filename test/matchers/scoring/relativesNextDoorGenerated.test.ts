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

/*
 * The same traps with each QBO customer named only by a DisplayName made unique with its street, "Matthew Ashcroft
 * (Marlin Dr)", as QBO customers created without given and family name are. Read as a name, the street note made
 * the street a shared rare surname: the two neighbours' QBO customers matched each other more surely than either
 * matched its own POM account, so the link could not explain the pair away.
 */
describe("relatives next door whose QBO customers have only a DisplayName with a street note", () => {
  const trapQbo = new Set(traps.flatMap((t) => t.qboIds))
  const streetNote = (street: string) => street.replace(/^\S+\s+/, "")
  const displayOnly = records.map((r) =>
    r.ref.system === "qbo" && trapQbo.has(r.ref.id)
      ? { ...r, firstName: "", lastName: "", fullName: `${r.firstName} ${r.lastName} (${streetNote(r.address?.street ?? "")})` }
      : r
  )
  const rerun = runMatching({ records: displayOnly, sides: null, matchThreshold: defaultMatchSettings.matchThreshold, nicknames })
  const weightOf = new Map(rerun.matches.map((e) => [[`${e.left.system}:${e.left.id}`, `${e.right.system}:${e.right.id}`].sort().join(" "), e.weight]))
  const weight = (a: string, b: string) => weightOf.get([a, b].sort().join(" ")) ?? -Infinity

  it("matches each account with its own QBO customer more surely than the two QBO customers with each other", () => {
    expect(traps.length).toBeGreaterThanOrEqual(50)
    const unexplained = traps.flatMap((t) => {
      const between = weight(`qbo:${t.qboIds[0] ?? ""}`, `qbo:${t.qboIds[1] ?? ""}`)
      const links = [0, 1].map((k) => weight(`pom:${t.pomIds[k] ?? ""}`, `qbo:${t.qboIds[k] ?? ""}`))
      return links.every((w) => w > between) ? [] : [`${t.qboIds.join(" ~ ")}: ${between.toFixed(1)} bits, links ${links.map((w) => w.toFixed(1)).join(", ")}`]
    })
    expect(unexplained).toEqual([])
  })
})
