import { Schema } from "effect"

export const RecordSystem = Schema.Literal("pom", "qbo")
export type RecordSystem = typeof RecordSystem.Type

/** A customer record on either side, by id. */
export const RecordRef = Schema.Struct({ system: RecordSystem, id: Schema.String })
export type RecordRef = typeof RecordRef.Type

export const refKey = (r: RecordRef): string => `${r.system}:${r.id}`

/** One field's part in a match score: which comparison level it hit and the weight (log2 Bayes factor) it added. */
export const FieldContribution = Schema.Struct({
  field: Schema.String,
  level: Schema.String,
  weight: Schema.Number
})
export type FieldContribution = typeof FieldContribution.Type

/** Why two records are believed to be the same customer, explainable field by field. */
export const MatchEvidence = Schema.Struct({
  left: RecordRef,
  right: RecordRef,
  /** Sum of the prior and the field contributions, in bits. */
  weight: Schema.Number,
  /** Posterior match probability, 0..1. */
  probability: Schema.Number,
  contributions: Schema.Array(FieldContribution)
})
export type MatchEvidence = typeof MatchEvidence.Type

/**
 * A match as plain data, its contributions read: what a case keeps. A matcher may hand out matches that work
 * their contributions out on first read (most matches are never shown) and hold on to what that takes; a case
 * kept past matching must not hold that too, and a spread would not see a getter as a field.
 */
export const plainEvidence = (m: MatchEvidence): MatchEvidence => ({
  left: m.left,
  right: m.right,
  weight: m.weight,
  probability: m.probability,
  contributions: m.contributions
})
