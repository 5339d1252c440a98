import { distance } from "fastest-levenshtein"
import { describe, expect, it } from "vitest"
import { seededRandom } from "../../../matchers/scoring/random.ts"
import { withinEdits } from "../../../matchers/similarity/withinEdits.ts"

describe("withinEdits", () => {
  it("answers whether the Levenshtein distance is at most k", () => {
    expect(withinEdits("813-555-0199", "813-555-0198", 1)).toBe(true)
    expect(withinEdits("33609", "3609", 1)).toBe(true)
    expect(withinEdits("jdoe@yahoo.com", "jdeo@yahoo.com", 1)).toBe(false)
    expect(withinEdits("jdoe@yahoo.com", "jdeo@yahoo.com", 2)).toBe(true)
    expect(withinEdits("abc", "abc", 0)).toBe(true)
    expect(withinEdits("", "ab", 1)).toBe(false)
  })

  it("agrees with fastest-levenshtein on random strings, edited copies and long strings", () => {
    const random = seededRandom(17)
    const pick = (alphabet: string): string => alphabet[Math.floor(random() * alphabet.length)] ?? ""
    const edit = (s: string, alphabet: string): string => {
      const at = Math.floor(random() * (s.length + 1))
      const op = random()
      return op < 1 / 3 ? s.slice(0, at) + pick(alphabet) + s.slice(at) : op < 2 / 3 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + pick(alphabet) + s.slice(at + 1)
    }
    const disagreements: Array<string> = []
    for (let t = 0; t < 20_000; t++) {
      const alphabet = random() < 0.5 ? "ab" : "abcdé@.1"
      const length = t % 100 === 0 ? 40 + Math.floor(random() * 60) : Math.floor(random() * 12)
      let a = ""
      for (let c = 0; c < length; c++) a += pick(alphabet)
      let b = a
      if (random() < 0.5) for (let e = Math.floor(random() * 4); e > 0; e--) b = edit(b, alphabet)
      else {
        b = ""
        for (let c = Math.max(0, length + Math.floor(random() * 7) - 3); c > 0; c--) b += pick(alphabet)
      }
      for (const k of [0, 1, 2, 3]) if (withinEdits(a, b, k) !== distance(a, b) <= k) disagreements.push(`${a}|${b}|${k}`)
    }
    expect(disagreements).toEqual([])
  })
})
