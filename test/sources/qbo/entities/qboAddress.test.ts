import { describe, expect, it } from "@effect/vitest"
import { toPostalAddress } from "../../../../sources/qbo/entities/qboAddress.ts"

describe("toPostalAddress", () => {
  it("joins the street lines and keeps city, state and zip", () => {
    expect(
      toPostalAddress({ Line1: "40 Oak Ave", Line2: "Suite 2", City: "Dublin", CountrySubDivisionCode: "OH", PostalCode: "43017" }, [])
    ).toEqual({ street: "40 Oak Ave, Suite 2", city: "Dublin", state: "OH", zip: "43017" })
  })

  it("reads a free-form address, leaving out the addressee and the city line", () => {
    // Invoice 130's BillAddr in Intuit's invoice-read-response.json.
    const addr = {
      Line1: "Russ Sonnenschein",
      Line2: "Sonnenschein Family Store",
      Line3: "5647 Cypress Hill Ave.",
      Line4: "Middlefield, CA  94303"
    }
    expect(toPostalAddress(addr, ["Sonnenschein Family Store", "Russ Sonnenschein"])).toEqual({
      street: "5647 Cypress Hill Ave.",
      city: "Middlefield",
      state: "CA",
      zip: "94303"
    })
  })

  it("leaves out lines that repeat the city line or the country", () => {
    const addr = { Line1: "12 Main St", Line2: "Columbus, OH 43215", Line3: "USA", City: "Columbus", CountrySubDivisionCode: "OH", PostalCode: "43215", Country: "USA" }
    expect(toPostalAddress(addr, [])?.street).toBe("12 Main St")
  })

  it("is null when there is no address or nothing in it", () => {
    expect(toPostalAddress(undefined, [])).toBeNull()
    expect(toPostalAddress({ Line1: "  " }, [])).toBeNull()
  })
})
