import { it } from "@effect/vitest"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import type { MatchRecord } from "../../../matchers/MatchRecord.ts"
import { dedupeAmongBackground } from "../domainFixture.ts"

const pair = (id: string, lastName: string, street: string): ReadonlyArray<MatchRecord> =>
  (["pom", "qbo"] as const).map((system) => ({
    ref: { system, id },
    firstName: "John",
    lastName,
    fullName: "",
    companyName: "",
    emails: [],
    phones: [],
    address: { street, city: "Tampa", state: "FL", zip: "33609" }
  }))

// Forty more Smiths make it the commonest surname of the background.
const smiths: ReadonlyArray<MatchRecord> = Array.from({ length: 40 }, (_, k) => ({
  ref: { system: "qbo", id: `smith${k}` },
  firstName: "Ann",
  lastName: "Smith",
  fullName: "",
  companyName: "",
  emails: [`ann${k}@smith.example`],
  phones: [],
  address: null
}))

describe("term-frequency adjustment", () => {
  it.effect("weighs a shared rare surname above a shared Smith, other evidence being equal", () =>
    Effect.gen(function* () {
      const planted = [...smiths, ...pair("common", "Smith", "5 Magnolia Ave"), ...pair("rare", "Zbikowski", "5 Pelican Ave")]
      const { evidence } = yield* dedupeAmongBackground(planted, 0)
      const surnameWeight = (id: string): number =>
        evidence(`pom:${id}`, `qbo:${id}`)?.contributions.find((c) => c.field === "lastName")?.weight ?? Number.NaN
      expect(surnameWeight("rare")).toBeGreaterThan(surnameWeight("common") + 2)
      expect(evidence("pom:rare", "qbo:rare")?.weight ?? 0).toBeGreaterThan(evidence("pom:common", "qbo:common")?.weight ?? 0)
    })
  )
})
