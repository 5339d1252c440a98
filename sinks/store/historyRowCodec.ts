import type { PomAppointment, PomService } from "../../pipeline/domain/PomRecords.ts"
import type { QboInvoice } from "../../pipeline/domain/QboRecords.ts"

/*
 * A history row as `history_rows` keeps it: the record's fields in a fixed order, without their names or the
 * customer id (the row's own column), led by the row's place among its kind in the order read. A pool company
 * stores millions of these; repeating the keys and the customer id made each several times its content.
 */

export type HistoryKind = "appointment" | "service" | "invoice"

/** The stored form of each kind of record: `seq` is its 0-based place among the rows of its kind, in the order read. */
export const encodeAppointment = (seq: number, a: PomAppointment): string => JSON.stringify([seq, a.id, a.scheduledAt, a.status])

export const encodeService = (seq: number, s: PomService): string => JSON.stringify([seq, s.id, s.appointmentId, s.completedAt])

export const encodeInvoice = (seq: number, i: QboInvoice): string =>
  JSON.stringify([seq, i.id, i.syncToken, i.docNumber, i.txnDate, i.totalAmt, i.balance, i.linkedTxns])

/** A stored row read back: its place in the order read, and the record in its encoded form (decode it with the record's schema). */
export interface StoredHistoryRow {
  readonly seq: number
  readonly record: unknown
}

/**
 * The record a stored row holds, with its customer put back. A row that is not a list is a whole record as the
 * store kept them before this form (snapshots stored by an earlier version): it is given as it is, without a place.
 */
export const decodeHistoryRow = (kind: HistoryKind, customerId: string, row: unknown): StoredHistoryRow => {
  if (!Array.isArray(row)) return { seq: -1, record: row }
  const [seq, id, ...rest] = row
  const place = typeof seq === "number" ? seq : -1
  switch (kind) {
    case "appointment":
      return { seq: place, record: { id, customerId, scheduledAt: rest[0], status: rest[1] } }
    case "service":
      return { seq: place, record: { id, customerId, appointmentId: rest[0], completedAt: rest[1] } }
    case "invoice":
      return {
        seq: place,
        record: { id, syncToken: rest[0], docNumber: rest[1], txnDate: rest[2], customerId, totalAmt: rest[3], balance: rest[4], linkedTxns: rest[5] }
      }
  }
}
