/**
 * A probability or threshold as given, with as many decimals as it needs (at least two, at most four):
 * 0.9 → "0.90", 0.999 → "0.999". Rounding to two places would show 0.999 as "1.00", a threshold nothing reaches.
 */
export const thresholdText = (p: number): string => {
  for (let digits = 2; digits < 4; digits++) {
    const shown = p.toFixed(digits)
    if (Number(shown) === p) return shown
  }
  return p.toFixed(4)
}
