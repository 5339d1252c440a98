import { describe, expect, it } from "vitest"
import { seededRandom } from "../../../matchers/scoring/random.ts"
import { codeUnitsOf, jaroAt, jaroWinklerAt, jaroWinklerCeiling } from "../../../matchers/similarity/codeUnitJaroWinkler.ts"
import { jaro, jaroWinkler } from "../../../matchers/similarity/jaroWinkler.ts"

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
        if (!Object.is(jaroWinklerAt(units, x, units, y), jaroWinkler(a, b))) differences.push(`${a}|${b}`)
        if (!Object.is(jaroAt(units, x, units, y), jaro(a, b))) differences.push(`jaro ${a}|${b}`)
        const yInOthers = words.length - 1 - y
        if (!Object.is(jaroWinklerAt(units, x, others, yInOthers), jaroWinkler(a, b))) differences.push(`across ${a}|${b}`)
      })
    })
    expect(differences).toEqual([])
  })

  it("never exceeds its ceiling, so a pair below a threshold by the ceiling is below it for sure", () => {
    const breaches: Array<string> = []
    words.forEach((a, x) => {
      words.forEach((b, y) => {
        if (jaroWinkler(a, b) > jaroWinklerCeiling(units, x, units, y)) breaches.push(`${a}|${b}`)
      })
    })
    expect(breaches).toEqual([])
    // And it is tight enough to be worth asking: unrelated names are ruled out.
    expect(jaroWinklerCeiling(codeUnitsOf(["smith"]), 0, codeUnitsOf(["okafor"]), 0)).toBeLessThan(0.8)
  })
})
