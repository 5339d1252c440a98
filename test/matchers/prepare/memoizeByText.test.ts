import { describe, expect, it } from "vitest"
import { memoizeByText } from "../../../matchers/prepare/memoizeByText.ts"

describe("memoizeByText", () => {
  it("computes once per distinct text and answers repeats with the first result", () => {
    const calls: Array<string> = []
    const lengthOf = memoizeByText((text) => {
      calls.push(text)
      return { length: text.length }
    })
    const first = lengthOf("Tampa")
    expect(lengthOf("Tampa")).toBe(first)
    expect(lengthOf(["Tam", "pa"].join(""))).toBe(first)
    expect(lengthOf("")).toEqual({ length: 0 })
    expect(lengthOf("tampa")).toEqual({ length: 5 })
    expect(calls).toEqual(["Tampa", "", "tampa"])
  })

  it("keeps a separate cache per memoized function", () => {
    const upper = memoizeByText((text) => text.toUpperCase())
    const lower = memoizeByText((text) => text.toLowerCase())
    expect(upper("Naples")).toBe("NAPLES")
    expect(lower("Naples")).toBe("naples")
  })
})
