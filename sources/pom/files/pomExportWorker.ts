// The POM export read on its own thread (see streamPomExportOnWorker.ts): parses the files, posts the history in
// batches encoded for the store as it goes, and ends with one message holding the customers or the error.
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Cause, Effect, Option, Schema } from "effect"
import { parentPort, workerData } from "node:worker_threads"
import { type EncodedHistory, historyEncoder } from "../../../sinks/store/historyGroups.ts"
import { HISTORY_BATCH_ROWS, toHistoryBatch } from "./historyBatch.ts"
import { encodeWorkerEnd, type PomExportWorkerEnd, type PomExportWorkerRead } from "./PomExportWorkerMessage.ts"
import { streamPomExport } from "./readPomExport.ts"

/** Slot 0: batches the starting thread has stored; slot 1: batches posted. */
const PomExportWorkerData = Schema.Struct({ dir: Schema.String, counters: Schema.instanceOf(SharedArrayBuffer) })

/**
 * Batches posted and not yet stored: beyond this the reader waits, so that a reader faster than the store never
 * piles the history up in memory (each batch is a few hundred kilobytes).
 */
const MAX_WAITING = 16

// A wait is cut into slices so that a worker told to stop, waiting here, stops within one.
const WAIT_SLICE_MS = 1_000

const run = (port: NonNullable<typeof parentPort>) => {
  const { dir, counters } = Schema.decodeUnknownSync(PomExportWorkerData)(workerData)
  const counts = new Int32Array(counters)
  const send = (encoded: EncodedHistory): void => {
    const batch = toHistoryBatch(encoded)
    for (let stored = Atomics.load(counts, 0); Atomics.load(counts, 1) - stored >= MAX_WAITING; stored = Atomics.load(counts, 0))
      Atomics.wait(counts, 0, stored, WAIT_SLICE_MS)
    Atomics.add(counts, 1, 1)
    port.postMessage(batch, [batch.lengths.buffer])
  }
  const encoder = historyEncoder(send, HISTORY_BATCH_ROWS)
  const sink = { ...encoder.sink, invoice: () => undefined }
  const end = (message: PomExportWorkerEnd) => port.postMessage(encodeWorkerEnd(message))
  // The records are plain data already, as the starting thread checks them: not encoded into a copy first.
  const read = (message: PomExportWorkerRead) => port.postMessage(message)
  return streamPomExport(dir, sink).pipe(
    Effect.tap(() => Effect.sync(encoder.flush)),
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
