import { describe, expect, it } from "vitest"
import { normalizeCompanyName } from "../../../matchers/normalize/companyName.ts"

describe("normalizeCompanyName", () => {
  it("drops legal forms however they are written", () => {
    expect(normalizeCompanyName("Acme Pools, LLC")).toBe("acme pools")
    expect(normalizeCompanyName("Acme Pools L.L.C.")).toBe("acme pools")
    expect(normalizeCompanyName("ACME POOLS INC.")).toBe("acme pools")
    expect(normalizeCompanyName("Acme Pools Co")).toBe("acme pools")
    expect(normalizeCompanyName("Smith & Co.")).toBe("smith")
  })

  it('reads "&" as "and" and drops a leading "The"', () => {
    expect(normalizeCompanyName("The Smith & Jones Group")).toBe(normalizeCompanyName("Smith and Jones Group"))
  })

  it("writes every spelling of a homeowners association as HOA", () => {
    expect(normalizeCompanyName("Palm Lakes Homeowners Association")).toBe("palm lakes hoa")
    expect(normalizeCompanyName("Palm Lakes Home Owners Assn.")).toBe("palm lakes hoa")
    expect(normalizeCompanyName("Palm Lakes HOA, Inc.")).toBe("palm lakes hoa")
  })

  it("keeps a name that is only a legal form, and blank stays blank", () => {
    expect(normalizeCompanyName("Company")).toBe("company")
    expect(normalizeCompanyName("  ")).toBe("")
  })
})
