import { describe, expect, it } from "vitest"
import { NumberIndex } from "../../../matchers/collections/NumberIndex.ts"
import { seededRandom } from "../../../matchers/scoring/random.ts"

describe("NumberIndex", () => {
  it("numbers keys in the order first seen, as a Map would, for keys well past 2^32", () => {
    const random = seededRandom(9)
    const index = new NumberIndex(4)
    const reference = new Map<number, number>()
    const ids: Array<number> = []
    const expected: Array<number | undefined> = []
    for (let k = 0; k < 100_000; k++) {
      // Keys shaped like the blocking keys: a token id times a radix plus another, up to about 2^45.
      const key = Math.floor(random() * 300) * 10_000_000_000 + Math.floor(random() * 300)
      if (!reference.has(key)) reference.set(key, reference.size)
      ids.push(index.idOf(key))
      expected.push(reference.get(key))
    }
    expect(ids).toEqual(expected)
    expect(reference.size).toBeGreaterThan(50_000)
    expect(index.size).toBe(reference.size)
  })

  it("keeps keys that differ only above 2^32 apart", () => {
    const index = new NumberIndex()
    expect([index.idOf(5), index.idOf(5 + 2 ** 32), index.idOf(5 + 2 ** 40), index.idOf(5)]).toEqual([0, 1, 2, 0])
  })

  it("numbers keys from 0 again once cleared, as a new index would, at the size it grew to", () => {
    const index = new NumberIndex(4)
    for (let k = 0; k < 1000; k++) index.idOf(k * 7)
    index.clear()
    expect(index.size).toBe(0)
    expect([index.idOf(7), index.idOf(3), index.idOf(7), index.idOf(6993)]).toEqual([0, 1, 0, 2])
  })
})
