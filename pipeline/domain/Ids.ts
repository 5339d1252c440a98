import { Schema } from "effect"

// Branded so that a POM id can never be passed where a QBO id belongs: both are plain strings on the wire.
export const PomCustomerId = Schema.String.pipe(Schema.brand("PomCustomerId"))
export type PomCustomerId = typeof PomCustomerId.Type

export const PomAppointmentId = Schema.String.pipe(Schema.brand("PomAppointmentId"))
export type PomAppointmentId = typeof PomAppointmentId.Type

export const PomServiceId = Schema.String.pipe(Schema.brand("PomServiceId"))
export type PomServiceId = typeof PomServiceId.Type

export const QboCustomerId = Schema.String.pipe(Schema.brand("QboCustomerId"))
export type QboCustomerId = typeof QboCustomerId.Type

export const QboInvoiceId = Schema.String.pipe(Schema.brand("QboInvoiceId"))
export type QboInvoiceId = typeof QboInvoiceId.Type

/** Stable across runs: derived from the ids of the records a case groups (see `caseIdFor`). */
export const CaseId = Schema.String.pipe(Schema.brand("CaseId"))
export type CaseId = typeof CaseId.Type

export const RunId = Schema.String.pipe(Schema.brand("RunId"))
export type RunId = typeof RunId.Type

export const SnapshotId = Schema.String.pipe(Schema.brand("SnapshotId"))
export type SnapshotId = typeof SnapshotId.Type
