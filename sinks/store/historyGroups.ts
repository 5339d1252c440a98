import type { HistorySink } from "../../pipeline/domain/History.ts"
import { encodeAppointment, encodeInvoice, encodeService, type HistoryKind } from "./historyRowCodec.ts"

/*
 * History rows as `history_rows` takes them: each row encoded (see historyRowCodec.ts), and a batch's rows of one
 * customer joined into one stored row. Pure, so that the thread that reads a POM export can do it, and the thread
 * that holds the store only inserts; both sides build batches here, so the store is the same whichever did.
 */

/**
 * Rows of a kind per batch: a row per record cost more in the index than the record itself, and one commit per row
 * would spend the run waiting on the disk. A company's history arrives in date order, spread over all its
 * customers, so the batch must be large for a customer's rows to meet in it; it stays near 50 MB of text.
 */
export const HISTORY_GROUP_ROWS = 500_000

/** One batch of a kind's rows, ready to insert: one body per customer, the customers in the index's order. */
export interface GroupedHistory {
  readonly kind: HistoryKind
  /** The place among its kind of the batch's first row: a kind's batches follow each other in the order read. */
  readonly firstSeq: number
  readonly rows: number
  readonly customerIds: ReadonlyArray<string>
  /** A JSON list of the customer's encoded rows in the batch, in the order read. */
  readonly bodies: ReadonlyArray<string>
}

const byCustomer = ([a]: readonly [string, Array<string>], [b]: readonly [string, Array<string>]) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Encodes rows as a reader hands them over and gives each kind's rows to `emit` a batch at a time, when the batch is
 * full or flushed. A kind's places count its rows from 0 in the order given, so one grouper must see all of a
 * kind's rows.
 */
export const historyGrouper = (emit: (batch: GroupedHistory) => void) => {
  const seq: Record<HistoryKind, number> = { appointment: 0, service: 0, invoice: 0 }
  const pending: Record<HistoryKind, Map<string, Array<string>>> = { appointment: new Map(), service: new Map(), invoice: new Map() }
  const firstSeq: Record<HistoryKind, number> = { appointment: 0, service: 0, invoice: 0 }

  const flush = (kind: HistoryKind): void => {
    const rows = seq[kind] - firstSeq[kind]
    if (rows === 0) return
    // In the index's order: inserted as they came, a batch's rows landed all over an index of millions of rows,
    // each insert on a page no longer in the cache. A customer has one row per batch, so its rows keep their order.
    const groups = [...pending[kind]].sort(byCustomer)
    pending[kind] = new Map()
    const batch: GroupedHistory = {
      kind,
      firstSeq: firstSeq[kind],
      rows,
      customerIds: groups.map(([customerId]) => customerId),
      bodies: groups.map(([, encoded]) => `[${encoded.join(",")}]`)
    }
    firstSeq[kind] = seq[kind]
    emit(batch)
  }
  const add = (kind: HistoryKind, customerId: string, encoded: string): void => {
    const rows = pending[kind].get(customerId)
    if (rows === undefined) pending[kind].set(customerId, [encoded])
    else rows.push(encoded)
    if (++seq[kind] - firstSeq[kind] >= HISTORY_GROUP_ROWS) flush(kind)
  }
  const sink: HistorySink = {
    appointment: (row) => add("appointment", row.customerId, encodeAppointment(seq.appointment, row)),
    service: (row) => add("service", row.customerId, encodeService(seq.service, row)),
    invoice: (row) => add("invoice", row.customerId, encodeInvoice(seq.invoice, row))
  }
  return {
    sink,
    flush,
    /** Drops the rows not yet given to `emit`. */
    clear: () => {
      for (const kind of ["appointment", "service", "invoice"] as const) {
        pending[kind] = new Map()
        firstSeq[kind] = seq[kind]
      }
    }
  }
}
