import type { FieldName } from "../prepare/FieldName.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { Comparison } from "./Comparison.ts"

/*
 * What a pair means depends on where its records come from. A POM account is one serviced property, so two POM
 * accounts are the same account only at the same property: one payer with several pools is several accounts, not
 * duplicates. A QBO customer is a payer, and its billing address may be an office or a landlord's, not the pool:
 * for QBO–QBO and POM–QBO pairs an address disagreement is weak evidence.
 */

export type PairKind = "account" | "payer"

export const pairKind = (records: PreparedRecords, i: number, j: number): PairKind =>
  records.system[i] === 0 && records.system[j] === 0 ? "account" : "payer"

/**
 * The match weight (bits) of two POM accounts at different properties, whatever else they share: the same
 * owner's phone and email on both is expected, not evidence. Odds of about one in a trillion.
 */
export const DIFFERENT_PROPERTY_WEIGHT = -40

/** Share of payers whose QBO billing address is somewhere other than the property (an office, a landlord). */
export const BILLING_ELSEWHERE = 0.2

const addressFields: ReadonlySet<FieldName> = new Set(["houseNumber", "street", "unit", "city", "state", "zip"])
const propertyFields: ReadonlySet<FieldName> = new Set(["houseNumber", "street", "unit"])
const placeFields: ReadonlySet<FieldName> = new Set(["city", "state", "zip"])

/** Which comparisons speak of the address and of the property, as flat arrays the scoring loop reads per pair. */
export interface PairSemantics {
  /** Per comparison, 1 when it compares a part of the address. */
  readonly isAddress: Uint8Array
  /**
   * Per comparison of a property part (house number, street, unit), the first of its levels that means another
   * property; 0 for the others. Two addresses are at different properties when any of these comparisons sits at
   * or past that level: for the street and the unit their last level ("differs"); for the house number any level
   * short of exact, since a number one digit off is the house next door as often as a typo.
   */
  readonly otherPropertyFrom: Uint8Array
  /** Per comparison, 1 when it compares a part naming the town or region (city, state, ZIP). */
  readonly place: Uint8Array
}

export const pairSemantics = (comparisons: ReadonlyArray<Comparison>): PairSemantics => ({
  isAddress: Uint8Array.from(comparisons, (c) => (addressFields.has(c.field) ? 1 : 0)),
  otherPropertyFrom: Uint8Array.from(comparisons, (c) =>
    c.field === "houseNumber" && c.levels[0]?.test._tag === "Exact" ? 2 : propertyFields.has(c.field) ? c.levels.length : 0
  ),
  place: Uint8Array.from(comparisons, (c) => (placeFields.has(c.field) ? 1 : 0))
})

/**
 * A town, a state and a ZIP that agree name one place and say little more than the ZIP alone: summed as if
 * independent they would count one agreement three times and, with a shared street name, match neighbours on
 * their address alone. So, in place in `weights`, keeps the weightiest agreement among them and zeroes the other
 * agreements (disagreements are left as they are); returns the comparison kept, or -1 when none agrees.
 */
export const keepOnePlaceAgreement = (semantics: PairSemantics, weights: Float64Array): number => {
  const { place } = semantics
  let kept = -1
  let most = 0
  for (let c = 0; c < place.length; c++) {
    const w = weights[c] ?? 0
    if (place[c] === 1 && w > most) {
      kept = c
      most = w
    }
  }
  for (let c = 0; c < place.length; c++) if (place[c] === 1 && c !== kept && (weights[c] ?? 0) > 0) weights[c] = 0
  return kept
}

/** True when a pair's levels (comparison c's at `levels[row + c]`) place two addresses at different properties. */
export const differentProperty = (semantics: PairSemantics, levels: Uint8Array, row: number): boolean => {
  const { otherPropertyFrom } = semantics
  for (let c = 0; c < otherPropertyFrom.length; c++) {
    const from = otherPropertyFrom[c] ?? 0
    if (from !== 0 && (levels[row + c] ?? 0) >= from) return true
  }
  return false
}

/**
 * The correction, in bits, that turns the address fields' summed weight into that of a mixture: with probability
 * BILLING_ELSEWHERE the payer's address is unrelated to the property. 0 when the address agrees on balance; at
 * worst it caps the address penalty at log2(BILLING_ELSEWHERE).
 */
export const billingAllowance = (addressWeight: number): number =>
  addressWeight >= 0 ? 0 : Math.log2((1 - BILLING_ELSEWHERE) * 2 ** addressWeight + BILLING_ELSEWHERE) - addressWeight
