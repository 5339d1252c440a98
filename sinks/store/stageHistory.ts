import type Database from "better-sqlite3"
import { Either } from "effect"
import { createHash, type Hash } from "node:crypto"
import type { HistorySink } from "../../pipeline/domain/History.ts"
import type { StoredHistory } from "../../pipeline/domain/LoadedSnapshot.ts"
import { encodeAppointment, encodeInvoice, encodeService, type HistoryKind } from "./historyRowCodec.ts"
import { readStoredHistory } from "./readStoredHistory.ts"

/**
 * Rows of each kind are written in batches of this many, each batch in one transaction, and a batch's rows of one
 * customer as one stored row: a row per record cost more in the index than the record itself, and one commit per
 * row would spend the run waiting on the disk. A company's history arrives in date order, spread over all its
 * customers, so the batch must be large for a customer's rows to meet in it; it stays near 50 MB of text.
 */
const BATCH_ROWS = 500_000

/** History being written to the store as it is read: the sink the readers feed, and how the load ends. */
export interface HistoryStage {
  readonly sink: HistorySink
  /** Writes what is left and gives the stored history; a failed write on the way is returned here. */
  readonly finish: () => Either.Either<StoredHistory, unknown>
  /** Deletes the rows written so far (the read failed), unless a snapshot already points at them. */
  readonly discard: () => void
}

/**
 * A bulk load is not made durable batch by batch: its rows mean nothing until a snapshot names them, and saving
 * that snapshot commits with the store's full durability, which syncs everything written before it. A larger page
 * cache keeps the index's pages in memory while it grows.
 */
const bulkLoadPragmas = (client: Database.Database): (() => void) => {
  const synchronous = client.pragma("synchronous", { simple: true })
  const cacheSize = client.pragma("cache_size", { simple: true })
  client.pragma("synchronous = NORMAL")
  client.pragma("cache_size = -65536")
  let restored = false
  return () => {
    if (restored) return
    restored = true
    client.pragma(`synchronous = ${Number(synchronous)}`)
    client.pragma(`cache_size = ${Number(cacheSize)}`)
  }
}

/**
 * Starts a load of history rows into `history_rows` under a new key. The readers call the sink synchronously as
 * they read; a write that fails stops further writes and is reported by `finish`, so a reader is never
 * interrupted half-way through a row.
 */
export const stageHistory = (client: Database.Database, now: string): HistoryStage => {
  const load = Number(client.prepare("INSERT INTO history_loads (created_at) VALUES (?)").run(now).lastInsertRowid)
  const insert = client.prepare("INSERT INTO history_rows (load, kind, customer_id, body) VALUES (?, ?, ?, ?)")
  const restorePragmas = bulkLoadPragmas(client)
  // One hash per kind, and one batch per kind, so that both follow each kind's own order: a live pull reads both
  // sides at once, and rows of different kinds arrive interleaved in an order that differs from run to run.
  const hashes: Record<HistoryKind, Hash> = { appointment: createHash("sha256"), service: createHash("sha256"), invoice: createHash("sha256") }
  const writeBatch = client.transaction((kind: HistoryKind, groups: ReadonlyMap<string, Array<string>>) => {
    // In the index's order: inserted as they came, a batch's rows landed all over an index of millions of rows,
    // each insert on a page no longer in the cache. A customer has one row per batch, so its rows keep their order.
    const inOrder = [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    for (const [customerId, rows] of inOrder) {
      const body = `[${rows.join(",")}]`
      // Hashed a customer's rows at a time: a call into the hash per row cost more than hashing the row.
      hashes[kind].update(customerId).update("\t").update(body).update("\n")
      insert.run(load, kind, customerId, body)
    }
  })
  const counts: Record<HistoryKind, number> = { appointment: 0, service: 0, invoice: 0 }
  const emptyBatches = (): Record<HistoryKind, Map<string, Array<string>>> => ({ appointment: new Map(), service: new Map(), invoice: new Map() })
  let batches = emptyBatches()
  const batchRows: Record<HistoryKind, number> = { appointment: 0, service: 0, invoice: 0 }
  let failure: { readonly cause: unknown } | null = null

  const flush = (kind: HistoryKind) => {
    if (failure === null && batchRows[kind] > 0) {
      try {
        writeBatch(kind, batches[kind])
      } catch (cause) {
        failure = { cause }
      }
    }
    batches[kind] = new Map()
    batchRows[kind] = 0
  }
  const add = (kind: HistoryKind, customerId: string, body: string) => {
    counts[kind]++
    if (failure !== null) return
    const rows = batches[kind].get(customerId)
    if (rows === undefined) batches[kind].set(customerId, [body])
    else rows.push(body)
    if (++batchRows[kind] >= BATCH_ROWS) flush(kind)
  }

  return {
    sink: {
      appointment: (row) => add("appointment", row.customerId, encodeAppointment(counts.appointment, row)),
      service: (row) => add("service", row.customerId, encodeService(counts.service, row)),
      invoice: (row) => add("invoice", row.customerId, encodeInvoice(counts.invoice, row))
    },
    finish: () => {
      flush("appointment")
      flush("service")
      flush("invoice")
      restorePragmas()
      if (failure !== null) return Either.left(failure.cause)
      const digest = createHash("sha256")
        .update([hashes.appointment.digest("hex"), hashes.service.digest("hex"), hashes.invoice.digest("hex")].join(":"))
        .digest("hex")
      return Either.right({
        ...readStoredHistory(client, load),
        counts: { appointments: counts.appointment, services: counts.service, invoices: counts.invoice },
        digest,
        storeKey: load
      })
    },
    discard: () => {
      batches = emptyBatches()
      restorePragmas()
      const saved = client.prepare("SELECT 1 FROM snapshots WHERE history_load = ?").get(load)
      if (saved === undefined) deleteLoad(client, load)
    }
  }
}

/** Deletes a load's rows and the load itself. */
export const deleteLoad = (client: Database.Database, load: number): void => {
  client.transaction(() => {
    client.prepare("DELETE FROM history_rows WHERE load = ?").run(load)
    client.prepare("DELETE FROM history_loads WHERE id = ?").run(load)
  })()
}
