import { NodeFileSystem } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { collectingSink } from "../../../../pipeline/domain/History.ts"
import { HISTORY_BATCH_ROWS } from "../../../../sources/pom/files/historyBatch.ts"
import { streamPomExport } from "../../../../sources/pom/files/readPomExport.ts"
import { streamPomExportOnWorker } from "../../../../sources/pom/files/streamPomExportOnWorker.ts"
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
const readWith = (read: typeof streamPomExport, dir: string) =>
  Effect.suspend(() => {
    const collected = collectingSink()
    return Effect.map(read(dir, collected.sink), (result) => ({ result, appointments: collected.appointments, services: collected.services }))
  })

const onWorker = (dir: string, sink: Parameters<typeof streamPomExport>[1]) => streamPomExportOnWorker(dir, sink)

describe("streamPomExportOnWorker", () => {
  it.scoped("reads an export exactly as the reader on this thread does: customers, set-aside rows and history in order", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith(mixedExport())
      const here = yield* readWith(streamPomExport, dir)
      const there = yield* readWith(onWorker, dir)
      // The export is meant to exercise every path: guard against it silently losing them.
      expect(here.result.rejected.length).toBeGreaterThan(100)
      expect(here.result.unreadable.length).toBeGreaterThan(10)
      expect(here.appointments.length).toBeGreaterThan(HISTORY_BATCH_ROWS)
      expect(here.services.some((s) => s.appointmentId === null) && here.appointments.some((a) => a.scheduledAt === null)).toBe(true)
      expect(there).toEqual(here)
      // toEqual ignores the order of keys: downstream files are written in it, so it must be the same too.
      expect(there.result.customers.map((c) => Object.keys(c).join())).toEqual(here.result.customers.map((c) => Object.keys(c).join()))
      expect(there.appointments.map((a) => Object.keys(a).join())).toEqual(here.appointments.map((a) => Object.keys(a).join()))
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("hands back more customers than one message holds, in the order read, with the same history", () =>
    Effect.gen(function* () {
      const lines = ["id,firstName,lastName,email,street,city,state,zipCode,status,quickbooksId"]
      for (let i = 1; i <= 3 * 4096 + 17; i++) lines.push(`c${i},Ann ${i % 13},Lee,ann${i}@example.com,${i} Elm St,Dublin ${i % 7},OH,43017,${i % 5 === 0 ? "Lead" : "Active"},${i % 3 === 0 ? i : ""}`)
      const dir = yield* tempFolderWith({ "customers.csv": csv(lines), "appointments.csv": csv(["id,customerId,scheduledAt,status", "a1,c1,2024-04-02,Done", "a2,c12300,,"]) })
      const here = yield* readWith(streamPomExport, dir)
      const there = yield* readWith(onWorker, dir)
      expect(here.result.customers).toHaveLength(3 * 4096 + 17)
      expect(there).toEqual(here)
      expect(there.result.customers.map((c) => c.id)).toEqual(here.result.customers.map((c) => c.id))
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("reads a spreadsheet-saved export with BOM, CRLF and human headers as this thread does", () =>
    Effect.gen(function* () {
      const dir = fixturePath("pom", "excel-export")
      expect(yield* readWith(onWorker, dir)).toEqual(yield* readWith(streamPomExport, dir))
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails with the reader's own error, file, line and message, for a missing column or a missing file", () =>
    Effect.gen(function* () {
      const noStatus = yield* tempFolderWith({ "customers.csv": "id,firstName,lastName\n1,Ann,Lee\n" })
      const noCustomers = yield* tempFolderWith({ "appointments.csv": "id,customerId,scheduledAt,status\n" })
      const badHistory = yield* tempFolderWith({ "customers.csv": "id,status\n1,Active\n", "appointments.csv": "id,scheduledAt\na1,2024-01-01\n" })
      for (const dir of [noStatus, noCustomers, badHistory, "/nonexistent/pom-export"]) {
        const here = yield* Effect.flip(streamPomExport(dir, collectingSink().sink))
        const there = yield* Effect.flip(onWorker(dir, collectingSink().sink))
        expect(there._tag).toBe("PomExportError")
        expect(there.message).toBe(here.message)
        expect(there).toEqual(here)
      }
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  const failureOf = (worker: string) =>
    Effect.flip(
      streamPomExportOnWorker(fixturePath("pom", "excel-export"), collectingSink().sink, { file: new URL(`file://${fixturePath("workers", worker)}`), argv: [] })
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
