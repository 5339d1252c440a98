// The POM export read on its own thread (see streamPomExportOnWorker.ts): parses the files, posts the history in
// batches ready for the store as it goes, and ends with one message holding the customers or the error.
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Cause, Effect, Option, Schema } from "effect"
import { parentPort, workerData } from "node:worker_threads"
import type { HistorySink } from "../../../pipeline/domain/History.ts"
import { type GroupedHistory, historyGrouper } from "../../../sinks/store/historyGroups.ts"
import { toHistoryBatch } from "./historyBatch.ts"
import { encodeWorkerEnd, type PomExportWorkerEnd, type PomExportWorkerRead } from "./PomExportWorkerMessage.ts"
import { streamPomExport } from "./readPomExport.ts"

/** Slot 0: batches the starting thread has stored; slot 1: batches posted. */
const PomExportWorkerData = Schema.Struct({ dir: Schema.String, counters: Schema.instanceOf(SharedArrayBuffer) })

/**
 * Batches posted and not yet stored: beyond this the reader waits, so that a reader faster than the store never
 * piles the history up in memory (a batch is up to `HISTORY_GROUP_ROWS` rows, tens of megabytes of text; storing
 * one takes a fraction of the time reading it does, so the reader seldom waits).
 */
const MAX_WAITING = 2

// A wait is cut into slices so that a worker told to stop, waiting here, stops within one.
const WAIT_SLICE_MS = 1_000

const run = (port: NonNullable<typeof parentPort>) => {
  const { dir, counters } = Schema.decodeUnknownSync(PomExportWorkerData)(workerData)
  const counts = new Int32Array(counters)
  const send = (grouped: GroupedHistory): void => {
    const batch = toHistoryBatch(grouped)
    for (let stored = Atomics.load(counts, 0); Atomics.load(counts, 1) - stored >= MAX_WAITING; stored = Atomics.load(counts, 0))
      Atomics.wait(counts, 0, stored, WAIT_SLICE_MS)
    Atomics.add(counts, 1, 1)
    port.postMessage(batch, [batch.lengths.buffer])
  }
  const grouper = historyGrouper(send)
  let servicesBegun = false
  const sink: HistorySink = {
    appointment: grouper.sink.appointment,
    // The appointments are read whole before the first service: their last batch goes now, to be stored while the
    // services are read, rather than with them at the end.
    service: (row) => {
      if (!servicesBegun) {
        servicesBegun = true
        grouper.flush("appointment")
      }
      grouper.sink.service(row)
    },
    invoice: () => undefined
  }
  const flush = () => {
    grouper.flush("appointment")
    grouper.flush("service")
  }
  const end = (message: PomExportWorkerEnd) => port.postMessage(encodeWorkerEnd(message))
  // The records are plain data already, as the starting thread checks them: not encoded into a copy first.
  const read = (message: PomExportWorkerRead) => port.postMessage(message)
  return streamPomExport(dir, sink).pipe(
    Effect.tap(() => Effect.sync(flush)),
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
