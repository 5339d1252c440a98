import { describe, expect, it } from "@effect/vitest"
import { type Figure, verdictOf } from "../../../bench/targets/PartResult.ts"

const figure = (value: number | null, target: Figure["target"]): Figure => ({ name: "f", value, unit: "seconds", target, detail: null })

describe("verdictOf", () => {
  it("holds a figure to an upper bound, the bound itself within", () => {
    expect(verdictOf(figure(60, { bound: "at most", limit: 60 }))).toBe("within")
    expect(verdictOf(figure(60.01, { bound: "at most", limit: 60 }))).toBe("OVER")
  })

  it("holds a figure to a lower bound", () => {
    expect(verdictOf(figure(0.9, { bound: "at least", limit: 0.9 }))).toBe("within")
    expect(verdictOf(figure(0.89, { bound: "at least", limit: 0.9 }))).toBe("OVER")
  })

  it("gives no verdict without a target or a value", () => {
    expect(verdictOf(figure(5, null))).toBe("no target")
    expect(verdictOf(figure(null, { bound: "at most", limit: 1 }))).toBe("not measured")
  })
})
