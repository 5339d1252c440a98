import { describe, expect, it } from "vitest"
import type { Country } from "../../../matchers/normalize/Country.ts"
import { emptyNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { type PreparedRecords, prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import { matchRecord } from "../matchRecord.ts"

const valuesOf = (prepared: PreparedRecords, field: "phone" | "zip", i: number): Array<string> => {
  const c = prepared.columns[field]
  const out: Array<string> = []
  for (let k = c.offsets[i] ?? 0; k < (c.offsets[i + 1] ?? 0); k++) out.push(c.values[c.items[k] ?? 0] ?? "")
  return out
}

const prepared = (country: Country | null) =>
  prepareRecords(
    [
      // No address: only the company's country says how to read the phone.
      matchRecord("pom", "a", { phones: ["020 7946 0958"] }),
      matchRecord("qbo", "b", { phones: ["+44 20 7946 0958"] }),
      // An address that names its country keeps it, whatever the company's.
      matchRecord("pom", "c", { phones: ["0412 345 678"], address: { street: "1 George St", city: "Sydney", state: "NSW", zip: "2000" } }),
      matchRecord("pom", "d", { phones: ["(416) 555-0199"], address: { street: "1 King St W", city: "Toronto", state: "", zip: "m5h1a1" } }),
      // Four digits and no state: an Australian postcode, or a US ZIP that lost its leading zero.
      matchRecord("pom", "e", { phones: ["0412 345 678"], address: { street: "1 Main St", city: "", state: "", zip: "2134" } })
    ],
    { sides: null, nicknames: emptyNicknameTable, country }
  )

describe("prepareRecords with the company's country", () => {
  it("reads a phone without an address as a number of the company's country", () => {
    const gb = prepared("GB")
    expect(valuesOf(gb, "phone", 0)).toEqual(["+442079460958"])
    expect(valuesOf(gb, "phone", 1)).toEqual(["+442079460958"])
    expect(valuesOf(prepared(null), "phone", 0)).not.toEqual(["+442079460958"])
  })

  it("keeps the country an address names", () => {
    for (const country of ["US", "GB", null] as const) {
      expect(valuesOf(prepared(country), "phone", 2)).toEqual(["+61412345678"])
      expect(valuesOf(prepared(country), "zip", 3)).toEqual(["M5H 1A1"])
      expect(valuesOf(prepared(country), "phone", 3)).toEqual(["+14165550199"])
    }
  })

  it("lets the company's country decide a postcode of four digits without a state", () => {
    expect(valuesOf(prepared(null), "phone", 4)).toEqual(["+61412345678"])
    expect(valuesOf(prepared("US"), "phone", 4)).toEqual(["0412345678"])
  })
})
