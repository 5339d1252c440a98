// The POM export read on its own thread (see streamPomExportOnWorker.ts): parses the files, posts the customers and
// the history (encoded for the store) in batches as it goes, and ends with one message holding the rows set aside
// or the error.
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Cause, Effect, Option, Schema } from "effect"
import { parentPort, workerData } from "node:worker_threads"
import { type EncodedHistory, historyEncoder } from "../../../sinks/store/historyGroups.ts"
import { HISTORY_BATCH_ROWS, type HistoryBatch, toHistoryBatch } from "./historyBatch.ts"
import type { PomAppointment, PomCustomer, PomService } from "../../../pipeline/domain/PomRecords.ts"
import {
  encodeWorkerEnd,
  type PomExportWorkerCustomers,
  type PomExportWorkerEnd,
  type PomExportWorkerRead
} from "./PomExportWorkerMessage.ts"
import { streamPomExportTo } from "./readPomExport.ts"

/** Slot 0: batches the starting thread has stored; slot 1: batches posted. */
const PomExportWorkerData = Schema.Struct({ dir: Schema.String, counters: Schema.instanceOf(SharedArrayBuffer) })

/**
 * Batches posted and not yet stored: beyond this the reader waits, so that a reader faster than the store never
 * piles the history up in memory (each batch is a few hundred kilobytes). With 16, at 10,000 heavy customers, the
 * reader stops 70–160 ms while the store writes a kind's last rows at once (`kindDone`); 64 saved that, but during a
 * live QBO pull the main thread then had more batches to store at a stretch and started fewer requests: 87.8 % of
 * QBO's 500 a minute against 91.7 % with 16, one run each, back to back (`npm run bench -- --only qbo-pull-100k`).
 */
const MAX_WAITING = 16

/** Customers per message: about a megabyte cloned, few enough messages for their cost not to count. */
const CUSTOMER_BATCH_ROWS = 4096

// A wait is cut into slices so that a worker told to stop, waiting here, stops within one.
const WAIT_SLICE_MS = 1_000

const run = (port: NonNullable<typeof parentPort>) => {
  const { dir, counters } = Schema.decodeUnknownSync(PomExportWorkerData)(workerData)
  const counts = new Int32Array(counters)
  // Customer batches count as batches too: a reader far ahead of this thread waits rather than queue them all.
  const post = (message: HistoryBatch | PomExportWorkerCustomers, transfer: ReadonlyArray<ArrayBuffer>): void => {
    for (let stored = Atomics.load(counts, 0); Atomics.load(counts, 1) - stored >= MAX_WAITING; stored = Atomics.load(counts, 0))
      Atomics.wait(counts, 0, stored, WAIT_SLICE_MS)
    Atomics.add(counts, 1, 1)
    port.postMessage(message, [...transfer])
  }
  const send = (encoded: EncodedHistory): void => {
    const batch = toHistoryBatch(encoded)
    post(batch, [batch.lengths.buffer])
  }
  const encoder = historyEncoder(send, HISTORY_BATCH_ROWS)
  let customers: Array<PomCustomer> = []
  const flushCustomers = (): void => {
    if (customers.length === 0) return
    post({ _tag: "customers", customers }, [])
    customers = []
  }
  // Every customer is read before the first history row: the last of them go first, so the messages keep the
  // order of the read.
  const sink = {
    customer: (customer: PomCustomer): void => {
      if (customers.push(customer) === CUSTOMER_BATCH_ROWS) flushCustomers()
    },
    appointment: (row: PomAppointment): void => {
      flushCustomers()
      encoder.sink.appointment(row)
    },
    service: (row: PomService): void => {
      flushCustomers()
      encoder.sink.service(row)
    }
  }
  const end = (message: PomExportWorkerEnd) => port.postMessage(encodeWorkerEnd(message))
  // The records are plain data already, as the starting thread checks them: not encoded into a copy first.
  const read = (message: PomExportWorkerRead) => port.postMessage(message)
  return streamPomExportTo(dir, sink).pipe(
    Effect.tap(() =>
      Effect.sync(() => {
        flushCustomers()
        encoder.flush()
      })
    ),
    Effect.matchCauseEffect({
      onSuccess: (result) => Effect.sync(() => read({ _tag: "read", ...result })),
      onFailure: (cause) =>
        Effect.sync(() =>
          Option.match(Cause.failureOption(cause), {
            onSome: (error) => end({ _tag: "refused", error }),
            onNone: () => end({ _tag: "crashed", cause: Cause.pretty(cause) })
          })
        )
    }),
    Effect.provide(NodeFileSystem.layer)
  )
}

if (parentPort !== null) Effect.runFork(run(parentPort))
