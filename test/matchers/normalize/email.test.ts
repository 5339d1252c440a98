import { describe, expect, it } from "vitest"
import { normalizeEmail } from "../../../matchers/normalize/email.ts"

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  John.Doe@Example.COM ")).toBe("john.doe@example.com")
  })

  it("drops Gmail dots and +tags and folds googlemail.com into gmail.com", () => {
    expect(normalizeEmail("J.O.H.N.Doe+pool@gmail.com")).toBe("johndoe@gmail.com")
    expect(normalizeEmail("john.doe@googlemail.com")).toBe("johndoe@gmail.com")
  })

  it("keeps dots and plus signs at other providers, where they may matter", () => {
    expect(normalizeEmail("john.doe+x@yahoo.com")).toBe("john.doe+x@yahoo.com")
  })

  it("returns null for what is not an address", () => {
    expect(normalizeEmail("none")).toBeNull()
    expect(normalizeEmail("@gmail.com")).toBeNull()
    expect(normalizeEmail("john@")).toBeNull()
    expect(normalizeEmail("john doe@x.com")).toBeNull()
  })
})
