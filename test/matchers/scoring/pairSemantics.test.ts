import { it } from "@effect/vitest"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { defaultMatchSettings } from "../../../matchers/FellegiSunterMatcher.ts"
import { DIFFERENT_PROPERTY_WEIGHT } from "../../../matchers/scoring/pairSemantics.ts"
import { dedupeAmongBackground } from "../domainFixture.ts"
import { matchRecord } from "../matchRecord.ts"

const customer = matchRecord

const tampa = (street: string) => ({ street, city: "Tampa", state: "FL", zip: "33609" })
const austin = (street: string) => ({ street, city: "Austin", state: "TX", zip: "78750" })
const threshold = defaultMatchSettings.matchThreshold

describe("pair semantics", () => {
  const karen = { firstName: "Karen", lastName: "Quigley", phones: ["813-555-0142"], emails: ["kquigley@example.net"] }
  const planted = [
    // One owner, two properties, one QBO payer billed at home.
    customer("pom", "home", { ...karen, address: tampa("12 Palm St") }),
    customer("pom", "rental", { ...karen, address: tampa("900 Oak Ave") }),
    customer("qbo", "payer", { ...karen, fullName: "Quigley, Karen", firstName: "", lastName: "", address: tampa("12 Palm Street") }),
    // One owner, two houses on one street whose numbers are one digit apart.
    customer("pom", "house-713", { ...karen, firstName: "Ryan", address: tampa("713 Palo Verde Ct") }),
    customer("pom", "house-753", { ...karen, firstName: "Ryan", address: tampa("753 Palo Verde Court") }),
    // A snowbird billed up north.
    customer("pom", "snowbird", { firstName: "Dale", lastName: "Abernathy", phones: ["727-555-0111"], emails: ["dale.a@example.org"], address: tampa("44 Heron Dr") }),
    customer("qbo", "snowbird-payer", {
      fullName: "Dale Abernathy",
      phones: ["(727) 555-0111"],
      emails: ["DALE.A@EXAMPLE.ORG"],
      address: { street: "8 Lake Rd", city: "Columbus", state: "OH", zip: "43220" }
    }),
    // A true duplicate account: the same property typed again.
    customer("pom", "dup-a", { firstName: "Gwendolyn", lastName: "Castellanos", phones: ["813-555-0177"], address: tampa("300 Coral Way") }),
    customer("pom", "dup-b", { firstName: "Gwendolyn", lastName: "Castelanos", phones: ["8135550177"], address: tampa("300 Coral Way") }),
    // Neighbours on one street.
    customer("pom", "n1", { firstName: "Mark", lastName: "Lindqvist", phones: ["813-555-0201"], address: tampa("101 Palm St") }),
    customer("pom", "n2", { firstName: "Sarah", lastName: "Okonkwo", phones: ["813-555-0202"], address: tampa("103 Palm St") }),
    // Relatives: one rare surname, two households in one town.
    customer("pom", "r1", { firstName: "Paul", lastName: "Fairweather", phones: ["813-555-0301"], emails: ["paul@fw.net"], address: tampa("5 Tarpon Ln") }),
    customer("pom", "r2", { firstName: "Emily", lastName: "Fairweather", phones: ["813-555-0302"], emails: ["emily@fw.net"], address: tampa("77 Egret Ct") }),
    // Two different John Smiths.
    customer("qbo", "js1", { firstName: "John", lastName: "Smith", phones: ["813-555-0401"], emails: ["jsmith1@example.com"], address: tampa("10 Gulf Dr") }),
    customer("qbo", "js2", { firstName: "John", lastName: "Smith", phones: ["727-555-0402"], emails: ["john.smith@example.org"], address: { street: "600 Bayshore Blvd", city: "Naples", state: "FL", zip: "34102" } }),
    // Two namesakes whose addresses are built from their name, in different towns.
    customer("qbo", "eric-a", { firstName: "Eric", lastName: "Turnquist", emails: ["ericturnquist71@yahoo.com"], address: tampa("4 Ibis Ln") }),
    customer("qbo", "eric-b", {
      firstName: "Eric",
      lastName: "Turnquist",
      emails: ["ericturnquist69@yahoo.com"],
      address: { street: "90 Ridge Rd", city: "Naples", state: "FL", zip: "34102" }
    }),
    // Two payers on one rare street who share nothing else: a household and a business.
    customer("qbo", "street-a", { firstName: "Sarah", lastName: "Brownlee", emails: ["sbrownlee@example.com"], address: austin("826 Thunderbird Pkwy") }),
    customer("qbo", "street-b", { companyName: "Williams & Aguilar Home Services LLC", phones: ["813-555-0501"], address: austin("707 Thunderbird Pkwy") })
  ]

  it.effect("keeps two POM accounts of one owner at different properties apart, even with the same phone and email", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, 0)
      const pair = evidence("pom:home", "pom:rental")
      expect(pair).toBeDefined()
      expect(pair?.probability ?? 1).toBeLessThan(threshold)
      // However much the two accounts share, the property decides.
      expect(pair?.weight).toBeCloseTo(DIFFERENT_PROPERTY_WEIGHT, 9)
      expect(pair?.contributions.some((c) => c.field === "property")).toBe(true)
    })
  )

  it.effect("keeps two POM accounts of one owner apart when their house numbers are one digit apart", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, 0)
      const pair = evidence("pom:house-713", "pom:house-753")
      expect(pair?.weight).toBeCloseTo(DIFFERENT_PROPERTY_WEIGHT, 9)
      expect(pair?.contributions.find((c) => c.field === "houseNumber")?.level).toBe("one character off")
    })
  )

  it.effect("matches both accounts of a multi-property owner to their one QBO payer, not to each other", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, threshold)
      expect(evidence("pom:home", "pom:rental")).toBeUndefined()
      expect(evidence("pom:home", "qbo:payer")).toBeDefined()
      expect(evidence("pom:rental", "qbo:payer")).toBeDefined()
    })
  )

  it.effect("matches a POM account to its QBO payer despite a billing address elsewhere, and says why", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, threshold)
      const pair = evidence("pom:snowbird", "qbo:snowbird-payer")
      expect(pair).toBeDefined()
      expect(pair?.contributions.find((c) => c.field === "address")?.weight ?? 0).toBeGreaterThan(0)
    })
  )

  it.effect("matches a POM duplicate of one property typed twice", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, threshold)
      const pair = evidence("pom:dup-a", "pom:dup-b")
      expect(pair).toBeDefined()
      // The review file shows the similarity a fuzzy level was reached with.
      expect(pair?.contributions.find((c) => c.field === "lastName")?.level).toMatch(/^JW 0\.9\d$/)
    })
  )

  it.effect("does not match two payers on their street, town, state and ZIP alone: the last three name one place", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, 0)
      const pair = evidence("qbo:street-a", "qbo:street-b")
      expect(pair).toBeDefined()
      expect(pair?.probability ?? 1).toBeLessThan(threshold)
      const counted = pair?.contributions.filter((c) => ["city", "state", "zip"].includes(c.field) && c.weight > 0) ?? []
      expect(counted).toHaveLength(1)
      expect(pair?.contributions.filter((c) => c.level.includes("one place with the"))).toHaveLength(2)
    })
  )

  it.effect("says why two mailbox names built from the shared name weigh nothing, rather than leaving the email out", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, 0)
      const email = evidence("qbo:eric-a", "qbo:eric-b")?.contributions.find((c) => c.field === "email")
      expect(email?.weight).toBe(0)
      expect(email?.level).toContain("built from the names both records share")
    })
  )

  it.effect("leaves neighbours, relatives and two John Smiths unmatched", () =>
    Effect.gen(function* () {
      const { evidence } = yield* dedupeAmongBackground(planted, threshold)
      expect(evidence("pom:n1", "pom:n2")).toBeUndefined()
      expect(evidence("pom:r1", "pom:r2")).toBeUndefined()
      expect(evidence("qbo:js1", "qbo:js2")).toBeUndefined()
    })
  )
})
