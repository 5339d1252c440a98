import type { PomAppointmentId, PomCustomerId, PomServiceId, QboCustomerId, QboInvoiceId } from "../domain/Ids.ts"
import type { PlanStep } from "../domain/PlanStep.ts"
import type { InvoiceState, PomCustomerState, PomItemState, QboCustomerState } from "./ApplyTargets.ts"

/** The records a set of steps touches, as read from the systems just now. */
export interface CurrentState {
  readonly invoices: ReadonlyMap<QboInvoiceId, InvoiceState>
  readonly qboCustomers: ReadonlyMap<QboCustomerId, QboCustomerState>
  readonly pomCustomers: ReadonlyMap<PomCustomerId, PomCustomerState>
  readonly appointments: ReadonlyMap<PomAppointmentId, PomItemState>
  readonly services: ReadonlyMap<PomServiceId, PomItemState>
  /** False when POM could not be read (no API access and no fresh export): POM steps are then not checked. */
  readonly pomKnown: boolean
}

export interface RecordIds {
  readonly invoices: Array<QboInvoiceId>
  readonly qboCustomers: Array<QboCustomerId>
  readonly pomCustomers: Array<PomCustomerId>
  readonly appointments: Array<PomAppointmentId>
  readonly services: Array<PomServiceId>
}

/** One record a step reads or writes: which list of `RecordIds` it belongs in, and its id. */
export type TouchedRecord = {
  readonly [K in keyof RecordIds]: { readonly kind: K; readonly id: RecordIds[K][number] }
}[keyof RecordIds]

/** The records, each once, in the lists the systems are read by. */
export const recordIdsOf = (touched: Iterable<TouchedRecord>): RecordIds => {
  const sets = { invoices: new Set<QboInvoiceId>(), qboCustomers: new Set<QboCustomerId>(), pomCustomers: new Set<PomCustomerId>(), appointments: new Set<PomAppointmentId>(), services: new Set<PomServiceId>() }
  for (const r of touched) {
    switch (r.kind) {
      case "invoices":
        sets.invoices.add(r.id)
        break
      case "qboCustomers":
        sets.qboCustomers.add(r.id)
        break
      case "pomCustomers":
        sets.pomCustomers.add(r.id)
        break
      case "appointments":
        sets.appointments.add(r.id)
        break
      case "services":
        sets.services.add(r.id)
        break
    }
  }
  return {
    invoices: [...sets.invoices],
    qboCustomers: [...sets.qboCustomers],
    pomCustomers: [...sets.pomCustomers],
    appointments: [...sets.appointments],
    services: [...sets.services]
  }
}

/** The record a plan step reads or writes. */
const touchedBy = (s: PlanStep): TouchedRecord => {
  switch (s._tag) {
    case "move-invoice":
      return { kind: "invoices", id: s.invoiceId }
    case "inactivate-qbo-customer":
      return { kind: "qboCustomers", id: s.qboCustomerId }
    case "move-appointment":
      return { kind: "appointments", id: s.appointmentId }
    case "move-service":
      return { kind: "services", id: s.serviceId }
    case "set-quickbooks-id":
    case "inactivate-pom-customer":
      return { kind: "pomCustomers", id: s.pomCustomerId }
  }
}

/** Every record the steps read or write, each once. */
export const recordsTouched = (steps: ReadonlyArray<PlanStep>): RecordIds => recordIdsOf(steps.map(touchedBy))
