import { it } from "@effect/vitest"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { defaultMatchSettings } from "../../../matchers/FellegiSunterMatcher.ts"
import { NEXT_DOOR_WEIGHT } from "../../../matchers/scoring/pairSemantics.ts"
import { dedupeAmongBackground } from "../domainFixture.ts"
import { matchRecord } from "../matchRecord.ts"

const customer = matchRecord
const tampa = (street: string) => ({ street, city: "Tampa", state: "FL", zip: "33609" })
const threshold = defaultMatchSettings.matchThreshold

describe("relatives next door", () => {
  const fairweather = { lastName: "Fairweather" }
  const planted = [
    // Two households of one rare surname a few doors apart, each with its POM account and its QBO customer; the QBO
    // customers came over from older books with a name and an address only.
    customer("pom", "ann", { ...fairweather, firstName: "Ann", phones: ["813-555-0301"], emails: ["ann@fw.net"], address: tampa("12 Palm St") }),
    customer("qbo", "ann-payer", { ...fairweather, firstName: "Ann", address: tampa("12 Palm Street") }),
    customer("pom", "bea", { ...fairweather, firstName: "Beatrice", phones: ["813-555-0302"], emails: ["bea@fw.net"], address: tampa("14 Palm St") }),
    customer("qbo", "bea-payer", { ...fairweather, firstName: "Beatrice", address: tampa("14 Palm St") }),
    // One payer whose QBO copy of the house number is mistyped: name, phone and email still agree.
    customer("pom", "carl", { firstName: "Carl", lastName: "Whitcombe", phones: ["813-555-0401"], emails: ["carlw@example.org"], address: tampa("30 Heron Dr") }),
    customer("qbo", "carl-payer", { firstName: "Carl", lastName: "Whitcombe", phones: ["(813) 555-0401"], emails: ["carlw@example.org"], address: tampa("32 Heron Dr") }),
    // The same household named by an initial in QBO, and a household whose initial names someone else.
    customer("pom", "dora", { firstName: "Dora", lastName: "Quenneville", phones: ["813-555-0501"], address: tampa("8 Ibis Ln") }),
    customer("qbo", "d-payer", { firstName: "D", lastName: "Quenneville", phones: ["813-555-0501"], address: tampa("8 Ibis Ln") }),
    customer("qbo", "k-payer", { firstName: "K", lastName: "Quenneville", phones: ["813-555-0599"], address: tampa("8 Ibis Ln") })
  ]

  it.effect("weighs another house on an account's street strongly against its pair with a QBO customer, and says why", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, 0)
      for (const [pom, qbo] of [["pom:ann", "qbo:bea-payer"], ["pom:bea", "qbo:ann-payer"]] as const) {
        const pair = evidence(pom, qbo)
        expect(pair?.probability ?? 1).toBeLessThan(threshold)
        const property = pair?.contributions.find((c) => c.field === "property")
        expect(property?.weight).toBe(NEXT_DOOR_WEIGHT)
        expect(property?.level).toContain("another house on the property's street")
      }
      // Each household still matches its own payer.
      expect(evidence("pom:ann", "qbo:ann-payer")?.probability).toBeGreaterThan(0.999)
      expect(evidence("pom:bea", "qbo:bea-payer")?.probability).toBeGreaterThan(0.999)
    })
  )

  it.effect("still matches a payer whose QBO house number is mistyped when name, phone and email agree", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, threshold)
      expect(evidence("pom:carl", "qbo:carl-payer")).toBeDefined()
    })
  )

  it.effect("reads a first name given as its initial as no disagreement, and another initial as one", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, 0)
      const initial = evidence("pom:dora", "qbo:d-payer")?.contributions.find((c) => c.field === "firstName")
      expect(initial?.level).toBe("initial")
      expect(initial?.weight ?? -1).toBeGreaterThanOrEqual(0)
      const other = evidence("pom:dora", "qbo:k-payer")?.contributions.find((c) => c.field === "firstName")
      expect(other?.level).toBe("differs")
      expect(other?.weight ?? 0).toBeLessThan(0)
    })
  )
})
