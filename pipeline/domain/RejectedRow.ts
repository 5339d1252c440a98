import { Schema } from "effect"

/**
 * How much of a row was set aside: `field` keeps the record with the named optional fields empty (a date that is
 * not a date); `row` drops the record, because it has no usable id, a bad required field or a broken shape.
 */
export const RejectedSeverity = Schema.Literal("field", "row")
export type RejectedSeverity = typeof RejectedSeverity.Type

/**
 * An input row that was not used whole, and why. A bad row never stops a run and never passes silently: it is
 * written to `rejected.csv` so the admin can fix it at the source.
 */
export const RejectedRow = Schema.Struct({
  file: Schema.String,
  /** 1-based line in the file where the row starts (for JSON inputs, the 1-based position in the list). */
  line: Schema.Number,
  field: Schema.String,
  severity: RejectedSeverity,
  reason: Schema.String,
  /** The raw row as read, for the admin to find it. */
  raw: Schema.String
})
export type RejectedRow = typeof RejectedRow.Type
