import { Effect, Either, ParseResult } from "effect"
import { Worker } from "node:worker_threads"
import type { HistoryKind } from "../../../sinks/store/historyRowCodec.ts"
import type { HistoryStage } from "../../../sinks/store/stageHistory.ts"
import { fromHistoryBatch } from "./historyBatch.ts"
import { PomExportError } from "./PomExportError.ts"
import { decodeWorkerEnd, isCustomerBatch, isHistoryBatch, isWorkerRead } from "./PomExportWorkerMessage.ts"
import type { PomExportCustomers, PomExportRead } from "./readPomExport.ts"
import type { PomCustomer } from "../../../pipeline/domain/PomRecords.ts"
import { textInterner, type TextInterner } from "../../textInterner.ts"

/** Set by the bundle's banner (scripts/bundle.mjs) to the bundle's own URL; absent when running from the sources. */
declare const __bundleUrl: string | undefined

/** The file a worker thread runs, and the arguments it is given. */
export interface WorkerEntry {
  readonly file: URL
  readonly argv: ReadonlyArray<string>
}

/**
 * The bundle has the reader as its own file beside it (dist/pomExportWorker.cjs); from the sources the worker
 * loads tsx first, then the reader's TypeScript.
 */
export const pomExportWorkerEntry = (): WorkerEntry =>
  typeof __bundleUrl === "string"
    ? { file: new URL("pomExportWorker.cjs", __bundleUrl), argv: [] }
    : { file: new URL("../../workerFromSource.mjs", import.meta.url), argv: [new URL("pomExportWorker.ts", import.meta.url).href] }

/**
 * How long the worker may go without a word before it is taken for hung. Deciding how a file is written (its
 * encoding, whether any row is quoted) reads it once before its first row: at 1,000,000 customers that takes a
 * while on a loaded machine.
 */
const STALL_MS = 600_000
const STALL_CHECK_MS = 5_000

/** The customer with the texts customers share as this thread's one copy of each, as the reader on this thread keeps them. */
const interned = (shared: TextInterner, c: PomCustomer): PomCustomer => ({
  ...c,
  firstName: shared.text(c.firstName),
  lastName: shared.text(c.lastName),
  serviceAddress: shared.address(c.serviceAddress),
  billingAddress: c.billingAddress === null ? null : shared.address(c.billingAddress)
})

/**
 * `streamPomExport` on a worker thread: the same result, the same errors, and the same history rows in the same
 * order, encoded for the store as its own sink would have encoded them (see `historyEncoder`). Parsing a large
 * export takes minutes of CPU; on its own thread it no longer holds up what this thread does meanwhile (reading the
 * QBO snapshot, pulling from QBO's API, storing the history). The customers come back in batches, their shared texts
 * made one string again here (a clone copies every string); the history comes back in batches and goes to `store`
 * here, where the store is; the worker waits while too many are not yet stored.
 * A worker that dies, fails or falls silent fails the read with a PomExportError that says so; an interrupted read
 * stops the worker.
 */
export const streamPomExportOnWorker = (
  dir: string,
  store: Pick<HistoryStage, "storeEncoded" | "kindDone">,
  entry: WorkerEntry = pomExportWorkerEntry()
) =>
  Effect.async<PomExportCustomers, PomExportError>((resume) => {
    // Slot 0: batches stored here; slot 1: batches posted by the worker.
    const counters = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)
    const counts = new Int32Array(counters)
    const worker = new Worker(entry.file, { argv: [...entry.argv], workerData: { dir, counters } })
    const customers: Array<PomCustomer> = []
    const shared = textInterner()
    let settled = false
    let lastKind: HistoryKind | null = null
    let heardAt = Date.now()
    const stop = () => {
      settled = true
      clearInterval(watch)
      void worker.terminate()
    }
    const settle = (result: Effect.Effect<PomExportCustomers, PomExportError>) => {
      if (settled) return
      stop()
      resume(result)
    }
    const fail = (detail: string) =>
      settle(
        Effect.fail(
          new PomExportError({ file: dir, line: null, column: null, headersFound: [], detail: `${detail}; the export was not read: run again, and report it if it happens again` })
        )
      )

    const done = () => {
      Atomics.add(counts, 0, 1)
      Atomics.notify(counts, 0)
    }
    const finish = ({ _tag, ...read }: PomExportRead & { readonly _tag: "read" }) => settle(Effect.succeed({ customers, ...read }))

    worker.on("message", (message: unknown) => {
      if (settled) return
      heardAt = Date.now()
      if (isCustomerBatch(message)) {
        for (const c of message.customers) customers.push(interned(shared, c))
        return done()
      }
      if (isHistoryBatch(message)) {
        // The export's files are read one after the other: a batch of another kind means the last is done, and its
        // last rows can be stored while the worker reads on.
        if (lastKind !== null && message.kind !== lastKind) store.kindDone(lastKind)
        lastKind = message.kind
        store.storeEncoded(fromHistoryBatch(message))
        return done()
      }
      if (isWorkerRead(message)) return finish(message)
      Either.match(decodeWorkerEnd(message), {
        onLeft: (error) => fail(`the thread reading the POM export sent something unexpected (${ParseResult.TreeFormatter.formatErrorSync(error).split("\n")[0]})`),
        onRight: (end) => {
          switch (end._tag) {
            case "read":
              return finish(end)
            case "refused":
              return settle(Effect.fail(end.error))
            case "crashed":
              return fail(`reading the POM export failed unexpectedly (${end.cause.split("\n")[0]})`)
          }
        }
      })
    })
    worker.on("error", (error) => fail(`the thread reading the POM export failed (${error.message.split("\n")[0]})`))
    // Messages posted before the worker ended are delivered before this: an exit here is one without an answer.
    worker.on("exit", (code) => fail(`the thread reading the POM export stopped (exit code ${code}) before it finished`))
    const watch = setInterval(() => {
      // Batches the worker has posted and this thread has not stored yet: it is waiting on this thread, not hung.
      if (Atomics.load(counts, 1) > Atomics.load(counts, 0)) heardAt = Date.now()
      else if (Date.now() - heardAt > STALL_MS) fail(`the thread reading the POM export said nothing for ${STALL_MS / 1000} s`)
    }, STALL_CHECK_MS)
    watch.unref()
    return Effect.sync(stop)
  }).pipe(Effect.withSpan("streamPomExportOnWorker", { attributes: { dir } }))
