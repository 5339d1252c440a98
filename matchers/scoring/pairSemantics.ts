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

export interface PairSemantics {
  /** True when the comparison levels place two addresses at different properties (a house number, street or unit differs). */
  readonly differentProperty: (levelRow: (c: number) => number) => boolean
  /**
   * The correction, in bits, that turns the address fields' summed weight into that of a mixture: with
   * probability BILLING_ELSEWHERE the payer's address is unrelated to the property. 0 when the address agrees on
   * balance; at worst it caps the address penalty at log2(BILLING_ELSEWHERE).
   */
  readonly billingAllowance: (addressWeight: number) => number
  readonly isAddress: (c: number) => boolean
}

export const pairSemantics = (comparisons: ReadonlyArray<Comparison>): PairSemantics => {
  const property = comparisons.flatMap((c, i) => (propertyFields.has(c.field) ? [{ index: i, differs: c.levels.length }] : []))
  const address = comparisons.map((c) => addressFields.has(c.field))
  return {
    differentProperty: (levelOf) => property.some((p) => levelOf(p.index) === p.differs),
    billingAllowance: (addressWeight) =>
      addressWeight >= 0 ? 0 : Math.log2((1 - BILLING_ELSEWHERE) * 2 ** addressWeight + BILLING_ELSEWHERE) - addressWeight,
    isAddress: (c) => address[c] === true
  }
}
