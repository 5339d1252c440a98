import { describe, expect, it } from "vitest"
import { normalizeAddress } from "../../../matchers/normalize/address.ts"
import { countryOfAddress } from "../../../matchers/normalize/countryOfAddress.ts"
import { normalizePostcode } from "../../../matchers/normalize/postcode.ts"

const at = (state: string, zip: string) => normalizeAddress({ street: "1 High Street", city: "", state, zip })

describe("normalizePostcode", () => {
  it("keeps two British postcodes that share their digits apart", () => {
    expect(at("Somerset", "BA4 4JG")?.zip).toBe("BA4 4JG")
    expect(at("", "BS4 4AS")?.zip).toBe("BS4 4AS")
    expect(at("Somerset", "BA4 4JG")?.zip).not.toBe(at("", "BS4 4AS")?.zip)
  })

  it("writes each country's postcode one way however it is typed", () => {
    for (const typed of ["ba44jg", "BA4  4JG", " ba4-4jg "]) expect(normalizePostcode(typed, "GB")).toBe("BA4 4JG")
    expect(normalizePostcode("sw1a1aa", "GB")).toBe("SW1A 1AA")
    expect(normalizePostcode("EC1A 1BB", "GB")).toBe("EC1A 1BB")
    for (const typed of ["k1a0b1", "K1A 0B1", "K1A-0B1"]) expect(normalizePostcode(typed, "CA")).toBe("K1A 0B1")
    expect(normalizePostcode("2000", "AU")).toBe("2000")
    expect(normalizePostcode("33701-1234", "US")).toBe("33701")
    expect(normalizePostcode("337011234", "US")).toBe("33701")
  })

  it("keeps the letters of a postcode whose shape it does not know rather than reduce it to digits", () => {
    expect(normalizePostcode("BA4 4J", "GB")).toBe("BA44J")
    expect(normalizePostcode("BA4 4J", "US")).not.toBe(normalizePostcode("BS4 4A", "US"))
  })
})

describe("countryOfAddress", () => {
  it("reads the country from a Canadian or British postcode's shape", () => {
    expect(countryOfAddress("", "K1A 0B1", null)).toBe("CA")
    expect(countryOfAddress("", "M5V 3L9", "US")).toBe("CA")
    expect(countryOfAddress("", "BA4 4JG", null)).toBe("GB")
    expect(countryOfAddress("", "SW1A 1AA", "AU")).toBe("GB")
  })

  it("reads it from a state or province of one country", () => {
    expect(at("Ontario", "")?.country).toBe("CA")
    expect(at("QC", "")?.country).toBe("CA")
    expect(at("New South Wales", "")?.country).toBe("AU")
    expect(at("vic", "3000")?.country).toBe("AU")
    expect(at("Florida", "33701")?.country).toBe("US")
  })

  it("settles a state two countries share by the postcode, and four digits by the company's country", () => {
    expect(countryOfAddress("wa", "6000", null)).toBe("AU")
    expect(countryOfAddress("wa", "98101", null)).toBe("US")
    expect(countryOfAddress("nt", "0800", null)).toBe("AU")
    expect(countryOfAddress("wa", "6000", "GB")).toBe("AU")
    expect(countryOfAddress("nt", "X0E 0A0", "AU")).toBe("CA")
    // A US ZIP whose leading zero a spreadsheet dropped looks Australian: the company's country decides.
    expect(countryOfAddress("", "2134", "US")).toBe("US")
    expect(countryOfAddress("", "2134", null)).toBe("AU")
    expect(countryOfAddress("", "", "GB")).toBe("GB")
    expect(countryOfAddress("", "", null)).toBe("US")
  })

  it("codes Canadian provinces and Australian states", () => {
    expect(at("British Columbia", "")?.state).toBe("bc")
    expect(at("Québec", "")?.state).toBe("qc")
    expect(at("Western Australia", "")?.state).toBe("wa")
    expect(at("Tasmania", "")?.state).toBe("tas")
  })
})
