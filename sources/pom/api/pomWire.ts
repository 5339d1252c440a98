import { Schema } from "effect"
import { PomAppointmentId, PomCustomerId, PomServiceId, QboCustomerId } from "../../../pipeline/domain/Ids.ts"
import { PomStatus } from "../../../pipeline/domain/PomRecords.ts"

/*
 * The shapes of POM's answers to the documents in documents.ts, field for field. POM sends null for a blank
 * field; pomRecords.ts turns these into the domain records.
 */

const Text = Schema.NullOr(Schema.String)

/** A blank link ("" or spaces) reads as no link; toPomCustomer turns it into null. */
const QuickbooksId = Schema.NullOr(Schema.compose(Schema.Trim, QboCustomerId))

export const WireCustomer = Schema.Struct({
  id: PomCustomerId,
  firstName: Text,
  lastName: Text,
  companyName: Text,
  email: Text,
  email2: Text,
  email3: Text,
  email4: Text,
  phone: Text,
  mobilePhone: Text,
  phone2: Text,
  phone3: Text,
  phone4: Text,
  street: Text,
  city: Text,
  state: Text,
  zipCode: Text,
  billingStreet: Text,
  billingCity: Text,
  billingState: Text,
  billingZipCode: Text,
  status: PomStatus,
  quickbooksId: QuickbooksId,
  createdAt: Text,
  updatedAt: Text
})
export type WireCustomer = typeof WireCustomer.Type

/** A customer node of the pull, with its history nested (the parent's id is implied). */
export const WireCustomerNode = Schema.Struct({
  ...WireCustomer.fields,
  appointments: Schema.Array(Schema.Struct({ id: PomAppointmentId, scheduledAt: Text, status: Text })),
  services: Schema.Array(Schema.Struct({ id: PomServiceId, appointmentId: Schema.NullOr(PomAppointmentId), completedAt: Text }))
})
export type WireCustomerNode = typeof WireCustomerNode.Type

export const WireAppointment = Schema.Struct({
  id: PomAppointmentId,
  customer: Schema.Struct({ id: PomCustomerId }),
  scheduledAt: Text,
  status: Text,
  updatedAt: Text
})
export type WireAppointment = typeof WireAppointment.Type

export const WireService = Schema.Struct({
  id: PomServiceId,
  customer: Schema.Struct({ id: PomCustomerId }),
  appointment: Schema.NullOr(Schema.Struct({ id: PomAppointmentId })),
  completedAt: Text,
  updatedAt: Text
})
export type WireService = typeof WireService.Type

/** Nodes stay undecoded here so one bad customer is rejected on its own instead of failing the page. */
export const WireCustomersPage = Schema.Struct({
  infiniteCustomers: Schema.Struct({
    edges: Schema.Array(Schema.Struct({ cursor: Schema.String, node: Schema.Unknown })),
    pageInfo: Schema.Struct({ hasNextPage: Schema.Boolean, endCursor: Schema.NullOr(Schema.String) })
  })
})

export const WireReadCustomer = Schema.Struct({ customer: Schema.NullOr(WireCustomer) })
export const WireReadAppointment = Schema.Struct({ appointment: Schema.NullOr(WireAppointment) })
export const WireReadService = Schema.Struct({ service: Schema.NullOr(WireService) })
export const WireUpdateCustomer = Schema.Struct({ updateCustomer: WireCustomer })
export const WireUpdateAppointment = Schema.Struct({ updateAppointment: WireAppointment })
export const WireUpdateService = Schema.Struct({ updateService: WireService })
