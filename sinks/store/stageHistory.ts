import type Database from "better-sqlite3"
import { Either } from "effect"
import { createHash, type Hash } from "node:crypto"
import type { HistorySink } from "../../pipeline/domain/History.ts"
import type { StoredHistory } from "../../pipeline/domain/LoadedSnapshot.ts"
import { type EncodedHistory, type GroupedHistory, historyGrouper } from "./historyGroups.ts"
import type { HistoryKind } from "./historyRowCodec.ts"
import { readStoredHistory } from "./readStoredHistory.ts"

/** History being written to the store as it is read: the sink the readers feed, and how the load ends. */
export interface HistoryStage {
  readonly sink: HistorySink
  /**
   * Takes rows encoded elsewhere (see `historyEncoder`), for a reader that encodes them on its own thread. A kind's
   * rows must come in the order read, and either all here or all through `sink`.
   */
  readonly storeEncoded: (batch: EncodedHistory) => void
  /** No more rows of this kind will come: what is left of them is written now rather than by `finish`. */
  readonly kindDone: (kind: HistoryKind) => void
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
  // One hash per kind, and batches of one kind, so that both follow each kind's own order: a live pull reads both
  // sides at once, and rows of different kinds arrive interleaved in an order that differs from run to run.
  const hashes: Record<HistoryKind, Hash> = { appointment: createHash("sha256"), service: createHash("sha256"), invoice: createHash("sha256") }
  const counts: Record<HistoryKind, number> = { appointment: 0, service: 0, invoice: 0 }
  let failure: { readonly cause: unknown } | null = null
  const writeBatch = client.transaction((batch: GroupedHistory) => {
    const { kind, customerIds, bodies } = batch
    for (let i = 0; i < customerIds.length; i++) {
      const customerId = customerIds[i] ?? ""
      const body = bodies[i] ?? ""
      // Hashed a customer's rows at a time: a call into the hash per row cost more than hashing the row.
      hashes[kind].update(customerId).update("\t").update(body).update("\n")
      insert.run(load, kind, customerId, body)
    }
  })
  const storeGrouped = (batch: GroupedHistory): void => {
    if (failure !== null) return
    try {
      writeBatch(batch)
      counts[batch.kind] += batch.rows
    } catch (cause) {
      failure = { cause }
    }
  }
  const grouper = historyGrouper(storeGrouped)
  const storeEncoded = (batch: EncodedHistory): void => {
    if (failure !== null) return
    // Places are what puts a kind's rows back in the order read: rows out of that order would scramble them.
    if (!grouper.addEncoded(batch)) {
      failure = {
        cause: new Error(
          `${batch.kind} rows from place ${batch.firstSeq} came after ${grouper.placed(batch.kind)} rows of their kind: a kind's rows must come from one reader, in order`
        )
      }
    }
  }

  return {
    sink: grouper.sink,
    storeEncoded,
    kindDone: (kind) => grouper.flush(kind),
    finish: () => {
      grouper.flush("appointment")
      grouper.flush("service")
      grouper.flush("invoice")
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
      grouper.clear()
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
