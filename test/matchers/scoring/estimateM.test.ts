import { describe, expect, it } from "vitest"
import { expectationMaximisation, patternTable } from "../../../matchers/scoring/estimateM.ts"
import { seededRandom } from "../../../matchers/scoring/random.ts"

/** Pairs drawn from a known two-class model: 3 comparisons, each with levels 1 (agree) and 2 (disagree). */
const simulate = (pairs: number, lambda: number, m: ReadonlyArray<number>, u: ReadonlyArray<number>) => {
  const random = seededRandom(3)
  const C = m.length
  const levels = new Uint8Array(pairs * C)
  for (let p = 0; p < pairs; p++) {
    const match = random() < lambda
    for (let c = 0; c < C; c++) levels[p * C + c] = random() < (match ? (m[c] ?? 0) : (u[c] ?? 0)) ? 1 : 2
  }
  return patternTable(levels, C, pairs, new Uint32Array(pairs).fill(1), 1)
}

describe("expectationMaximisation", () => {
  const trueM = [0.9, 0.8, 0.95]
  const trueU = [0.05, 0.1, 0.01]
  const u = trueU.map((p) => Float64Array.from([p, 1 - p]))

  it("recovers m and the match rate from a poor start, with u held fixed", () => {
    const table = simulate(40_000, 0.2, trueM, trueU)
    const start = [0, 1, 2].map(() => Float64Array.from([0.5, 0.5]))
    const fit = expectationMaximisation(table, start, u, { lambda: 0.5, fitM: true })
    fit.m.forEach((row, c) => expect(row[0]).toBeCloseTo(trueM[c] ?? 0, 1))
    expect(fit.lambda).toBeCloseTo(0.2, 1)
    expect(fit.expectedMatches).toBeGreaterThan(0.18 * 40_000)
    expect(fit.expectedMatches).toBeLessThan(0.22 * 40_000)
    expect(fit.iterations).toBeLessThan(200)
  })

  it("fits only lambda when m is held fixed", () => {
    const table = simulate(20_000, 0.05, trueM, trueU)
    const m = trueM.map((p) => Float64Array.from([p, 1 - p]))
    const fit = expectationMaximisation(table, m, u, { lambda: 0.5, fitM: false })
    expect(fit.m[0]?.[0]).toBe(0.9)
    expect(fit.lambda).toBeCloseTo(0.05, 2)
  })

  it("counts each blocking rule's pairs in the pattern table", () => {
    const levels = Uint8Array.from([1, 2, 1, 2, 2, 2])
    const table = patternTable(levels, 2, 3, Uint32Array.from([0b01, 0b11, 0b10]), 2)
    expect(table.size).toBe(2)
    expect([...table.counts]).toEqual([2, 1])
    expect([...table.byRule]).toEqual([2, 1, 0, 1])
  })
})
