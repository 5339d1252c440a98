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

/** Every record the steps read or write, each once. */
export const recordsTouched = (steps: ReadonlyArray<PlanStep>): RecordIds => {
  const ids: RecordIds = { invoices: [], qboCustomers: [], pomCustomers: [], appointments: [], services: [] }
  for (const s of steps) {
    switch (s._tag) {
      case "move-invoice":
        ids.invoices.push(s.invoiceId)
        break
      case "inactivate-qbo-customer":
        ids.qboCustomers.push(s.qboCustomerId)
        break
      case "move-appointment":
        ids.appointments.push(s.appointmentId)
        break
      case "move-service":
        ids.services.push(s.serviceId)
        break
      case "set-quickbooks-id":
      case "inactivate-pom-customer":
        ids.pomCustomers.push(s.pomCustomerId)
        break
    }
  }
  return {
    invoices: [...new Set(ids.invoices)],
    qboCustomers: [...new Set(ids.qboCustomers)],
    pomCustomers: [...new Set(ids.pomCustomers)],
    appointments: [...new Set(ids.appointments)],
    services: [...new Set(ids.services)]
  }
}
