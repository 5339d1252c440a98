import type Database from "better-sqlite3"
import { Either } from "effect"
import { createHash, type Hash } from "node:crypto"
import type { HistorySink } from "../../pipeline/domain/History.ts"
import type { StoredHistory } from "../../pipeline/domain/LoadedSnapshot.ts"
import type { PomAppointment, PomService } from "../../pipeline/domain/PomRecords.ts"
import type { QboInvoice } from "../../pipeline/domain/QboRecords.ts"
import { readStoredHistory } from "./readStoredHistory.ts"

type Kind = "appointment" | "service" | "invoice"

/**
 * Rows are written this many at a time, each batch in one transaction: one commit per row would spend the run
 * waiting on the disk, and one for everything would hold a company's history in the write-ahead log at once.
 */
const BATCH_ROWS = 20_000

/** History being written to the store as it is read: the sink the readers feed, and how the load ends. */
export interface HistoryStage {
  readonly sink: HistorySink
  /** Writes what is left and gives the stored history; a failed write on the way is returned here. */
  readonly finish: () => Either.Either<StoredHistory, unknown>
  /** Deletes the rows written so far (the read failed), unless a snapshot already points at them. */
  readonly discard: () => void
}

/**
 * Starts a load of history rows into `history_rows` under a new key. The readers call the sink synchronously as
 * they read; a write that fails stops further writes and is reported by `finish`, so a reader is never
 * interrupted half-way through a row.
 */
export const stageHistory = (client: Database.Database, now: string): HistoryStage => {
  const load = Number(client.prepare("INSERT INTO history_loads (created_at) VALUES (?)").run(now).lastInsertRowid)
  const insert = client.prepare("INSERT INTO history_rows (load, kind, customer_id, body) VALUES (?, ?, ?, ?)")
  const writeBatch = client.transaction((rows: ReadonlyArray<readonly [Kind, string, string]>) => {
    for (const [kind, customerId, body] of rows) insert.run(load, kind, customerId, body)
  })
  // One hash per kind: a live pull reads both sides at once, so rows of different kinds arrive interleaved in an
  // order that differs from run to run, while each kind's own order is the source's.
  const hashes: Record<Kind, Hash> = { appointment: createHash("sha256"), service: createHash("sha256"), invoice: createHash("sha256") }
  const counts: Record<Kind, number> = { appointment: 0, service: 0, invoice: 0 }
  let batch: Array<readonly [Kind, string, string]> = []
  let failure: { readonly cause: unknown } | null = null

  const flush = () => {
    if (failure !== null || batch.length === 0) return
    try {
      writeBatch(batch)
    } catch (cause) {
      failure = { cause }
    }
    batch = []
  }
  // The records' encoded form is the records themselves (plain fields, branded ids): written as they are, since
  // running the encoder over millions of rows costs more than the insert. Reading them back decodes them.
  const add = (kind: Kind, customerId: string, record: PomAppointment | PomService | QboInvoice) => {
    const body = JSON.stringify(record)
    hashes[kind].update(body).update("\n")
    counts[kind]++
    if (failure !== null) return
    batch.push([kind, customerId, body])
    if (batch.length >= BATCH_ROWS) flush()
  }

  return {
    sink: {
      appointment: (row) => add("appointment", row.customerId, row),
      service: (row) => add("service", row.customerId, row),
      invoice: (row) => add("invoice", row.customerId, row)
    },
    finish: () => {
      flush()
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
      batch = []
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
