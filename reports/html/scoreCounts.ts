import { type HistogramBin, histogramBins } from "./histogramBins.ts"

/** What the report's score histogram shows of the scored pairs: their bins, and how many fall on each side of the thresholds. */
export interface ScoreCounts {
  /** Pairs with a score (not NaN). */
  readonly scored: number
  /** Below the match threshold. */
  readonly below: number
  /** At or above both thresholds. */
  readonly proposed: number
  readonly bins: ReadonlyArray<HistogramBin>
  readonly matchThreshold: number
  readonly reviewThreshold: number
}

/**
 * Counts the scores once, as soon as they are known: a million customers a side score about eleven million
 * candidate pairs, 88 MB of probabilities that would otherwise stay in memory through planning and writing
 * for the sake of twenty bars and three counts.
 */
export const countScores = (probabilities: ArrayLike<number>, matchThreshold: number, reviewThreshold: number): ScoreCounts => {
  let scored = 0
  let below = 0
  let proposed = 0
  for (let k = 0; k < probabilities.length; k++) {
    const p = probabilities[k] ?? Number.NaN
    if (Number.isNaN(p)) continue
    scored++
    if (p < matchThreshold) below++
    else if (p >= Math.max(matchThreshold, reviewThreshold)) proposed++
  }
  return { scored, below, proposed, bins: histogramBins(probabilities), matchThreshold, reviewThreshold }
}
