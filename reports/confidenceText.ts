import { weakestLink } from "../pipeline/cases/confidenceOf.ts"
import type { Case } from "../pipeline/domain/Case.ts"

/**
 * A match probability with as many digits as it takes to differ from 1: "0.987", "0.99910", "0.999990", and past
 * six nines "1 − 3.1e-7". It comes from the weight, because the probability itself rounds to 1.0 in floating point
 * from about 53 bits on, and three decimals showed 1.000 for nearly every case.
 */
export const probabilityText = (bits: number): string => {
  // 1 − p, exact where p is not.
  const miss = 1 / (1 + 2 ** bits)
  if (miss >= 0.01) return (1 - miss).toFixed(3)
  if (miss < 1e-6) return `1 \u2212 ${miss.toExponential(1)}`
  // Two significant digits of the miss (its exponent as printed, so 9.99999e-6 counts as 1.0e-5); at this
  // precision rounding cannot reach 1.
  const exponent = Number(miss.toExponential(1).split("e")[1])
  return (1 - miss).toFixed(1 - exponent)
}

/**
 * The figure review.csv, review.xlsx, report.html and `apply --dry-run` give as a case's confidence: the weight
 * in bits of the weakest match the case rests on, and its probability. Bits add up field by field (the evidence
 * shows them), so 10 bits more means 1,024 times the odds.
 */
export const confidenceText = (c: Pick<Case, "evidence">): string => {
  const weakest = weakestLink(c.evidence)
  return weakest === null ? "certain: links only" : `${weakest.weight.toFixed(1)} bits, p ${probabilityText(weakest.weight)}`
}
