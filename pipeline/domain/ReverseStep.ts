import { Match, Schema } from "effect"
import { PomAppointmentId, PomCustomerId, PomServiceId, QboCustomerId, QboInvoiceId } from "./Ids.ts"
import { PomStatus } from "./PomRecords.ts"
import type { StepSystem } from "./PlanStep.ts"

/*
 * The closed set of actions a revert can take: each undoes one step apply did, and is built from the journal,
 * never from a plan. `expect` is the state apply left (the revert refuses a record that moved on since: "was X
 * after apply, now Y"); the target is the state the record had before apply. `stepIndex` names the apply step.
 */

/** QBO: make a customer apply retired active again (sparse update Active=true). */
export class ReactivateQboCustomer extends Schema.TaggedClass<ReactivateQboCustomer>()("reactivate-qbo-customer", {
  stepIndex: Schema.Number,
  qboCustomerId: QboCustomerId,
  expect: Schema.Struct({ syncToken: Schema.String, active: Schema.Literal(false) })
}) {}

/** POM: give an account apply set inactive its old status back. */
export class RestorePomStatus extends Schema.TaggedClass<RestorePomStatus>()("restore-pom-status", {
  stepIndex: Schema.Number,
  pomCustomerId: PomCustomerId,
  to: PomStatus,
  expect: Schema.Struct({ status: PomStatus })
}) {}

/** POM: point an account back at the QBO customer it pointed at before apply (`to: null`: no link). */
export class RestoreQuickbooksId extends Schema.TaggedClass<RestoreQuickbooksId>()("restore-quickbooks-id", {
  stepIndex: Schema.Number,
  pomCustomerId: PomCustomerId,
  to: Schema.NullOr(QboCustomerId),
  expect: Schema.Struct({ quickbooksId: Schema.NullOr(QboCustomerId) })
}) {}

/** POM: return an appointment to the account it was on before apply. */
export class MoveAppointmentBack extends Schema.TaggedClass<MoveAppointmentBack>()("move-appointment-back", {
  stepIndex: Schema.Number,
  appointmentId: PomAppointmentId,
  to: PomCustomerId,
  expect: Schema.Struct({ customerId: PomCustomerId })
}) {}

/** POM: return a service record to the account it was on before apply. */
export class MoveServiceBack extends Schema.TaggedClass<MoveServiceBack>()("move-service-back", {
  stepIndex: Schema.Number,
  serviceId: PomServiceId,
  to: PomCustomerId,
  expect: Schema.Struct({ customerId: PomCustomerId })
}) {}

/** QBO: return an invoice to the customer it was on before apply. */
export class MoveInvoiceBack extends Schema.TaggedClass<MoveInvoiceBack>()("move-invoice-back", {
  stepIndex: Schema.Number,
  invoiceId: QboInvoiceId,
  to: QboCustomerId,
  expect: Schema.Struct({ syncToken: Schema.String, customerId: QboCustomerId })
}) {}

export const ReverseStep = Schema.Union(
  ReactivateQboCustomer,
  RestorePomStatus,
  RestoreQuickbooksId,
  MoveAppointmentBack,
  MoveServiceBack,
  MoveInvoiceBack
)
export type ReverseStep = typeof ReverseStep.Type

export const reverseSystem: (step: ReverseStep) => StepSystem = Match.type<ReverseStep>().pipe(
  Match.tags({
    "reactivate-qbo-customer": () => "qbo" as const,
    "move-invoice-back": () => "qbo" as const,
    "restore-pom-status": () => "pom" as const,
    "restore-quickbooks-id": () => "pom" as const,
    "move-appointment-back": () => "pom" as const,
    "move-service-back": () => "pom" as const
  }),
  Match.exhaustive
)

/**
 * Apply's phases in reverse: the retired QBO customer comes back first (QBO refuses an invoice moved onto an
 * inactive customer, 610), then POM's statuses and links, then POM history, and the invoices last.
 */
export const reversePhase: (step: ReverseStep) => number = Match.type<ReverseStep>().pipe(
  Match.tags({
    "reactivate-qbo-customer": () => 1,
    "restore-pom-status": () => 2,
    "restore-quickbooks-id": () => 3,
    "move-appointment-back": () => 4,
    "move-service-back": () => 4,
    "move-invoice-back": () => 5
  }),
  Match.exhaustive
)

/** The record a reverse step writes, as the journal names it. */
export const reverseTarget: (step: ReverseStep) => string = Match.type<ReverseStep>().pipe(
  Match.tags({
    "reactivate-qbo-customer": (s) => s.qboCustomerId,
    "restore-pom-status": (s) => s.pomCustomerId,
    "restore-quickbooks-id": (s) => s.pomCustomerId,
    "move-appointment-back": (s) => s.appointmentId,
    "move-service-back": (s) => s.serviceId,
    "move-invoice-back": (s) => s.invoiceId
  }),
  Match.exhaustive
)
