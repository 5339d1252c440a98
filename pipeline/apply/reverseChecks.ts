import { Match } from "effect"
import type { ReverseStep } from "../domain/ReverseStep.ts"
import { type CurrentState, type RecordIds, recordIdsOf, type TouchedRecord } from "./CurrentState.ts"
import type { StepCheck } from "./stepChecks.ts"

const before: StepCheck = { _tag: "before" }
const after: StepCheck = { _tag: "after" }
const unknown: StepCheck = { _tag: "unknown" }
const drift = (message: string): StepCheck => ({ _tag: "drift", message })
const link = (id: string | null) => (id === null ? "no QBO ID" : `QBO ${id}`)

/**
 * Compares a reverse step with the records as they are now: `before` when the record is as apply left it (the
 * revert may act), `after` when it is back as it was before apply, `drift` when it moved on since apply ("was X
 * after apply, now Y"). `started` is true once a reverse step of the case was sent: only then is a record found
 * already back taken as reverted; before that it is drift, since someone else put it there.
 */
export const checkReverse = (step: ReverseStep, now: CurrentState, started: boolean): StepCheck =>
  Match.value(step).pipe(
    Match.tagsExhaustive({
      "reactivate-qbo-customer": (s) => {
        const c = now.qboCustomers.get(s.qboCustomerId)
        if (c === undefined) return drift(`QBO customer ${s.qboCustomerId} no longer exists`)
        if (c.active) return started ? after : drift(`QBO customer ${s.qboCustomerId} was inactive after apply, now active`)
        if (c.syncToken !== s.expect.syncToken) {
          return drift(`QBO customer ${s.qboCustomerId} was edited in QBO since apply (SyncToken ${s.expect.syncToken} → ${c.syncToken})`)
        }
        return before
      },
      "restore-pom-status": (s) => {
        if (!now.pomKnown) return unknown
        const c = now.pomCustomers.get(s.pomCustomerId)
        if (c === undefined) return drift(`POM customer ${s.pomCustomerId} no longer exists`)
        if (c.status === s.to && started) return after
        return c.status === s.expect.status ? before : drift(`POM ${s.pomCustomerId} was ${s.expect.status} after apply, now ${c.status}`)
      },
      "restore-quickbooks-id": (s) => {
        if (!now.pomKnown) return unknown
        const c = now.pomCustomers.get(s.pomCustomerId)
        if (c === undefined) return drift(`POM customer ${s.pomCustomerId} no longer exists`)
        if (c.quickbooksId === s.to && started) return after
        return c.quickbooksId === s.expect.quickbooksId
          ? before
          : drift(`POM ${s.pomCustomerId} pointed at ${link(s.expect.quickbooksId)} after apply, now at ${link(c.quickbooksId)}`)
      },
      "move-appointment-back": (s) => {
        if (!now.pomKnown) return unknown
        const a = now.appointments.get(s.appointmentId)
        if (a === undefined) return drift(`appointment ${s.appointmentId} no longer exists in POM`)
        if (a.customerId === s.to && started) return after
        return a.customerId === s.expect.customerId
          ? before
          : drift(`appointment ${s.appointmentId} was on POM ${s.expect.customerId} after apply, now on ${a.customerId}`)
      },
      "move-service-back": (s) => {
        if (!now.pomKnown) return unknown
        const v = now.services.get(s.serviceId)
        if (v === undefined) return drift(`service ${s.serviceId} no longer exists in POM`)
        if (v.customerId === s.to && started) return after
        return v.customerId === s.expect.customerId
          ? before
          : drift(`service ${s.serviceId} was on POM ${s.expect.customerId} after apply, now on ${v.customerId}`)
      },
      "move-invoice-back": (s) => {
        const inv = now.invoices.get(s.invoiceId)
        if (inv === undefined) return drift(`invoice ${s.invoiceId} no longer exists in QBO`)
        if (inv.customerId === s.to && started) return after
        if (inv.customerId !== s.expect.customerId) {
          return drift(`invoice ${s.invoiceId} was on customer ${s.expect.customerId} after apply, now on ${inv.customerId}`)
        }
        if (inv.syncToken !== s.expect.syncToken) {
          return drift(`invoice ${s.invoiceId} was edited in QBO since apply (SyncToken ${s.expect.syncToken} → ${inv.syncToken})`)
        }
        return before
      }
    })
  )

/** The record a reverse step reads or writes. */
const touchedBy = (s: ReverseStep): TouchedRecord => {
  switch (s._tag) {
    case "move-invoice-back":
      return { kind: "invoices", id: s.invoiceId }
    case "reactivate-qbo-customer":
      return { kind: "qboCustomers", id: s.qboCustomerId }
    case "move-appointment-back":
      return { kind: "appointments", id: s.appointmentId }
    case "move-service-back":
      return { kind: "services", id: s.serviceId }
    case "restore-quickbooks-id":
    case "restore-pom-status":
      return { kind: "pomCustomers", id: s.pomCustomerId }
  }
}

/** Every record the reverse steps read or write, each once. */
export const reverseRecords = (steps: ReadonlyArray<ReverseStep>): RecordIds => recordIdsOf(steps.map(touchedBy))
