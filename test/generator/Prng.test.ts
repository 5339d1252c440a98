import { describe, expect, it } from "vitest"
import { cumulativeWeights, Prng } from "./Prng.ts"

const draw = (seed: number, n: number): Array<number> => {
  const rng = new Prng(seed)
  return Array.from({ length: n }, () => rng.next())
}

describe("Prng", () => {
  it("repeats its stream for a seed and changes it with the seed", () => {
    expect(draw(42, 100)).toEqual(draw(42, 100))
    expect(draw(43, 100)).not.toEqual(draw(42, 100))
  })

  it("draws integers over the whole inclusive range, evenly", () => {
    const rng = new Prng(1)
    const counts = [0, 0, 0, 0, 0, 0]
    for (let i = 0; i < 60_000; i++) {
      const x = rng.int(1, 6)
      counts[x - 1] = (counts[x - 1] ?? 0) + 1
    }
    for (const c of counts) {
      expect(c).toBeGreaterThan(9_500)
      expect(c).toBeLessThan(10_500)
    }
  })

  it("picks by weight", () => {
    const rng = new Prng(2)
    const cumulative = cumulativeWeights([1, 3])
    let heavy = 0
    for (let i = 0; i < 40_000; i++) heavy += rng.weightedIndex(cumulative)
    expect(heavy / 40_000).toBeGreaterThan(0.73)
    expect(heavy / 40_000).toBeLessThan(0.77)
  })

  it("shuffles into a permutation of the same items", () => {
    const items = Array.from({ length: 50 }, (_, i) => i)
    const shuffled = new Prng(3).shuffle([...items])
    expect(shuffled).not.toEqual(items)
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items)
  })
})
