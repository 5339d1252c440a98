import { describe, expect, it } from "vitest"
import { seededRandom } from "../../../matchers/scoring/random.ts"
import { codeUnitsOf, jaroAt, jaroWinklerAt, jaroWinklerCeiling } from "../../../matchers/similarity/codeUnitJaroWinkler.ts"
import * as reference from "./referenceJaroWinkler.ts"

/** The matcher's similarity of two strings, each decoded on its own. */
const jaroWinkler = (a: string, b: string): number => jaroWinklerAt(codeUnitsOf([a]), 0, codeUnitsOf([b]), 0)
const jaro = (a: string, b: string): number => jaroAt(codeUnitsOf([a]), 0, codeUnitsOf([b]), 0)

const random = seededRandom(23)
const names = ["martha", "marhta", "dwayne", "duane", "dixon", "dicksonx", "smith", "smyth", "a", "ab", "n main st", "núñez", "nunez"]
const words = [...names, ...Array.from({ length: 300 }, () => {
  let w = ""
  for (let c = 1 + Math.floor(random() * 14); c > 0; c--) w += "aeinrst lmo1é"[Math.floor(random() * 13)]
  return w
})]

describe("jaroWinklerAt", () => {
  const units = codeUnitsOf(words)
  const others = codeUnitsOf([...words].reverse())

  it("gives exactly the number jaroWinkler gives on the strings, within one list and across two", () => {
    const differences: Array<string> = []
    words.forEach((a, x) => {
      words.forEach((b, y) => {
        if (!Object.is(jaroWinklerAt(units, x, units, y), reference.jaroWinkler(a, b))) differences.push(`${a}|${b}`)
        if (!Object.is(jaroAt(units, x, units, y), reference.jaro(a, b))) differences.push(`jaro ${a}|${b}`)
        const yInOthers = words.length - 1 - y
        if (!Object.is(jaroWinklerAt(units, x, others, yInOthers), reference.jaroWinkler(a, b))) differences.push(`across ${a}|${b}`)
      })
    })
    expect(differences).toEqual([])
  })

  it("never exceeds its ceiling, so a pair below a threshold by the ceiling is below it for sure", () => {
    const breaches: Array<string> = []
    words.forEach((a, x) => {
      words.forEach((b, y) => {
        if (reference.jaroWinkler(a, b) > jaroWinklerCeiling(units, x, units, y)) breaches.push(`${a}|${b}`)
      })
    })
    expect(breaches).toEqual([])
    // And it is tight enough to be worth asking: unrelated names are ruled out.
    expect(jaroWinklerCeiling(codeUnitsOf(["smith"]), 0, codeUnitsOf(["okafor"]), 0)).toBeLessThan(0.8)
  })
})

describe("jaroWinklerAt on single strings", () => {
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
