import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { companyCountry } from "../../cli/companyCountry.ts"

describe("companyCountry", () => {
  it.effect("takes --country first, else the live QBO company's country when the matcher reads it", () =>
    Effect.gen(function* () {
      expect(yield* companyCountry(Option.some("AU"), "GB")).toBe("AU")
      expect(yield* companyCountry(Option.none(), "GB")).toBe("GB")
      expect(yield* companyCountry(Option.none(), "United Kingdom")).toBe("GB")
      expect(yield* companyCountry(Option.none(), "CA")).toBe("CA")
      // A country whose postcodes and phones the matcher does not read: addresses keep their own, else the US.
      expect(yield* companyCountry(Option.none(), "FR")).toBeNull()
      // Files hold no company settings.
      expect(yield* companyCountry(Option.none(), null)).toBeNull()
    })
  )
})
