import { describe, expect, it } from "vitest"
import { normalizeAddress } from "../../../matchers/normalize/address.ts"

const street = (s: string) => normalizeAddress({ street: s, city: "", state: "", zip: "" })

describe("normalizeAddress", () => {
  it("splits house number, street name and unit, with USPS suffixes and directionals", () => {
    expect(street("123 North Main Street Apt 4B")).toMatchObject({ houseNumber: "123", streetName: "n main st", unit: "4b", isPoBox: false })
    expect(street("123 N. Main St., #4B")).toMatchObject({ houseNumber: "123", streetName: "n main st", unit: "4b" })
    expect(street("123 N Main St Suite 4B")).toMatchObject({ unit: "4b" })
    expect(street("500 Palm Boulevard Southwest")).toMatchObject({ streetName: "palm blvd sw" })
  })

  it("abbreviates only the suffix position, so a street named like a suffix keeps its name", () => {
    expect(street("12 Park Avenue")).toMatchObject({ streetName: "park ave" })
    expect(street("12 Court Street")).toMatchObject({ streetName: "court st" })
    expect(street("12 Broadway")).toMatchObject({ streetName: "broadway" })
  })

  it("writes a numbered street's ordinal as its number, in digits or in words", () => {
    expect(street("4410 N 52nd Street")).toMatchObject({ houseNumber: "4410", streetName: "n 52 st" })
    expect(street("4410 North Fifty-Second St")).toMatchObject({ houseNumber: "4410", streetName: "n 52 st" })
    expect(street("4410 N 52 St")).toMatchObject({ streetName: "n 52 st" })
    expect(street("12 First Avenue")).toMatchObject({ houseNumber: "12", streetName: "1 ave" })
    expect(street("12 Twentieth Ave")).toMatchObject({ streetName: "20 ave" })
    // A word that is not an ordinal stays as it is.
    expect(street("12 Fifty Oaks Ln")).toMatchObject({ streetName: "fifty oaks ln" })
  })

  it("keeps half and lettered house numbers whole", () => {
    expect(street("123 1/2 Main St")).toMatchObject({ houseNumber: "123h", streetName: "main st" })
    expect(street("12 B Main St")).toMatchObject({ houseNumber: "12b", streetName: "main st" })
    expect(street("12 N Main St")).toMatchObject({ houseNumber: "12", streetName: "n main st" })
  })

  it("recognises PO boxes", () => {
    for (const s of ["PO Box 77", "P.O. Box 77", "Post Office Box 77", "POB 77"]) {
      expect(street(s)).toMatchObject({ houseNumber: "77", streetName: "po box", unit: "", isPoBox: true })
    }
  })

  it("cuts ZIP+4 to ZIP5, codes US states and folds the city", () => {
    expect(normalizeAddress({ street: "1 Oak Ln", city: "St. Petersburg ", state: "Florida", zip: "33701-1234" })).toMatchObject({
      city: "st petersburg",
      state: "fl",
      zip: "33701"
    })
    expect(normalizeAddress({ street: "", city: "", state: "fl", zip: "337011234" })).toMatchObject({ state: "fl", zip: "33701" })
  })

  it("reads a unit written before the house number, as British, Canadian and Australian addresses put it", () => {
    const tenHighStreetFlat2 = { houseNumber: "10", streetName: "high st", unit: "2" }
    expect(street("Flat 2, 10 High Street")).toMatchObject(tenHighStreetFlat2)
    expect(street("10 High Street, Flat 2")).toMatchObject(tenHighStreetFlat2)
    expect(street("2/10 High Street")).toMatchObject(tenHighStreetFlat2)
    expect(street("2 / 10 High St")).toMatchObject(tenHighStreetFlat2)
    expect(street("Apt 4B, 100 King St W")).toMatchObject({ houseNumber: "100", streetName: "king st w", unit: "4b" })
    expect(street("Suite 300, 1 Yonge Street")).toMatchObject({ houseNumber: "1", streetName: "yonge st", unit: "300" })
    // A half house number is not a unit.
    expect(street("123 1/2 Main St")).toMatchObject({ houseNumber: "123h", streetName: "main st", unit: "" })
  })

  it("returns null for an address with nothing in it", () => {
    expect(normalizeAddress({ street: " ", city: "", state: "", zip: "" })).toBeNull()
  })
})
