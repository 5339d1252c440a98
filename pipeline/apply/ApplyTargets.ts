import { Context, type Effect, Schema } from "effect"
import type { PomAppointmentId, PomCustomerId, PomServiceId, QboCustomerId, QboInvoiceId } from "../domain/Ids.ts"
import type { PomStatus } from "../domain/PomRecords.ts"

/*
 * What apply needs of the two systems, and nothing more: read the state a plan step depends on, and write one
 * change with an idempotency key. Live layers wrap the QBO and POM API clients; tests can use the local servers
 * through the same layers, or in-memory ones.
 */

export interface InvoiceState {
  readonly syncToken: string
  readonly customerId: QboCustomerId
}
export interface QboCustomerState {
  readonly syncToken: string
  readonly active: boolean
  readonly balance: number
}
export interface PomCustomerState {
  readonly quickbooksId: QboCustomerId | null
  readonly status: PomStatus
}
export interface PomItemState {
  readonly customerId: PomCustomerId
}

/** A write the system refused. `stale` means the record changed since it was read (QBO 5010). */
export interface WriteRefused {
  readonly ok: false
  readonly code: string
  readonly message: string
  readonly stale: boolean
}
export type WriteOutcome<S> = { readonly ok: true; readonly state: S } | WriteRefused

/** The system could not be reached or refused us as a whole (network, auth): apply stops, the journal keeps its place. */
export class TargetUnavailable extends Schema.TaggedError<TargetUnavailable>()("TargetUnavailable", {
  system: Schema.Literal("qbo", "pom"),
  detail: Schema.String
}) {
  override get message(): string {
    return `${this.system === "qbo" ? "QuickBooks Online" : "POM"} is not available: ${this.detail}. Nothing more was sent; run the same apply again to continue where it stopped.`
  }
}

export interface InvoiceMove {
  readonly invoiceId: QboInvoiceId
  readonly syncToken: string
  readonly to: QboCustomerId
  readonly requestId: string
}

export class QboTarget extends Context.Tag("reconcile/QboTarget")<
  QboTarget,
  {
    /** Current state of these invoices; an id missing from the map no longer exists. */
    readonly readInvoices: (
      ids: ReadonlyArray<QboInvoiceId>
    ) => Effect.Effect<ReadonlyMap<QboInvoiceId, InvoiceState>, TargetUnavailable>
    readonly readCustomers: (
      ids: ReadonlyArray<QboCustomerId>
    ) => Effect.Effect<ReadonlyMap<QboCustomerId, QboCustomerState>, TargetUnavailable>
    /** Sparse-updates each invoice's CustomerRef (batched where the client can); one outcome per move, in order. */
    readonly moveInvoices: (
      moves: ReadonlyArray<InvoiceMove>
    ) => Effect.Effect<ReadonlyArray<WriteOutcome<InvoiceState>>, TargetUnavailable>
    readonly inactivateCustomer: (input: {
      readonly id: QboCustomerId
      readonly syncToken: string
      readonly requestId: string
    }) => Effect.Effect<WriteOutcome<QboCustomerState>, TargetUnavailable>
    /** Makes a retired customer active again (revert), under its name without QBO's " (deleted)" mark. */
    readonly reactivateCustomer: (input: {
      readonly id: QboCustomerId
      readonly syncToken: string
      readonly requestId: string
    }) => Effect.Effect<WriteOutcome<QboCustomerState>, TargetUnavailable>
  }
>() {}

export class PomTarget extends Context.Tag("reconcile/PomTarget")<
  PomTarget,
  {
    /**
     * `api`: POM's GraphQL API makes the changes. `worklist`: no API access; POM steps are written to
     * pom-worklist.csv for an admin and confirmed later from fresh POM data.
     */
    readonly mode: "api" | "worklist"
    /** Current state; in worklist mode, what the freshest POM export given says (empty when none was given). */
    readonly readCustomers: (
      ids: ReadonlyArray<PomCustomerId>
    ) => Effect.Effect<ReadonlyMap<PomCustomerId, PomCustomerState>, TargetUnavailable>
    readonly readAppointments: (
      ids: ReadonlyArray<PomAppointmentId>
    ) => Effect.Effect<ReadonlyMap<PomAppointmentId, PomItemState>, TargetUnavailable>
    readonly readServices: (
      ids: ReadonlyArray<PomServiceId>
    ) => Effect.Effect<ReadonlyMap<PomServiceId, PomItemState>, TargetUnavailable>
    readonly updateCustomer: (
      id: PomCustomerId,
      patch: { readonly quickbooksId?: QboCustomerId | null; readonly status?: PomStatus },
      requestId: string
    ) => Effect.Effect<WriteOutcome<PomCustomerState>, TargetUnavailable>
    readonly moveAppointment: (
      id: PomAppointmentId,
      to: PomCustomerId,
      requestId: string
    ) => Effect.Effect<WriteOutcome<PomItemState>, TargetUnavailable>
    readonly moveService: (
      id: PomServiceId,
      to: PomCustomerId,
      requestId: string
    ) => Effect.Effect<WriteOutcome<PomItemState>, TargetUnavailable>
  }
>() {}
