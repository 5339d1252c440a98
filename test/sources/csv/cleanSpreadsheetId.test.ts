import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { cleanSpreadsheetId } from "../../../sources/csv/cleanSpreadsheetId.ts"

describe("cleanSpreadsheetId", () => {
  it("reads a blank cell as no id and trims the rest", () => {
    expect(cleanSpreadsheetId("   ")).toEqual(Either.right(null))
    expect(cleanSpreadsheetId(" 2514 ")).toEqual(Either.right("2514"))
    expect(cleanSpreadsheetId("cust_456")).toEqual(Either.right("cust_456"))
  })

  it("undoes a number column's decimals", () => {
    expect(cleanSpreadsheetId("2514.0")).toEqual(Either.right("2514"))
    expect(cleanSpreadsheetId("2514.00")).toEqual(Either.right("2514"))
    expect(cleanSpreadsheetId("2514.5")).toEqual(Either.right("2514.5"))
  })

  it("refuses scientific notation, whose digits may be gone", () => {
    for (const s of ["2.514E+03", "1.23457e+11", "5E3", "+2.5E+03", "-1e5", " 2.514E+03"]) {
      const result = cleanSpreadsheetId(s)
      if (Either.isRight(result)) throw new Error(`expected ${s} to be refused`)
      expect(result.left).toContain("scientific notation")
    }
  })
})
