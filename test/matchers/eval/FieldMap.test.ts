import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { parseFieldMap } from "../../../matchers/eval/FieldMap.ts"

describe("parseFieldMap", () => {
  it("reads fields, joined columns and padding", () => {
    const parsed = parseFieldMap(" firstName=given_name , street=street_number+address_1,zip=postcode")
    expect(Either.getOrThrow(parsed)).toEqual(
      new Map([
        ["firstName", ["given_name"]],
        ["street", ["street_number", "address_1"]],
        ["zip", ["postcode"]]
      ])
    )
  })

  it("reports every problem at once", () => {
    const parsed = parseFieldMap("surname=last,firstName,zip=a,zip=b")
    expect(Either.isLeft(parsed)).toBe(true)
    if (Either.isLeft(parsed)) {
      expect(parsed.left.message).toContain('"surname" is not a field')
      expect(parsed.left.message).toContain('"firstName" is not field=column')
      expect(parsed.left.message).toContain('"zip" is mapped twice')
    }
  })

  it("refuses an empty map", () => {
    expect(Either.isLeft(parseFieldMap(" , "))).toBe(true)
  })
})
