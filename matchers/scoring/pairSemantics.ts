import type { FieldName } from "../prepare/FieldName.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { Comparison } from "./Comparison.ts"

/*
 * What a pair means depends on where its records come from. A POM account is one serviced property, so two POM
 * accounts are the same account only at the same property: one payer with several pools is several accounts, not
 * duplicates. A QBO customer is a payer, and its billing address may be an office or a landlord's, not the pool:
 * for QBO–QBO and POM–QBO pairs an address disagreement is weak evidence, unless the other address is on the same
 * street (another site, not a billing address). Not so for another house on the street of a POM account's property:
 * the property is where the crew goes every week, so its address is right, and a billing address elsewhere is an
 * office or a home up north, hardly ever the house next door, where a relative or a neighbour lives. Between two QBO
 * customers (and the rows of a labelled data set, read as payers) a house number is mistyped too often for that:
 * Febrl's duplicates differ in it all the time. Whatever the systems, two records naming different businesses are
 * two customers.
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

/**
 * The match weight (bits) of two records that both name a business and name different ones ("Palace Court" and
 * "Empress Court"), whatever else they share: one manager's phone, e-mail and office on every community it runs,
 * or one building's number, street and ZIP, are expected of different businesses, not evidence of one.
 */
export const DIFFERENT_BUSINESS_WEIGHT = -40

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
  /** Per comparison, bit l set when its level l means two different businesses (company names only). */
  readonly otherBusiness: Uint32Array
  /** Per comparison of the street, the last level that still means the same street (exact or a typo); else 0. */
  readonly sameStreetUpTo: Uint8Array
  /** Per comparison, 1 when it tells sites on one street apart (house number, unit). */
  readonly site: Uint8Array
  /** Per comparison, 1 for the company name, 2 for a contact (phone, e-mail): what an organisation shares. */
  readonly organisation: Uint8Array
  /** Per comparison of the house number, the first of its levels that means another house (any short of exact). */
  readonly otherHouseFrom: Uint8Array
}

/** A Jaro-Winkler this close is a typo of one street name; below it, two names alike by chance ("Oak" and "Oaks"). */
const SAME_STREET_SIMILARITY = 0.9

const otherBusinessLevels = (c: Comparison): number =>
  c.field !== "companyName"
    ? 0
    : c.levels.reduce((mask, l, k) => (l.test._tag === "OwnWordsDiffer" || l.test._tag === "Else" ? mask | (1 << (k + 1)) : mask), 0)

const sameStreetUpTo = (c: Comparison): number => {
  if (c.field !== "street") return 0
  let last = 0
  c.levels.forEach((l, k) => {
    if (l.test._tag === "Exact" || (l.test._tag === "JaroWinkler" && l.test.atLeast >= SAME_STREET_SIMILARITY)) last = k + 1
  })
  return last
}

export const pairSemantics = (comparisons: ReadonlyArray<Comparison>): PairSemantics => ({
  isAddress: Uint8Array.from(comparisons, (c) => (addressFields.has(c.field) ? 1 : 0)),
  otherPropertyFrom: Uint8Array.from(comparisons, (c) =>
    c.field === "houseNumber" && c.levels[0]?.test._tag === "Exact" ? 2 : propertyFields.has(c.field) ? c.levels.length : 0
  ),
  place: Uint8Array.from(comparisons, (c) => (placeFields.has(c.field) ? 1 : 0)),
  otherBusiness: Uint32Array.from(comparisons, otherBusinessLevels),
  sameStreetUpTo: Uint8Array.from(comparisons, sameStreetUpTo),
  site: Uint8Array.from(comparisons, (c) => (c.field === "houseNumber" || c.field === "unit" ? 1 : 0)),
  organisation: Uint8Array.from(comparisons, (c) => (c.field === "companyName" ? 1 : c.field === "phone" || c.field === "email" ? 2 : 0)),
  otherHouseFrom: Uint8Array.from(comparisons, (c) => (c.field === "houseNumber" && c.levels[0]?.test._tag === "Exact" ? 2 : 0))
})

/**
 * A contact held by more records than one customer has (a main line, an office mailbox) is an organisation's, and
 * so is a company name: agreeing on several of them says one thing, that the records are of one organisation, not
 * which of its sites or people. Summed as if independent they would join every site of it. So, in place in
 * `weights`, when a contact agrees on such a common value (`commonAgreement(c)`), keeps the weightiest agreement
 * among the company name and the contacts and zeroes the others; returns the comparison kept, or -1 when the rule
 * does not apply.
 */
export const keepOneOrganisationAgreement = (
  semantics: PairSemantics,
  weights: Float64Array,
  commonAgreement: (c: number) => boolean
): number => {
  const { organisation } = semantics
  let common = false
  for (let c = 0; c < organisation.length && !common; c++) common = organisation[c] === 2 && commonAgreement(c)
  if (!common) return -1
  let kept = -1
  let most = 0
  for (let c = 0; c < organisation.length; c++) {
    const w = weights[c] ?? 0
    if (organisation[c] !== 0 && w > most) {
      kept = c
      most = w
    }
  }
  for (let c = 0; c < organisation.length; c++) if (organisation[c] !== 0 && c !== kept && (weights[c] ?? 0) > 0) weights[c] = 0
  return kept
}

/** True when a pair's levels (comparison c's at `levels[row + c]`) say its records name two different businesses. */
export const differentBusiness = (semantics: PairSemantics, levels: Uint8Array, row: number): boolean => {
  const { otherBusiness } = semantics
  for (let c = 0; c < otherBusiness.length; c++) {
    const mask = otherBusiness[c] ?? 0
    if (mask !== 0 && ((mask >>> (levels[row + c] ?? 0)) & 1) === 1) return true
  }
  return false
}

/**
 * True when two addresses are on one street in one place (the street agrees, and the town or ZIP) but at another
 * number or unit: another site of an organisation, or the house next door, rather than a billing address
 * somewhere else. An office or a home up north is on another street, usually in another town.
 */
export const anotherSiteOnTheStreet = (semantics: PairSemantics, levels: Uint8Array, row: number): boolean => {
  const { sameStreetUpTo, place, site } = semantics
  let street = false
  let samePlace = false
  let otherSite = false
  for (let c = 0; c < place.length; c++) {
    const l = levels[row + c] ?? 0
    if (l === 0) continue
    const upTo = sameStreetUpTo[c] ?? 0
    if (upTo !== 0) street = l <= upTo
    if (place[c] === 1 && l === 1) samePlace = true
    if (site[c] === 1 && l > 1) otherSite = true
  }
  return street && samePlace && otherSite
}

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
  const { sameStreetUpTo, otherHouseFrom } = semantics
  let sameStreet = false
  let otherHouse = false
  for (let c = 0; c < sameStreetUpTo.length; c++) {
    const l = levels[row + c] ?? 0
    const street = sameStreetUpTo[c] ?? 0
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
