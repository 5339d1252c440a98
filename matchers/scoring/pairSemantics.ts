import type { FieldName } from "../prepare/FieldName.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { Comparison } from "./Comparison.ts"

/*
 * What a pair means depends on where its records come from. A POM account is one serviced property, so two POM
 * accounts are the same account only at the same property: one payer with several pools is several accounts, not
 * duplicates. A QBO customer is a payer, and its billing address may be an office or a landlord's, not the pool:
 * for QBO–QBO and POM–QBO pairs an address disagreement is weak evidence. Not so for another house on the street
 * of a POM account's property: the property is where the crew goes every week, so its address is right, and a
 * billing address elsewhere is an office or a home up north, hardly ever the house next door, where a relative or
 * a neighbour lives. Between two QBO customers (and the rows of a labelled data set, read as payers) a house number
 * is mistyped too often for that: Febrl's duplicates differ in it all the time.
 */

/** POM–POM: one serviced property each; POM–QBO: a property and a payer; QBO–QBO: two payers. */
export type PairKind = "account" | "account-payer" | "payer"

export const pairKind = (records: PreparedRecords, i: number, j: number): PairKind => {
  const pom = (records.system[i] === 0 ? 1 : 0) + (records.system[j] === 0 ? 1 : 0)
  return pom === 2 ? "account" : pom === 1 ? "account-payer" : "payer"
}

/**
 * The match weight (bits) of two POM accounts at different properties, whatever else they share: the same
 * owner's phone and email on both is expected, not evidence. Odds of about one in a trillion.
 */
export const DIFFERENT_PROPERTY_WEIGHT = -40

/**
 * What another house number on the street of a POM account's property adds to its pair with a QBO customer, in
 * bits: strong evidence of two households, yet short of `DIFFERENT_PROPERTY_WEIGHT`, since QBO's copy of a house
 * number is sometimes mistyped, and a name, phone and email that agree should still carry such a pair.
 */
export const NEXT_DOOR_WEIGHT = -12

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
  /**
   * Per comparison of the street name, the last of its levels that still means the same street (exact, or spelled
   * within the close Jaro-Winkler level); 0 for the others.
   */
  readonly sameStreetThrough: Uint8Array
  /** Per comparison of the house number, the first of its levels that means another house (any short of exact). */
  readonly otherHouseFrom: Uint8Array
}

/** A Jaro-Winkler level at least this close still names the same thing (a typo), one below it may not. */
const SAME_SPELLING_SIMILARITY = 0.9

/** The number of leading levels of a comparison of `field` that mean agreement: no fuzzier than a close spelling. */
const agreeingLevels = (c: Comparison, field: FieldName): number => {
  if (c.field !== field) return 0
  let through = 0
  c.levels.forEach((l, k) => {
    const agrees = l.test._tag === "JaroWinkler" ? l.test.atLeast >= SAME_SPELLING_SIMILARITY : l.test._tag !== "Else"
    if (agrees && through === k) through = k + 1
  })
  return through
}

export const pairSemantics = (comparisons: ReadonlyArray<Comparison>): PairSemantics => ({
  isAddress: Uint8Array.from(comparisons, (c) => (addressFields.has(c.field) ? 1 : 0)),
  otherPropertyFrom: Uint8Array.from(comparisons, (c) =>
    c.field === "houseNumber" && c.levels[0]?.test._tag === "Exact" ? 2 : propertyFields.has(c.field) ? c.levels.length : 0
  ),
  place: Uint8Array.from(comparisons, (c) => (placeFields.has(c.field) ? 1 : 0)),
  sameStreetThrough: Uint8Array.from(comparisons, (c) => agreeingLevels(c, "street")),
  otherHouseFrom: Uint8Array.from(comparisons, (c) => (c.field === "houseNumber" && c.levels[0]?.test._tag === "Exact" ? 2 : 0))
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
 * True when a pair's levels place two addresses on one street at different house numbers: the house next door (or
 * a few doors down), not a billing address elsewhere. Both records must hold a house number and a street.
 */
export const nextDoor = (semantics: PairSemantics, levels: Uint8Array, row: number): boolean => {
  const { sameStreetThrough, otherHouseFrom } = semantics
  let sameStreet = false
  let otherHouse = false
  for (let c = 0; c < sameStreetThrough.length; c++) {
    const l = levels[row + c] ?? 0
    const street = sameStreetThrough[c] ?? 0
    const house = otherHouseFrom[c] ?? 0
    if (street !== 0 && l !== 0 && l <= street) sameStreet = true
    if (house !== 0 && l >= house) otherHouse = true
  }
  return sameStreet && otherHouse
}

/**
 * The correction, in bits, that turns the address fields' summed weight into that of a mixture: with probability
 * BILLING_ELSEWHERE the payer's address is unrelated to the property. 0 when the address agrees on balance; at
 * worst it caps the address penalty at log2(BILLING_ELSEWHERE).
 */
export const billingAllowance = (addressWeight: number): number =>
  addressWeight >= 0 ? 0 : Math.log2((1 - BILLING_ELSEWHERE) * 2 ** addressWeight + BILLING_ELSEWHERE) - addressWeight
