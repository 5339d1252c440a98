import { NodeFileSystem } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { collectingSink } from "../../../../pipeline/domain/History.ts"
import { PomAppointment, PomService } from "../../../../pipeline/domain/PomRecords.ts"
import { streamPomExport, type PomExportCustomers } from "../../../../sources/pom/files/readPomExport.ts"
import type { PomExportError } from "../../../../sources/pom/files/PomExportError.ts"
import { HISTORY_BATCH_ROWS } from "../../../../sources/pom/files/historyBatch.ts"
import { streamPomExportOnWorker } from "../../../../sources/pom/files/streamPomExportOnWorker.ts"
import { allStoredRows } from "../../../../sinks/store/readStoredHistory.ts"
import type { HistoryStage } from "../../../../sinks/store/stageHistory.ts"
import { Store } from "../../../../sinks/store/Store.ts"
import { fixturePath, tempFolderWith } from "../../csv/tempFiles.ts"

const csv = (lines: ReadonlyArray<string>): string => lines.join("\n") + "\n"

/**
 * An export with a bit of everything the reader keeps apart: rejected and unreadable customers, history of unknown
 * and rejected customers, empty and bad optional fields, and more history than fits in a few batches.
 */
const mixedExport = () => {
  const customers = ["id,firstName,lastName,email,phone,street,city,state,zipCode,status,quickbooksId,createdAt"]
  for (let i = 1; i <= 300; i++) {
    const status = i % 50 === 0 ? "GONE" : i % 7 === 0 ? "Lead" : "Active"
    customers.push(`${i},Ann ${i},Lee,ann${i}@example.com,555-01${i % 100},${i} Elm St,Dublin,OH,43017,${status},${i % 3 === 0 ? 900 + i : ""},${i % 41 === 0 ? "31/12/2023" : "2021-03-14"}`)
  }
  const appointments = ["id,customerId,scheduledAt,status"]
  for (let i = 1; i <= 2 * HISTORY_BATCH_ROWS + 1000; i++)
    appointments.push(`a${i},${(i % 310) + 1},${i % 97 === 0 ? "someday" : i % 11 === 0 ? "" : "2024-04-02T09:00:00"},${i % 5 === 0 ? "" : "Completed"}`)
  const services = ["id,customerId,appointmentId,completedAt"]
  for (let i = 1; i <= HISTORY_BATCH_ROWS + 7; i++) services.push(`s${i},${(i % 305) + 1},${i % 4 === 0 ? "" : `a${i}`},${i % 9 === 0 ? "" : "2024-04-02T09:42:00"}`)
  return { "customers.csv": csv(customers), "appointments.csv": csv(appointments), "services.csv": csv(services) }
}

/** A read with every history row it handed on, in the order handed. */
const readWith = (dir: string) =>
  Effect.suspend(() => {
    const collected = collectingSink()
    return Effect.map(streamPomExport(dir, collected.sink), (result) => ({ result, appointments: collected.appointments, services: collected.services }))
  })

/**
 * A read into a fresh store, with what the store then holds: the history's key, counts and digest, and every
 * stored row as it lies in the table (its kind, customer and body), by the index's key.
 */
const storedBy = <R>(read: (stage: HistoryStage) => Effect.Effect<PomExportCustomers, PomExportError, R>) =>
  Effect.gen(function* () {
    const store = yield* Store
    const stage = yield* store.stageHistoryRows("2026-12-01T00:00:00Z")
    const result = yield* read(stage)
    const history = yield* store.finishHistory(stage)
    const rows = store.db.$client
      .prepare("SELECT kind, customer_id, body FROM history_rows WHERE load = ? ORDER BY kind, customer_id, rowid")
      .all(history.storeKey)
    const records = {
      appointments: allStoredRows(store.db.$client, history.storeKey, "appointment", Schema.decodeUnknownSync(PomAppointment)),
      services: allStoredRows(store.db.$client, history.storeKey, "service", Schema.decodeUnknownSync(PomService))
    }
    return { result, counts: history.counts, digest: history.digest, rows, records }
  }).pipe(Effect.provide(Store.layerMemory))

/** Where a read that is to fail sends its history. */
const ignored = { storeEncoded: () => undefined, kindDone: () => undefined }

const onWorker = (dir: string) => storedBy((stage) => streamPomExportOnWorker(dir, stage))
const onThisThread = (dir: string) => storedBy((stage) => streamPomExport(dir, stage.sink))

describe("streamPomExportOnWorker", () => {
  it.scoped("reads an export as the reader on this thread does, and stores its history exactly as the store's own sink does", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith(mixedExport())
      const read = yield* readWith(dir)
      const here = yield* onThisThread(dir)
      const there = yield* onWorker(dir)
      // The export is meant to exercise every path: guard against it silently losing them.
      expect(read.result.rejected.length).toBeGreaterThan(100)
      expect(read.result.unreadable.length).toBeGreaterThan(10)
      expect(read.appointments.length).toBeGreaterThan(HISTORY_BATCH_ROWS)
      expect(read.services.some((s) => s.appointmentId === null) && read.appointments.some((a) => a.scheduledAt === null)).toBe(true)
      expect(there.result).toEqual(read.result)
      // toEqual ignores the order of keys: downstream files are written in it, so it must be the same too.
      expect(there.result.customers.map((c) => Object.keys(c).join())).toEqual(read.result.customers.map((c) => Object.keys(c).join()))
      // The store's rows byte for byte, and the digest that names the snapshot.
      expect(there.rows.length).toBeGreaterThan(500)
      expect(there.rows).toEqual(here.rows)
      expect(there.digest).toBe(here.digest)
      expect(there.counts).toEqual({ appointments: read.appointments.length, services: read.services.length, invoices: 0 })
      // And read back, the rows the reader handed on, in the order it handed them.
      expect(there.records).toEqual({ appointments: read.appointments, services: read.services })
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("hands back more customers than one message holds, in the order read, with the same history", () =>
    Effect.gen(function* () {
      const lines = ["id,firstName,lastName,email,street,city,state,zipCode,status,quickbooksId"]
      for (let i = 1; i <= 3 * 4096 + 17; i++) lines.push(`c${i},Ann ${i % 13},Lee,ann${i}@example.com,${i} Elm St,Dublin ${i % 7},OH,43017,${i % 5 === 0 ? "Lead" : "Active"},${i % 3 === 0 ? i : ""}`)
      const dir = yield* tempFolderWith({ "customers.csv": csv(lines), "appointments.csv": csv(["id,customerId,scheduledAt,status", "a1,c1,2024-04-02,Done", "a2,c12300,,"]) })
      const here = yield* onThisThread(dir)
      const there = yield* onWorker(dir)
      expect(here.result.customers).toHaveLength(3 * 4096 + 17)
      expect(there).toEqual(here)
      expect(there.result.customers.map((c) => c.id)).toEqual(here.result.customers.map((c) => c.id))
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("reads a spreadsheet-saved export with BOM, CRLF and human headers as this thread does", () =>
    Effect.gen(function* () {
      const dir = fixturePath("pom", "excel-export")
      const here = yield* onThisThread(dir)
      expect(here.counts.appointments + here.counts.services).toBeGreaterThan(0)
      expect(yield* onWorker(dir)).toEqual(here)
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails with the reader's own error, file, line and message, for a missing column or a missing file", () =>
    Effect.gen(function* () {
      const noStatus = yield* tempFolderWith({ "customers.csv": "id,firstName,lastName\n1,Ann,Lee\n" })
      const noCustomers = yield* tempFolderWith({ "appointments.csv": "id,customerId,scheduledAt,status\n" })
      const badHistory = yield* tempFolderWith({ "customers.csv": "id,status\n1,Active\n", "appointments.csv": "id,scheduledAt\na1,2024-01-01\n" })
      for (const dir of [noStatus, noCustomers, badHistory, "/nonexistent/pom-export"]) {
        const here = yield* Effect.flip(streamPomExport(dir, collectingSink().sink))
        const there = yield* Effect.flip(streamPomExportOnWorker(dir, ignored))
        expect(there._tag).toBe("PomExportError")
        expect(there.message).toBe(here.message)
        expect(there).toEqual(here)
      }
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  const failureOf = (worker: string) =>
    Effect.flip(
      streamPomExportOnWorker(fixturePath("pom", "excel-export"), ignored, { file: new URL(`file://${fixturePath("workers", worker)}`), argv: [] })
    )

  it.effect("reports a worker that dies, throws or answers nonsense as a failed read instead of waiting for it", () =>
    Effect.gen(function* () {
      const died = yield* failureOf("exitsEarly.mjs")
      expect(died._tag).toBe("PomExportError")
      expect(died.message).toContain("stopped (exit code 3) before it finished")
      expect(died.file).toBe(fixturePath("pom", "excel-export"))
      expect((yield* failureOf("throws.mjs")).message).toContain("the reader broke")
      expect((yield* failureOf("answersNonsense.mjs")).message).toContain("sent something unexpected")
    })
  )
})
