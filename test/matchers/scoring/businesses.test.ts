import { it } from "@effect/vitest"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { defaultMatchSettings, makeMatcher } from "../../../matchers/FellegiSunterMatcher.ts"
import { refKey } from "../../../pipeline/domain/MatchEvidence.ts"
import { DIFFERENT_BUSINESS_WEIGHT } from "../../../matchers/scoring/pairSemantics.ts"
import { businessSites, recordKey } from "../businessSites.ts"
import { dedupeAmongBackground, nicknames } from "../domainFixture.ts"
import { matchRecord } from "../matchRecord.ts"
import { syntheticPeople } from "../syntheticPeople.ts"

const threshold = defaultMatchSettings.matchThreshold
const tampa = (street: string) => ({ street, city: "Tampa", state: "FL", zip: "33609" })

describe("businesses and the contacts they share", () => {
  const manager = { firstName: "Dana", lastName: "Whitfield", phones: ["813-555-0900"], emails: ["office@gulfmgmt.com"] }
  const planted = [
    // Two condominium associations in one building, run by one manager from its office.
    matchRecord("pom", "palace", { ...manager, companyName: "Palace Court Condominium Association", address: tampa("1200 Bayshore Blvd") }),
    matchRecord("qbo", "empress", { ...manager, companyName: "Empress Court Condominium Association", fullName: "Empress Court Condominium Association", address: tampa("1200 Bayshore Blvd") }),
    // One organisation's main line and mailbox on ten sites across town, a manager per site.
    ...Array.from({ length: 10 }, (_, k) =>
      matchRecord(k % 2 === 0 ? "pom" : "qbo", `site-${k}`, {
        firstName: ["Ann", "Raj", "Lena", "Omar", "Jo", "Kurt", "Mia", "Sam", "Ivy", "Tom"][k] ?? "",
        lastName: ["Ortiz", "Patel", "Berg", "Haddad", "Kim", "Vogel", "Rossi", "Lund", "Cho", "Dahl"][k] ?? "",
        phones: ["813-555-0700"],
        emails: ["info@sunrisecare.com"],
        address: tampa(`${100 + 37 * k} ${["Palm", "Oak", "Heron", "Egret", "Coral"][k % 5] ?? ""} Ave`)
      })
    ),
    // A household's own phone, shared by its POM account and QBO customer only.
    matchRecord("pom", "own-a", { firstName: "Ann", lastName: "Ortiz", phones: ["813-555-0811"], address: tampa("9 Marlin Way") }),
    matchRecord("qbo", "own-b", { firstName: "Ann", lastName: "Ortiz", phones: ["(813) 555-0811"], address: tampa("9 Marlin Way") }),
    // Two sites of one organisation on one street (typed two ways, the ZIP boundary between them).
    matchRecord("pom", "street-1", { firstName: "Lee", lastName: "Brandt", companyName: "Harbor Swim School", address: tampa("400 Gulfview Dr") }),
    matchRecord("qbo", "street-2", {
      firstName: "Lee",
      lastName: "Brandt",
      companyName: "Harbor Swim School",
      address: { ...tampa("460 Gulf View Dr Unit 2"), zip: "33611" }
    })
  ]

  it.effect("keeps two businesses that share a building, a manager, a phone and a mailbox apart, and says why", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, 0)
      const pair = evidence("pom:palace", "qbo:empress")
      expect(pair?.weight).toBeCloseTo(DIFFERENT_BUSINESS_WEIGHT, 9)
      expect(pair?.contributions.find((c) => c.field === "business")?.level).toContain("different businesses")
    })
  )

  it.effect("weighs a phone shared by many records below one a single household holds", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, 0)
      const phone = (a: string, b: string): number => evidence(a, b)?.contributions.find((c) => c.field === "phone")?.weight ?? Number.NaN
      expect(phone("pom:site-0", "qbo:site-1")).toBeLessThan(phone("pom:own-a", "qbo:own-b") - 2)
    })
  )

  it.effect("counts a main line and an office mailbox once, as one organisation, and joins none of its sites", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, 0)
      const pair = evidence("pom:site-0", "qbo:site-1")
      expect(pair?.contributions.filter((c) => c.level.includes("one organisation with the"))).toHaveLength(1)
      for (let a = 0; a < 10; a++) {
        for (let b = a + 1; b < 10; b++) expect(evidence(`${a % 2 === 0 ? "pom" : "qbo"}:site-${a}`, `${b % 2 === 0 ? "pom" : "qbo"}:site-${b}`)?.probability ?? 0).toBeLessThan(threshold)
      }
    })
  )

  it.effect("does not excuse another number on the same street as a billing address elsewhere", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, 0)
      const pair = evidence("pom:street-1", "qbo:street-2")
      expect(pair).toBeDefined()
      expect(pair?.contributions.some((c) => c.field === "address")).toBe(false)
    })
  )

  it.effect("on the labelled businesses-at-shared-addresses set, finds every business's pair and joins no two businesses", () =>
    Effect.gen(function* () {
      for (const seed of [1, 2]) {
        const set = businessSites(seed)
        const background = syntheticPeople(800).records
        const result = yield* makeMatcher(nicknames).dedupe([...background, ...set.records], { matchThreshold: threshold })
        const found = new Set<string>()
        const wrong: Array<string> = []
        for (const e of result.pairs) {
          const a = set.entityOf.get(refKey(e.left))
          const b = set.entityOf.get(refKey(e.right))
          if (a === undefined && b === undefined) continue
          if (a === b && a !== undefined) found.add(a)
          else wrong.push(`${refKey(e.left)} ~ ${refKey(e.right)} (${set.groupOf.get(a ?? b ?? "")})`)
        }
        expect(wrong).toEqual([])
        expect(found.size).toBe(new Set(set.records.map((r) => set.entityOf.get(recordKey(r)))).size)
      }
    })
  )
})
