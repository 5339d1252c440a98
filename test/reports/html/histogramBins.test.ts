import { describe, expect, it } from "vitest"
import { histogramBins } from "../../../reports/html/histogramBins.ts"

describe("histogramBins", () => {
  it("makes twenty equal bins over 0..1 and counts each score in the bin it falls in", () => {
    const bins = histogramBins([0.01, 0.02, 0.5, 0.51, 0.97])
    expect(bins).toHaveLength(20)
    expect(bins[0]).toEqual({ from: 0, to: 0.05, count: 2 })
    expect(bins[10]?.count).toBe(2)
    expect(bins[19]?.count).toBe(1)
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5)
  })

  it("puts a score on a bin edge in the upper bin, and 1 in the last bin", () => {
    const bins = histogramBins([0.05, 0.95, 1])
    expect(bins[1]?.count).toBe(1)
    expect(bins[0]?.count).toBe(0)
    expect(bins[19]?.count).toBe(2)
  })

  it("clamps scores outside 0..1 and ignores ones that are not numbers", () => {
    const bins = histogramBins([-0.2, 1.4, Number.NaN])
    expect(bins[0]?.count).toBe(1)
    expect(bins[19]?.count).toBe(1)
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(2)
  })

  it("takes another number of bins", () => {
    const bins = histogramBins([0.1, 0.3, 0.6, 0.9], 4)
    expect(bins.map((b) => b.count)).toEqual([1, 1, 1, 1])
    expect(bins.map((b) => b.from)).toEqual([0, 0.25, 0.5, 0.75])
  })
})
