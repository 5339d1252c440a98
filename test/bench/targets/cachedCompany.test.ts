import { describe, expect, it } from "@effect/vitest"
import { companyKey } from "../../../bench/targets/cachedCompany.ts"

describe("companyKey", () => {
  it("names apart companies that differ in size, seed or history, so the cache never hands back another one", () => {
    const keys = [
      companyKey(10_000, 7, undefined),
      companyKey(100_000, 7, undefined),
      companyKey(10_000, 8, undefined),
      companyKey(10_000, 7, { appointments: 35, services: 30, invoices: 14 }),
      companyKey(10_000, 7, { appointments: 30, services: 35, invoices: 14 })
    ]
    expect(new Set(keys).size).toBe(keys.length)
    expect(companyKey(10_000, 7, undefined)).toBe(companyKey(10_000, 7, undefined))
  })
})
