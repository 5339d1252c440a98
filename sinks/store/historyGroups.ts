import type { HistorySink } from "../../pipeline/domain/History.ts"
import { encodeAppointment, encodeInvoice, encodeService, type HistoryKind } from "./historyRowCodec.ts"

/*
 * History rows as `history_rows` takes them: each row encoded (see historyRowCodec.ts), and a batch's rows of one
 * customer joined into one stored row. Encoding is pure and per row, so the thread that reads a POM export does it
 * (`historyEncoder`) and hands over rows ready to group; grouping stays with the store (`historyGrouper`): done on
 * the reading thread, holding a batch's half a million strings there, it doubled that thread's CPU at 100,000
 * customers, more than it saved the store's.
 */

/**
 * Rows of a kind per stored batch: a row per record cost more in the index than the record itself, and one commit
 * per row would spend the run waiting on the disk. A company's history arrives in date order, spread over all its
 * customers, so the batch must be large for a customer's rows to meet in it; it stays near 50 MB of text.
 */
export const HISTORY_GROUP_ROWS = 500_000

/** One batch of a kind's rows, ready to insert: one body per customer, the customers in the index's order. */
export interface GroupedHistory {
  readonly kind: HistoryKind
  readonly rows: number
  readonly customerIds: ReadonlyArray<string>
  /** A JSON list of the customer's encoded rows in the batch, in the order read. */
  readonly bodies: ReadonlyArray<string>
}

/** Rows of one kind encoded elsewhere, in the order read: row i is the kind's row `firstSeq + i`. */
export interface EncodedHistory {
  readonly kind: HistoryKind
  readonly firstSeq: number
  readonly customerIds: ReadonlyArray<string>
  readonly rows: ReadonlyArray<string>
}

const byCustomer = ([a]: readonly [string, Array<string>], [b]: readonly [string, Array<string>]) => (a < b ? -1 : a > b ? 1 : 0)

const KINDS: ReadonlyArray<HistoryKind> = ["appointment", "service", "invoice"]

/**
 * Groups encoded rows by customer and gives each kind's rows to `emit` a batch at a time, when the batch is full or
 * flushed. Rows come through `sink` (encoded here) or `addEncoded` (encoded elsewhere); a kind's places count its
 * rows from 0 in the order given, so all of a kind's rows must come one way.
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
    firstSeq[kind] = seq[kind]
    emit({ kind, rows, customerIds: groups.map(([customerId]) => customerId), bodies: groups.map(([, encoded]) => `[${encoded.join(",")}]`) })
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
    /** Adds rows encoded elsewhere; false, adding nothing, when they are not the kind's next rows. */
    addEncoded: (batch: EncodedHistory): boolean => {
      if (batch.firstSeq !== seq[batch.kind]) return false
      for (let i = 0; i < batch.rows.length; i++) add(batch.kind, batch.customerIds[i] ?? "", batch.rows[i] ?? "")
      return true
    },
    /** The rows of a kind given so far: the place of the next. */
    placed: (kind: HistoryKind): number => seq[kind],
    flush,
    /** Drops the rows not yet given to `emit`. */
    clear: () => {
      for (const kind of KINDS) {
        pending[kind] = new Map()
        firstSeq[kind] = seq[kind]
      }
    }
  }
}

/**
 * Encodes rows as a reader hands them over, numbering each kind's rows from 0 in the order given, and gives them to
 * `emit` in batches of `batchRows` rows of one kind: a row of another kind, or `flush`, sends the batch so far.
 */
export const historyEncoder = (emit: (batch: EncodedHistory) => void, batchRows: number) => {
  const seq: Record<HistoryKind, number> = { appointment: 0, service: 0, invoice: 0 }
  let kind: HistoryKind = "appointment"
  let customerIds: Array<string> = []
  let rows: Array<string> = []
  const flush = (): void => {
    if (rows.length === 0) return
    emit({ kind, firstSeq: seq[kind] - rows.length, customerIds, rows })
    customerIds = []
    rows = []
  }
  /** The place of the next row of `rowKind`, the batch so far sent first if it holds another kind. */
  const placeOf = (rowKind: HistoryKind): number => {
    if (rowKind !== kind) {
      flush()
      kind = rowKind
    }
    return seq[rowKind]++
  }
  const add = (customerId: string, encoded: string): void => {
    customerIds.push(customerId)
    rows.push(encoded)
    if (rows.length >= batchRows) flush()
  }
  const sink: HistorySink = {
    appointment: (row) => add(row.customerId, encodeAppointment(placeOf("appointment"), row)),
    service: (row) => add(row.customerId, encodeService(placeOf("service"), row)),
    invoice: (row) => add(row.customerId, encodeInvoice(placeOf("invoice"), row))
  }
  return { sink, flush }
}
