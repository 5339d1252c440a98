import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { QboClient } from "../../../../sources/qbo/api/QboClient.ts"
import { localQbo, localQboLayer } from "./localQbo.ts"

const countryOf = (country: string | undefined) =>
  Effect.gen(function* () {
    const server = yield* localQbo({ customers: [], invoices: [], limits: "off", ...(country === undefined ? {} : { country }) })
    return yield* Effect.flatMap(QboClient, (client) => client.companyCountry).pipe(Effect.provide(localQboLayer(server)))
  })

describe("QboClient.companyCountry", () => {
  it.scopedLive("reads the company's country from QBO's CompanyInfo", () =>
    Effect.gen(function* () {
      expect(yield* countryOf("GB")).toBe("GB")
      expect(yield* countryOf("AU")).toBe("AU")
      expect(yield* countryOf(undefined)).toBe("US")
    })
  )
})
