import { Schema } from "effect"
import { PomAppointmentId, PomCustomerId, PomServiceId, QboCustomerId } from "./Ids.ts"

export const PomStatus = Schema.Literal("ACTIVE", "INACTIVE", "LEAD")
export type PomStatus = typeof PomStatus.Type

export const PostalAddress = Schema.Struct({
  street: Schema.String,
  city: Schema.String,
  state: Schema.String,
  zip: Schema.String
})
export type PostalAddress = typeof PostalAddress.Type

/** A POM customer is one serviced account: one property or household. Its link to QBO is `quickbooksId`. */
export const PomCustomer = Schema.Struct({
  id: PomCustomerId,
  firstName: Schema.String,
  lastName: Schema.String,
  companyName: Schema.String,
  /** Every email on the account, primary first, blanks removed. */
  emails: Schema.Array(Schema.String),
  /** Every phone on the account (phone, mobilePhone, phone2..4), blanks removed, as typed. */
  phones: Schema.Array(Schema.String),
  serviceAddress: PostalAddress,
  billingAddress: Schema.NullOr(PostalAddress),
  status: PomStatus,
  quickbooksId: Schema.NullOr(QboCustomerId),
  createdAt: Schema.NullOr(Schema.String),
  updatedAt: Schema.NullOr(Schema.String)
})
export type PomCustomer = typeof PomCustomer.Type

/** A scheduled visit. Part of the POM history a merge moves to the keeper. */
export const PomAppointment = Schema.Struct({
  id: PomAppointmentId,
  customerId: PomCustomerId,
  scheduledAt: Schema.NullOr(Schema.String),
  status: Schema.String
})
export type PomAppointment = typeof PomAppointment.Type

/** The work record of a visit (what gets billed). Part of the POM history a merge moves. */
export const PomService = Schema.Struct({
  id: PomServiceId,
  customerId: PomCustomerId,
  appointmentId: Schema.NullOr(PomAppointmentId),
  completedAt: Schema.NullOr(Schema.String)
})
export type PomService = typeof PomService.Type

export const isActivePom = (c: PomCustomer): boolean => c.status !== "INACTIVE"
