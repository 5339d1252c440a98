import type Database from "better-sqlite3"
import { Either } from "effect"
import { createHash, type Hash } from "node:crypto"
import type { HistorySink } from "../../pipeline/domain/History.ts"
import type { StoredHistory } from "../../pipeline/domain/LoadedSnapshot.ts"
import { encodeAppointment, encodeInvoice, encodeService, type HistoryKind } from "./historyRowCodec.ts"
import { readStoredHistory } from "./readStoredHistory.ts"

/**
 * Rows are written in batches of this many, each batch in one transaction, and a batch's rows of one customer and
 * kind as one stored row: a row per record cost more in the index than the record itself, and one commit per
 * row would spend the run waiting on the disk. A company's history arrives in date order, spread over all its
 * customers, so the batch must be large for a customer's rows to meet in it; it stays a few tens of MB.
 */
const BATCH_ROWS = 250_000

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
  const writeBatch = client.transaction((groups: ReadonlyMap<string, Group>) => {
    for (const group of groups.values()) insert.run(load, group.kind, group.customerId, `[${group.rows.join(",")}]`)
  })
  // One hash per kind: a live pull reads both sides at once, so rows of different kinds arrive interleaved in an
  // order that differs from run to run, while each kind's own order is the source's.
  const hashes: Record<HistoryKind, Hash> = { appointment: createHash("sha256"), service: createHash("sha256"), invoice: createHash("sha256") }
  // Rows are hashed a few dozen KB at a time: a call into the hash per row cost more than hashing the row.
  const unhashed: Record<HistoryKind, string> = { appointment: "", service: "", invoice: "" }
  const hashPending = (kind: HistoryKind) => {
    hashes[kind].update(unhashed[kind])
    unhashed[kind] = ""
  }
  const counts: Record<HistoryKind, number> = { appointment: 0, service: 0, invoice: 0 }
  let batch = new Map<string, Group>()
  let batchRows = 0
  let failure: { readonly cause: unknown } | null = null

  const flush = () => {
    if (failure !== null || batchRows === 0) return
    try {
      writeBatch(batch)
    } catch (cause) {
      failure = { cause }
    }
    batch = new Map()
    batchRows = 0
  }
  const add = (kind: HistoryKind, customerId: string, body: string) => {
    unhashed[kind] += `${body}\n`
    if (unhashed[kind].length >= 65_536) hashPending(kind)
    counts[kind]++
    if (failure !== null) return
    const key = `${kind}:${customerId}`
    const group = batch.get(key)
    if (group === undefined) batch.set(key, { kind, customerId, rows: [body] })
    else group.rows.push(body)
    if (++batchRows >= BATCH_ROWS) flush()
  }

  return {
    sink: {
      appointment: (row) => add("appointment", row.customerId, encodeAppointment(counts.appointment, row)),
      service: (row) => add("service", row.customerId, encodeService(counts.service, row)),
      invoice: (row) => add("invoice", row.customerId, encodeInvoice(counts.invoice, row))
    },
    finish: () => {
      flush()
      restorePragmas()
      if (failure !== null) return Either.left(failure.cause)
      hashPending("appointment")
      hashPending("service")
      hashPending("invoice")
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
      batch = new Map()
      batchRows = 0
      restorePragmas()
      const saved = client.prepare("SELECT 1 FROM snapshots WHERE history_load = ?").get(load)
      if (saved === undefined) deleteLoad(client, load)
    }
  }
}

/** One customer's rows of one kind in a batch, in the order read. */
interface Group {
  readonly kind: HistoryKind
  readonly customerId: string
  readonly rows: Array<string>
}

/** Deletes a load's rows and the load itself. */
export const deleteLoad = (client: Database.Database, load: number): void => {
  client.transaction(() => {
    client.prepare("DELETE FROM history_rows WHERE load = ?").run(load)
    client.prepare("DELETE FROM history_loads WHERE id = ?").run(load)
  })()
}
