import { Either, Schema } from "effect"
import type { JournalStep } from "../../sinks/store/Journal.ts"
import { PomAppointmentId, PomCustomerId, PomServiceId, QboCustomerId, QboInvoiceId } from "../domain/Ids.ts"
import type { PlanStep } from "../domain/PlanStep.ts"
import { PomStatus } from "../domain/PomRecords.ts"
import {
  MoveAppointmentBack,
  MoveInvoiceBack,
  MoveServiceBack,
  ReactivateQboCustomer,
  RestorePomStatus,
  RestoreQuickbooksId,
  type ReverseStep
} from "../domain/ReverseStep.ts"

/** A step apply did that the revert does not undo by API, and why: the admin reverses it by hand, or not at all. */
export interface ManualStep {
  readonly stepIndex: number
  readonly kind: PlanStep["_tag"]
  readonly targetId: string
  /** The state before apply: what to restore by hand. */
  readonly before: unknown
  readonly reason: string
}

export interface ReversePlan {
  /** In the order apply's steps ran; the revert runs them phase by phase in reverse (`reversePhase`). */
  readonly steps: ReadonlyArray<ReverseStep>
  readonly manual: ReadonlyArray<ManualStep>
}

// The states apply's targets return after a write (ApplyTargets.ts), as the journal stores them.
const InvoiceState = Schema.Struct({ syncToken: Schema.String, customerId: QboCustomerId })
const ItemState = Schema.Struct({ customerId: PomCustomerId })
const PomCustomerState = Schema.Struct({ quickbooksId: Schema.NullOr(QboCustomerId), status: PomStatus })
const QboCustomerState = Schema.Struct({ syncToken: Schema.String, active: Schema.Boolean })
const Link = Schema.Struct({ quickbooksId: Schema.NullOr(QboCustomerId) })
const Status = Schema.Struct({ status: PomStatus })

const decode = <A, I>(schema: Schema.Schema<A, I>, value: unknown) => Either.getRight(Schema.decodeUnknownEither(schema)(value))

const notWrittenByApply =
  "apply found this change already made (by someone else, by hand from the POM worklist, or by a write whose answer was lost), so the tool did not make it and does not undo it"

/** The reverse of one done journal row, or null when the row does not hold what apply's write left. */
const reverseOf = (row: JournalStep): ReverseStep | null => {
  const { stepIndex } = row
  switch (row.kind) {
    case "move-invoice": {
      const before = decode(InvoiceState, row.before)
      const after = decode(InvoiceState, row.after)
      if (before._tag === "None" || after._tag === "None") return null
      return new MoveInvoiceBack({ stepIndex, invoiceId: QboInvoiceId.make(row.targetId), to: before.value.customerId, expect: after.value })
    }
    case "move-appointment": {
      const before = decode(ItemState, row.before)
      const after = decode(ItemState, row.after)
      if (before._tag === "None" || after._tag === "None") return null
      return new MoveAppointmentBack({ stepIndex, appointmentId: PomAppointmentId.make(row.targetId), to: before.value.customerId, expect: after.value })
    }
    case "move-service": {
      const before = decode(ItemState, row.before)
      const after = decode(ItemState, row.after)
      if (before._tag === "None" || after._tag === "None") return null
      return new MoveServiceBack({ stepIndex, serviceId: PomServiceId.make(row.targetId), to: before.value.customerId, expect: after.value })
    }
    case "set-quickbooks-id": {
      const before = decode(Link, row.before)
      const after = decode(PomCustomerState, row.after)
      if (before._tag === "None" || after._tag === "None") return null
      return new RestoreQuickbooksId({
        stepIndex,
        pomCustomerId: PomCustomerId.make(row.targetId),
        to: before.value.quickbooksId,
        expect: { quickbooksId: after.value.quickbooksId }
      })
    }
    case "inactivate-pom-customer": {
      const before = decode(Status, row.before)
      const after = decode(PomCustomerState, row.after)
      if (before._tag === "None" || after._tag === "None") return null
      return new RestorePomStatus({ stepIndex, pomCustomerId: PomCustomerId.make(row.targetId), to: before.value.status, expect: { status: after.value.status } })
    }
    case "inactivate-qbo-customer": {
      const after = decode(QboCustomerState, row.after)
      if (after._tag === "None" || after.value.active) return null
      return new ReactivateQboCustomer({
        stepIndex,
        qboCustomerId: QboCustomerId.make(row.targetId),
        expect: { syncToken: after.value.syncToken, active: false }
      })
    }
  }
}

/**
 * What reverting an application means, from its journal alone (not from a plan: what ran may differ from what
 * was planned). Only steps this tool's own write did are undone by API, with the state that write returned as
 * the state to expect; a step that was not done is left alone; any other done step is listed for the admin.
 */
export const reverseSteps = (rows: ReadonlyArray<JournalStep>): ReversePlan => {
  const steps: Array<ReverseStep> = []
  const manual: Array<ManualStep> = []
  for (const row of rows) {
    const item = { stepIndex: row.stepIndex, kind: row.kind, targetId: row.targetId, before: row.before }
    if (row.status === "waiting") {
      manual.push({ ...item, reason: "left on the POM worklist at apply and never confirmed done: if it was done in POM, undo it there by hand" })
      continue
    }
    if (row.status !== "done") continue
    const reverse = reverseOf(row)
    if (reverse !== null) steps.push(reverse)
    else manual.push({ ...item, reason: typeof row.after === "string" ? `${notWrittenByApply} (journal: "${row.after}")` : "the journal does not hold the state apply left, so it cannot be checked: undo it by hand" })
  }
  return { steps, manual }
}
