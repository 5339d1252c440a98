import type { PomCustomerId, QboCustomerId } from "./Ids.ts"
import type { PomAppointment, PomService } from "./PomRecords.ts"
import type { QboInvoice } from "./QboRecords.ts"

/**
 * The history of the customers: POM appointments and services, QBO invoices. A large company holds dozens of
 * rows per customer, far more than its customers, so history is not kept in memory with them: the cases only
 * ever ask for the history of the few customers they name.
 */
export interface HistoryLookup {
  readonly appointmentsOf: (id: PomCustomerId) => ReadonlyArray<PomAppointment>
  readonly servicesOf: (id: PomCustomerId) => ReadonlyArray<PomService>
  readonly invoicesOf: (id: QboCustomerId) => ReadonlyArray<QboInvoice>
}

/** How many history rows a snapshot holds: what the run reports and the shrink check compares. */
export interface HistoryCounts {
  readonly appointments: number
  readonly services: number
  readonly invoices: number
}

/**
 * Where a reader hands each history row as it reads it, so that no reader holds a file's history whole. Rows are
 * given in the order read; the same input gives the same rows in the same order.
 */
export interface HistorySink {
  readonly appointment: (row: PomAppointment) => void
  readonly service: (row: PomService) => void
  readonly invoice: (row: QboInvoice) => void
}

/** A sink that keeps every row in arrays: for readers' callers that want the rows themselves (small inputs, tests). */
export const collectingSink = () => {
  const appointments: Array<PomAppointment> = []
  const services: Array<PomService> = []
  const invoices: Array<QboInvoice> = []
  const sink: HistorySink = {
    appointment: (row) => void appointments.push(row),
    service: (row) => void services.push(row),
    invoice: (row) => void invoices.push(row)
  }
  return { sink, appointments, services, invoices }
}
