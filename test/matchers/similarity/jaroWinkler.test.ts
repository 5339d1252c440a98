import { describe, expect, it } from "vitest"
import { jaro, jaroWinkler } from "../../../matchers/similarity/jaroWinkler.ts"

describe("jaroWinkler", () => {
  it("gives the published values (Winkler 1990)", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.9611, 4)
    expect(jaroWinkler("dwayne", "duane")).toBeCloseTo(0.84, 4)
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.8133, 4)
    expect(jaro("martha", "marhta")).toBeCloseTo(0.9444, 4)
  })

  it("is 1 for equal strings and 0 with nothing in common or an empty side", () => {
    expect(jaroWinkler("smith", "smith")).toBe(1)
    expect(jaroWinkler("abc", "xyz")).toBe(0)
    expect(jaroWinkler("", "smith")).toBe(0)
  })

  it("is symmetric and stays in 0..1", () => {
    const words = ["smith", "smyth", "schmidt", "jones", "johnson", "jonson", "a", "ab", "abcdefghijklmnopqrstuvwxyz"]
    for (const a of words) {
      for (const b of words) {
        const s = jaroWinkler(a, b)
        expect(s).toBeGreaterThanOrEqual(0)
        expect(s).toBeLessThanOrEqual(1)
        expect(s).toBeCloseTo(jaroWinkler(b, a), 12)
      }
    }
  })

  it("handles strings longer than its scratch buffers", () => {
    const long = "x".repeat(500) + "a"
    expect(jaroWinkler(long, "x".repeat(500) + "b")).toBeGreaterThan(0.99)
  })
})
