import { Schema } from "effect"
import { PomAppointment, PomCustomer, PomService } from "./PomRecords.ts"
import { QboCustomer, QboInvoice } from "./QboRecords.ts"
import { UnreadableRecord } from "./UnreadableRecord.ts"

/** Where each side of a snapshot came from, for the run record and the report. */
export const SnapshotSource = Schema.Struct({
  pom: Schema.String,
  qbo: Schema.String
})
export type SnapshotSource = typeof SnapshotSource.Type

/** Everything one run read from both systems. Plans are computed from it and checked against it later. */
export const Snapshot = Schema.Struct({
  source: SnapshotSource,
  pom: Schema.Struct({
    customers: Schema.Array(PomCustomer),
    appointments: Schema.Array(PomAppointment),
    services: Schema.Array(PomService)
  }),
  qbo: Schema.Struct({
    customers: Schema.Array(QboCustomer),
    invoices: Schema.Array(QboInvoice)
  }),
  /** Records either side holds but whose rows could not be read: cases touching them go to review. */
  unreadable: Schema.Array(UnreadableRecord)
})
export type Snapshot = typeof Snapshot.Type

/**
 * A snapshot as stored: those saved before unreadable records were kept have none listed. Decoding only; a
 * snapshot is always written whole (`Snapshot`), which keeps its encoding a plain copy (see schemaJson).
 */
export const StoredSnapshot = Schema.Struct({
  ...Snapshot.fields,
  unreadable: Schema.optionalWith(Schema.Array(UnreadableRecord), { default: () => [] })
})

/**
 * A snapshot without its history, as stored beside the history rows: customers and unreadable records are few
 * enough to read back whole.
 */
export const SnapshotHeads = Schema.Struct({
  source: SnapshotSource,
  pom: Schema.Struct({ customers: Schema.Array(PomCustomer) }),
  qbo: Schema.Struct({ customers: Schema.Array(QboCustomer) }),
  unreadable: Schema.Array(UnreadableRecord)
})
export type SnapshotHeads = typeof SnapshotHeads.Type
