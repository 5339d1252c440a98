import { Schema } from "effect"
import { QboCustomerId, QboInvoiceId } from "./Ids.ts"
import { PostalAddress } from "./PomRecords.ts"

/**
 * A QBO customer is a payer. This is the pipeline's own view of it, decoded from QBO's field names by
 * `sources/qbo`; `displayName` has QBO's " (deleted)" suffix for inactive customers already removed.
 */
export const QboCustomer = Schema.Struct({
  id: QboCustomerId,
  syncToken: Schema.String,
  displayName: Schema.String,
  givenName: Schema.String,
  familyName: Schema.String,
  companyName: Schema.String,
  emails: Schema.Array(Schema.String),
  phones: Schema.Array(Schema.String),
  billAddress: Schema.NullOr(PostalAddress),
  shipAddress: Schema.NullOr(PostalAddress),
  active: Schema.Boolean,
  balance: Schema.Number,
  /** True for a sub-customer or job; a merge involving one is left to a person. */
  isJob: Schema.Boolean,
  parentId: Schema.NullOr(QboCustomerId),
  createdAt: Schema.NullOr(Schema.String)
})
export type QboCustomer = typeof QboCustomer.Type

export const LinkedTxn = Schema.Struct({ txnId: Schema.String, txnType: Schema.String })
export type LinkedTxn = typeof LinkedTxn.Type

/** An invoice is the payer's QBO history; moving one changes the customer's books. */
export const QboInvoice = Schema.Struct({
  id: QboInvoiceId,
  syncToken: Schema.String,
  docNumber: Schema.String,
  txnDate: Schema.NullOr(Schema.String),
  customerId: QboCustomerId,
  totalAmt: Schema.Number,
  balance: Schema.Number,
  linkedTxns: Schema.Array(LinkedTxn)
})
export type QboInvoice = typeof QboInvoice.Type
