import { describe, expect, it } from "vitest"
import { textInterner } from "../../sources/textInterner.ts"

describe("textInterner", () => {
  it("hands back each text as given, blank included", () => {
    const shared = textInterner()
    expect(["Springfield", "", "CA", "Springfield"].map(shared.text)).toEqual(["Springfield", "", "CA", "Springfield"])
  })

  it("keeps an address's street as read and each of its parts' values", () => {
    const shared = textInterner()
    const a = { street: "12 Main St", city: "Springfield", state: "IL", zip: "62701" }
    expect(shared.address(a)).toEqual(a)
    expect(shared.address({ ...a, street: "14 Main St" })).toEqual({ ...a, street: "14 Main St" })
  })
})
