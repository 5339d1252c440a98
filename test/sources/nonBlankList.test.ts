import { describe, expect, it } from "vitest"
import { nonBlankList } from "../../sources/nonBlankList.ts"

describe("nonBlankList", () => {
  it("keeps the non-blank values in their order", () => {
    expect(nonBlankList(["", "a@x.com", "", "b@x.com", ""])).toEqual(["a@x.com", "b@x.com"])
  })

  it("gives an empty list for only blanks, and a list of its own, not the one given", () => {
    expect(nonBlankList(["", ""])).toEqual([])
    const given = ["555-0100"]
    const kept = nonBlankList(given)
    expect(kept).toEqual(given)
    expect(kept).not.toBe(given)
  })
})
