import { describe, expect, it } from "vitest"
import { givenNamesOf, normalizePersonName, readsFirstAndLastApart, surnamesOf } from "../../../matchers/normalize/personName.ts"

const name = (firstName: string, lastName: string, fullName = "") => normalizePersonName({ firstName, lastName, fullName })

describe("normalizePersonName", () => {
  it("folds case, accents and punctuation in first and last name", () => {
    expect(name("  JOSÉ ", "O'Brien-Núñez")).toEqual({ givenNames: ["jose"], surnames: ["obriennunez", "obrien", "nunez"] })
  })

  it("drops honorifics and suffixes", () => {
    expect(name("Dr. Robert", "Smith Jr.")).toEqual({ givenNames: ["robert"], surnames: ["smith"] })
    expect(name("", "", "Mr. John Doe III")).toEqual({ givenNames: ["john"], surnames: ["doe"] })
  })

  it('reads "Last, First" in a full name or a lone last name', () => {
    expect(name("", "", "Doe, John")).toEqual({ givenNames: ["john"], surnames: ["doe"] })
    expect(name("", "Doe, Jane")).toEqual({ givenNames: ["jane"], surnames: ["doe"] })
  })

  it('keeps both people of "Mr & Mrs John Doe" and "John and Jane Doe"', () => {
    expect(name("", "", "Mr & Mrs John Doe")).toEqual({ givenNames: ["john"], surnames: ["doe"] })
    expect(name("", "", "John and Jane Doe")).toEqual({ givenNames: ["john", "jane"], surnames: ["doe"] })
    expect(name("", "", "John Doe & Jane Roe")).toEqual({ givenNames: ["john", "jane"], surnames: ["doe", "roe"] })
    expect(name("John & Jane", "Doe")).toEqual({ givenNames: ["john", "jane"], surnames: ["doe"] })
  })

  it("drops middle initials but keeps a double first name whole as well", () => {
    expect(name("John Q.", "Public")).toEqual({ givenNames: ["john"], surnames: ["public"] })
    expect(name("Mary Ann", "Lee")).toEqual({ givenNames: ["mary", "maryann"], surnames: ["lee"] })
  })

  it("reads a household name as a surname", () => {
    expect(name("", "", "The Smith Family")).toEqual({ givenNames: [], surnames: ["smith"] })
  })

  it("reads no name in what QBO adds to keep a DisplayName unique", () => {
    expect(name("", "", "Matthew Ashcroft (Marlin Dr)")).toEqual({ givenNames: ["matthew"], surnames: ["ashcroft"] })
    expect(name("", "", "William Collins 2")).toEqual({ givenNames: ["william"], surnames: ["collins"] })
    expect(name("", "", "Doe, John [Lake House]")).toEqual({ givenNames: ["john"], surnames: ["doe"] })
    expect(name("", "Smith (Oak St)")).toEqual({ givenNames: [], surnames: ["smith"] })
  })

  it("ignores the full name when first or last name is filled", () => {
    expect(name("Ann", "Lee", "Lee Landscaping LLC")).toEqual({ givenNames: ["ann"], surnames: ["lee"] })
    expect(name("", "", "")).toEqual({ givenNames: [], surnames: [] })
  })
})

describe("first and last name read apart", () => {
  it("make up the whole name whenever normalizePersonName reads them apart", () => {
    const cases = [
      { firstName: "Mary Ann", lastName: "O'Brien-Smith", fullName: "ignored" },
      { firstName: "Dr. John", lastName: "", fullName: "John Doe" },
      { firstName: "", lastName: "van der Berg", fullName: "" },
      { firstName: " ", lastName: "Doe, John", fullName: "" },
      { firstName: "", lastName: "", fullName: "Mr & Mrs John Doe" },
      { firstName: "  ", lastName: " ", fullName: "" }
    ]
    const apart = cases.filter(readsFirstAndLastApart)
    expect(apart).toHaveLength(3)
    for (const fields of apart) {
      expect(normalizePersonName(fields)).toEqual({ givenNames: givenNamesOf(fields.firstName), surnames: surnamesOf(fields.lastName) })
    }
    expect(normalizePersonName({ firstName: " ", lastName: "Doe, John", fullName: "" })).toEqual({ givenNames: ["john"], surnames: ["doe"] })
  })
})
