import { Schema } from "effect"

/**
 * A record the run knows is there but could not read: its input row was rejected, yet its id (and, for history,
 * its customer's id) could still be made out. A case that touches it rests on a partial picture, so it goes to
 * review instead of being planned as if the record did not exist.
 */
export const UnreadableRecord = Schema.Struct({
  system: Schema.Literal("pom", "qbo"),
  kind: Schema.Literal("customer", "appointment", "service", "invoice"),
  id: Schema.String,
  /** The customer an appointment, service (POM) or invoice (QBO) belongs to, in the record's own system. */
  customerId: Schema.NullOr(Schema.String),
  /** For a POM customer: the QBO customer its quickbooksId names, when that cell could be read. */
  quickbooksId: Schema.NullOr(Schema.String),
  file: Schema.String,
  /** As in rejected.csv: the 1-based line of a CSV row, the 1-based position of a JSON entity. */
  line: Schema.Number,
  reason: Schema.String
})
export type UnreadableRecord = typeof UnreadableRecord.Type

/** The customers a record's absence hides something of, as `system:id` keys. */
export const touchedCustomers = (r: UnreadableRecord): ReadonlyArray<string> => {
  const own = r.kind === "customer" ? [`${r.system}:${r.id}`] : r.customerId === null ? [] : [`${r.system}:${r.customerId}`]
  return r.quickbooksId === null ? own : [...own, `qbo:${r.quickbooksId}`]
}
