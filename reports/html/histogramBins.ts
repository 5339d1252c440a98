export interface HistogramBin {
  readonly from: number
  readonly to: number
  readonly count: number
}

/**
 * Counts probabilities into equal bins over 0..1; each bin holds `from <= p < to`, except the last, which also
 * holds 1. Values outside 0..1 are clamped and non-numbers ignored, so a bad score cannot hide the others.
 */
export const histogramBins = (probabilities: ArrayLike<number>, binCount = 20): ReadonlyArray<HistogramBin> => {
  const counts = new Array<number>(binCount).fill(0)
  for (let k = 0; k < probabilities.length; k++) {
    const p = probabilities[k] ?? Number.NaN
    if (Number.isNaN(p)) continue
    const clamped = Math.min(1, Math.max(0, p))
    const i = Math.min(binCount - 1, Math.floor(clamped * binCount))
    counts[i] = (counts[i] ?? 0) + 1
  }
  return counts.map((count, i) => ({ from: i / binCount, to: (i + 1) / binCount, count }))
}
