import { Match, Schema } from "effect"
import { PomAppointmentId, PomCustomerId, PomServiceId, QboCustomerId, QboInvoiceId } from "./Ids.ts"
import { PomStatus } from "./PomRecords.ts"

/*
 * The closed set of actions a plan can hold. Each carries the before-state it expects, so apply can refuse to act
 * on a record that changed since review ("was X, now Y"), and the after-state it will write. `reason` is for
 * people only: apply never reads it.
 */

/** QBO: change an invoice's CustomerRef from a wrong QBO customer to the correct one (sparse update). */
export class MoveInvoice extends Schema.TaggedClass<MoveInvoice>()("move-invoice", {
  invoiceId: QboInvoiceId,
  docNumber: Schema.String,
  amount: Schema.Number,
  from: QboCustomerId,
  to: QboCustomerId,
  before: Schema.Struct({ syncToken: Schema.String, customerId: QboCustomerId }),
  reason: Schema.String
}) {}

/** POM: re-assign an appointment from a duplicate POM account to the keeper. */
export class MoveAppointment extends Schema.TaggedClass<MoveAppointment>()("move-appointment", {
  appointmentId: PomAppointmentId,
  from: PomCustomerId,
  to: PomCustomerId,
  before: Schema.Struct({ customerId: PomCustomerId }),
  reason: Schema.String
}) {}

/** POM: re-assign a service record from a duplicate POM account to the keeper. */
export class MoveService extends Schema.TaggedClass<MoveService>()("move-service", {
  serviceId: PomServiceId,
  from: PomCustomerId,
  to: PomCustomerId,
  before: Schema.Struct({ customerId: PomCustomerId }),
  reason: Schema.String
}) {}

/** POM: point a POM account at a QBO customer (`to: null` clears the link). */
export class SetQuickbooksId extends Schema.TaggedClass<SetQuickbooksId>()("set-quickbooks-id", {
  pomCustomerId: PomCustomerId,
  from: Schema.NullOr(QboCustomerId),
  to: Schema.NullOr(QboCustomerId),
  before: Schema.Struct({ quickbooksId: Schema.NullOr(QboCustomerId) }),
  reason: Schema.String
}) {}

/** POM: set a duplicate POM account to INACTIVE once its history has moved. */
export class InactivatePomCustomer extends Schema.TaggedClass<InactivatePomCustomer>()("inactivate-pom-customer", {
  pomCustomerId: PomCustomerId,
  before: Schema.Struct({ status: PomStatus }),
  reason: Schema.String
}) {}

/** QBO: set a wrong QBO customer inactive (Active=false) once it holds no invoices and no balance. */
export class InactivateQboCustomer extends Schema.TaggedClass<InactivateQboCustomer>()("inactivate-qbo-customer", {
  qboCustomerId: QboCustomerId,
  before: Schema.Struct({ syncToken: Schema.String, active: Schema.Boolean, balance: Schema.Number }),
  reason: Schema.String
}) {}

export const PlanStep = Schema.Union(
  MoveInvoice,
  MoveAppointment,
  MoveService,
  SetQuickbooksId,
  InactivatePomCustomer,
  InactivateQboCustomer
)
export type PlanStep = typeof PlanStep.Type

export type StepSystem = "qbo" | "pom"

export const stepSystem: (step: PlanStep) => StepSystem = Match.type<PlanStep>().pipe(
  Match.tags({
    "move-invoice": () => "qbo" as const,
    "inactivate-qbo-customer": () => "qbo" as const,
    "move-appointment": () => "pom" as const,
    "move-service": () => "pom" as const,
    "set-quickbooks-id": () => "pom" as const,
    "inactivate-pom-customer": () => "pom" as const
  }),
  Match.exhaustive
)

/**
 * The order steps must run in within a case: invoices move before the link changes (so POM never points at a
 * customer whose history is elsewhere), and inactivation comes last, when nothing refers to the retired record.
 */
export const stepPhase: (step: PlanStep) => number = Match.type<PlanStep>().pipe(
  Match.tags({
    "move-invoice": () => 1,
    "move-appointment": () => 2,
    "move-service": () => 2,
    "set-quickbooks-id": () => 3,
    "inactivate-pom-customer": () => 4,
    "inactivate-qbo-customer": () => 5
  }),
  Match.exhaustive
)

/**
 * Whether `later` must wait for `earlier` within one case. Phases run in order, except that POM history moves do
 * not wait for QBO invoice moves: they touch different records, and the relink after both is what needs them.
 */
export const dependsOn = (later: PlanStep, earlier: PlanStep): boolean =>
  stepPhase(earlier) < stepPhase(later) && !(stepPhase(later) === 2 && stepPhase(earlier) === 1)
