import type Database from "better-sqlite3"
import { Schema } from "effect"
import type { HistoryLookup } from "../../pipeline/domain/History.ts"
import { PomAppointment, PomService } from "../../pipeline/domain/PomRecords.ts"
import { QboInvoice } from "../../pipeline/domain/QboRecords.ts"

const bodies = (rows: ReadonlyArray<unknown>): Array<unknown> =>
  rows.flatMap((r) => (typeof r === "object" && r !== null && "body" in r && typeof r.body === "string" ? [JSON.parse(r.body)] : []))

/**
 * One load's history, read by customer from the store's index as the case rules ask for it. Each customer's rows
 * are read once and kept: the rules ask for the same few customers several times, and only cases' customers are
 * ever asked for, so what is kept stays small. The rows come back in the order they were read.
 */
export const readStoredHistory = (client: Database.Database, load: number): HistoryLookup => {
  const select = client.prepare("SELECT body FROM history_rows WHERE load = ? AND kind = ? AND customer_id = ? ORDER BY rowid")
  const lookup = <A>(kind: string, decode: (u: unknown) => A) => {
    const cache = new Map<string, ReadonlyArray<A>>()
    return (customerId: string): ReadonlyArray<A> => {
      const known = cache.get(customerId)
      if (known !== undefined) return known
      const rows = bodies(select.all(load, kind, customerId)).map(decode)
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
export const allStoredRows = <A>(client: Database.Database, load: number, kind: string, decode: (u: unknown) => A): Array<A> =>
  bodies(client.prepare("SELECT body FROM history_rows WHERE load = ? AND kind = ? ORDER BY rowid").all(load, kind)).map(decode)
