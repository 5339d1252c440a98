import { Match } from "effect"
import type { PlanStep } from "../domain/PlanStep.ts"
import type { CurrentState } from "./CurrentState.ts"

/** Whether a step's record is as the plan expects before it, as it will be after it, or neither. */
export type StepCheck =
  | { readonly _tag: "before" }
  | { readonly _tag: "after" }
  | { readonly _tag: "unknown" }
  | { readonly _tag: "drift"; readonly message: string }

const before: StepCheck = { _tag: "before" }
const after: StepCheck = { _tag: "after" }
const unknown: StepCheck = { _tag: "unknown" }
const drift = (message: string): StepCheck => ({ _tag: "drift", message })
const link = (id: string | null) => (id === null ? "no QBO ID" : `QBO ${id}`)

/**
 * Compares a step with the records as they are now. Apply acts only on `before`; `after` means the change is
 * already there (a step sent before a crash, or done by hand); `drift` says in words what changed since review.
 * `started` is true once a step of the same case was sent: a QBO customer's balance then legitimately differs,
 * and a change already in place is taken as done. Before that, any difference from the reviewed state is drift,
 * even one that looks like the planned change: the reviewer did not see it.
 */
export const checkStep = (step: PlanStep, now: CurrentState, started: boolean): StepCheck =>
  Match.value(step).pipe(
    Match.tagsExhaustive({
      "move-invoice": (s) => {
        const inv = now.invoices.get(s.invoiceId)
        if (inv === undefined) return drift(`invoice ${s.docNumber || s.invoiceId} no longer exists in QBO`)
        if (inv.customerId === s.to && started) return after
        if (inv.customerId !== s.before.customerId) {
          return drift(`invoice ${s.docNumber || s.invoiceId} was on customer ${s.before.customerId}, now on ${inv.customerId}`)
        }
        if (inv.syncToken !== s.before.syncToken) {
          return drift(`invoice ${s.docNumber || s.invoiceId} was edited in QBO since review (SyncToken ${s.before.syncToken} → ${inv.syncToken})`)
        }
        return before
      },
      "inactivate-qbo-customer": (s) => {
        const c = now.qboCustomers.get(s.qboCustomerId)
        if (c === undefined) return drift(`QBO customer ${s.qboCustomerId} no longer exists`)
        if (!c.active) return started ? after : drift(`QBO customer ${s.qboCustomerId} was active, now inactive`)
        if (!started && Math.round(c.balance * 100) !== Math.round(s.before.balance * 100)) {
          return drift(`QBO customer ${s.qboCustomerId} had a balance of ${s.before.balance.toFixed(2)}, now ${c.balance.toFixed(2)}`)
        }
        return before
      },
      "move-appointment": (s) => {
        if (!now.pomKnown) return unknown
        const a = now.appointments.get(s.appointmentId)
        if (a === undefined) return drift(`appointment ${s.appointmentId} no longer exists in POM`)
        if (a.customerId === s.to && started) return after
        return a.customerId === s.before.customerId
          ? before
          : drift(`appointment ${s.appointmentId} was on POM ${s.before.customerId}, now on ${a.customerId}`)
      },
      "move-service": (s) => {
        if (!now.pomKnown) return unknown
        const v = now.services.get(s.serviceId)
        if (v === undefined) return drift(`service ${s.serviceId} no longer exists in POM`)
        if (v.customerId === s.to && started) return after
        return v.customerId === s.before.customerId
          ? before
          : drift(`service ${s.serviceId} was on POM ${s.before.customerId}, now on ${v.customerId}`)
      },
      "set-quickbooks-id": (s) => {
        if (!now.pomKnown) return unknown
        const c = now.pomCustomers.get(s.pomCustomerId)
        if (c === undefined) return drift(`POM customer ${s.pomCustomerId} no longer exists`)
        if (c.quickbooksId === s.to && started) return after
        return c.quickbooksId === s.before.quickbooksId
          ? before
          : drift(`POM ${s.pomCustomerId} pointed at ${link(s.before.quickbooksId)}, now at ${link(c.quickbooksId)}`)
      },
      "inactivate-pom-customer": (s) => {
        if (!now.pomKnown) return unknown
        const c = now.pomCustomers.get(s.pomCustomerId)
        if (c === undefined) return drift(`POM customer ${s.pomCustomerId} no longer exists`)
        if (c.status === "INACTIVE" && started) return after
        return c.status === s.before.status ? before : drift(`POM ${s.pomCustomerId} was ${s.before.status}, now ${c.status}`)
      }
    })
  )

/**
 * The check for a step a person does by hand in QBO: it is done when its result shows, and waits while the record
 * is still where the plan found it. SyncTokens are not compared: the person's own work (unapplying a payment,
 * settling a balance) edits the record on the way.
 */
export const checkByHand = (step: PlanStep, now: CurrentState): StepCheck => {
  switch (step._tag) {
    case "move-invoice": {
      const inv = now.invoices.get(step.invoiceId)
      if (inv === undefined) return drift(`invoice ${step.docNumber || step.invoiceId} no longer exists in QBO`)
      if (inv.customerId === step.to) return after
      return inv.customerId === step.before.customerId
        ? before
        : drift(`invoice ${step.docNumber || step.invoiceId} was on customer ${step.before.customerId}, now on ${inv.customerId}`)
    }
    case "inactivate-qbo-customer": {
      const c = now.qboCustomers.get(step.qboCustomerId)
      if (c === undefined) return drift(`QBO customer ${step.qboCustomerId} no longer exists`)
      return c.active ? before : after
    }
    default:
      return checkStep(step, now, true)
  }
}
