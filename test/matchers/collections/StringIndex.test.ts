import { describe, expect, it } from "vitest"
import { StringIndex } from "../../../matchers/collections/StringIndex.ts"
import { seededRandom } from "../../../matchers/scoring/random.ts"

describe("StringIndex", () => {
  it("numbers strings in the order first seen, as a Map interning them would, across many growths", () => {
    const random = seededRandom(3)
    const index = new StringIndex()
    const reference = new Map<string, number>()
    const ids: Array<number> = []
    const expected: Array<number | undefined> = []
    for (let k = 0; k < 50_000; k++) {
      // Short strings over a small alphabet: many repeats, and thousands of distinct ones to grow the table.
      let text = ""
      const length = Math.floor(random() * 8)
      for (let c = 0; c < length; c++) text += "ab@é1"[Math.floor(random() * 5)]
      if (!reference.has(text)) reference.set(text, reference.size)
      ids.push(index.idOf(text))
      expected.push(reference.get(text))
    }
    expect(ids).toEqual(expected)
    expect(reference.size).toBeGreaterThan(10_000)
    expect(index.size).toBe(reference.size)
    expect(index.values).toEqual([...reference.keys()])
  })

  it("tells apart strings of equal length and equal characters in another order", () => {
    const index = new StringIndex()
    expect([index.idOf("ab"), index.idOf("ba"), index.idOf("ab"), index.idOf("")]).toEqual([0, 1, 0, 2])
  })
})
