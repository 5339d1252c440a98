import type { PomFields, QboFields } from "./Render.ts"

/*
 * Records before they have ids. Ids are handed out at the end, in order of creation date, the way both systems
 * number their records; until then records refer to each other by object, so a recipe can link a POM account to
 * a QBO customer, or name an invoice in the truth, before either has an id.
 */

export type PomStatus = "ACTIVE" | "INACTIVE" | "LEAD"

export interface PomDraft {
  /** Creation order, to break ties between equal dates the same way every run. */
  readonly seq: number
  id: string
  readonly fields: PomFields
  readonly status: PomStatus
  /** The QBO customer this account points at; "missing" points at an id that exists in no QBO customer. */
  link: QboDraft | "missing" | null
  readonly createdAt: number
  readonly updatedAt: number
  appointments: number
  services: number
}

export interface QboDraft {
  readonly seq: number
  id: string
  readonly fields: QboFields
  readonly active: boolean
  readonly createdAt: number
  readonly updatedAt: number
  readonly invoices: Array<InvoiceDraft>
  /** Sum of the invoices' open balances, in cents, kept as invoices are added. */
  openCents: number
  /** Open balance not carried by any invoice (an unapplied charge), in cents. */
  extraBalanceCents: number
}

export interface InvoiceDraft {
  readonly seq: number
  id: string
  docNumber: string
  paymentId: string
  readonly customer: QboDraft
  /** Days since 1970-01-01. */
  readonly txnDay: number
  readonly paidDay: number | null
  readonly description: string
  /** QBO's ItemRef: the product or service sold. */
  readonly item: { readonly value: string; readonly name: string }
  readonly qty: number
  readonly unitPriceCents: number
}

export const invoiceCents = (i: InvoiceDraft): number => i.qty * i.unitPriceCents
export const invoiceBalanceCents = (i: InvoiceDraft): number => (i.paidDay === null ? invoiceCents(i) : 0)

export type AppointmentStatus = "SCHEDULED" | "COMPLETED" | "CANCELED"

export interface AppointmentDraft {
  readonly seq: number
  id: string
  readonly customer: PomDraft
  readonly scheduledAt: number
  readonly status: AppointmentStatus
}

export interface ServiceDraft {
  readonly seq: number
  id: string
  readonly customer: PomDraft
  readonly appointment: AppointmentDraft | null
  readonly completedAt: number
}
