import type Database from "better-sqlite3"
import { Schema } from "effect"
import type { HistoryLookup } from "../../pipeline/domain/History.ts"
import { PomAppointment, PomService } from "../../pipeline/domain/PomRecords.ts"
import { QboInvoice } from "../../pipeline/domain/QboRecords.ts"
import { decodeHistoryRow, type HistoryKind, type StoredHistoryRow } from "./historyRowCodec.ts"

/**
 * The records stored rows hold, in the order read. A stored row is a list of one customer's records (see
 * `stageHistory`), or one record as an earlier version stored it.
 */
const storedRecords = (kind: HistoryKind, rows: ReadonlyArray<unknown>): Array<StoredHistoryRow> =>
  rows.flatMap((r) => {
    if (typeof r !== "object" || r === null || !("body" in r) || typeof r.body !== "string") return []
    const customerId = "customer_id" in r && typeof r.customer_id === "string" ? r.customer_id : ""
    const body: unknown = JSON.parse(r.body)
    return Array.isArray(body) ? body.map((row) => decodeHistoryRow(kind, customerId, row)) : [decodeHistoryRow(kind, customerId, body)]
  })

/**
 * One load's history, read by customer from the store's index as the case rules ask for it. Each customer's rows
 * are read once and kept: the rules ask for the same few customers several times, and only cases' customers are
 * ever asked for, so what is kept stays small. The rows come back in the order they were read.
 */
export const readStoredHistory = (client: Database.Database, load: number): HistoryLookup => {
  const select = client.prepare("SELECT customer_id, body FROM history_rows WHERE load = ? AND kind = ? AND customer_id = ? ORDER BY rowid")
  const lookup = <A>(kind: HistoryKind, decode: (u: unknown) => A) => {
    const cache = new Map<string, ReadonlyArray<A>>()
    return (customerId: string): ReadonlyArray<A> => {
      const known = cache.get(customerId)
      if (known !== undefined) return known
      // A customer's stored rows follow each other in the order read, and so do the records inside each.
      const rows = storedRecords(kind, select.all(load, kind, customerId)).map((row) => decode(row.record))
      cache.set(customerId, rows)
      return rows
    }
  }
  return {
    appointmentsOf: lookup("appointment", Schema.decodeUnknownSync(PomAppointment)),
    servicesOf: lookup("service", Schema.decodeUnknownSync(PomService)),
    invoicesOf: lookup("invoice", Schema.decodeUnknownSync(QboInvoice))
  }
}

/** Every row of one load of one kind, in the order read: for reading a small snapshot back whole. */
export const allStoredRows = <A>(client: Database.Database, load: number, kind: HistoryKind, decode: (u: unknown) => A): Array<A> => {
  const rows = storedRecords(kind, client.prepare("SELECT customer_id, body FROM history_rows WHERE load = ? AND kind = ? ORDER BY rowid").all(load, kind))
  // A batch stores each customer's records together; their places put the kind's rows back in the order read.
  // Rows stored by an earlier version have no place and are already in that order (the sort is stable).
  return rows.sort((a, b) => a.seq - b.seq).map((row) => decode(row.record))
}
