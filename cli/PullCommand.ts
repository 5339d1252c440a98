import { Command } from "@effect/cli"
import { Console, Effect } from "effect"
import { RunId } from "../pipeline/domain/Ids.ts"
import { loadSnapshot } from "../sources/loadSnapshot.ts"
import { withRunLock } from "../sinks/store/RunLock.ts"
import { Store } from "../sinks/store/Store.ts"
import { withTerminalProgress } from "../reports/TerminalProgress.ts"
import { chosenSources, pomApi, pomCsv, qboApi, qboSnapshot } from "./runOptions.ts"
import { dbOption, jsonOption } from "./sharedOptions.ts"

/**
 * Pulls both customer lists and stores them as a snapshot, without matching. The snapshot is saved only once
 * both sides are read whole: a failed pull leaves the previous one as it was.
 */
export const pullCommand = Command.make("pull", { pomCsv, qboSnapshot, pomApi, qboApi, db: dbOption, json: jsonOption }, (args) =>
  Effect.gen(function* () {
    yield* withRunLock("pull")
    const store = yield* Store
    const sources = yield* chosenSources(args)
    const started = new Date().toISOString()
    const runId = RunId.make(`P-${started.replace(/[-:]/g, "").replace("T", "-").slice(0, 15)}-${Math.random().toString(36).slice(2, 6)}`)
    yield* store.startRun(runId, "pull", { pom: sources.pom._tag, qbo: sources.qbo._tag }, started)
    const loaded = yield* withTerminalProgress(loadSnapshot(sources.pom, sources.qbo)).pipe(
      Effect.tapError(() => store.finishRun(runId, { status: "failed", snapshotId: null, summary: null, now: new Date().toISOString() }).pipe(Effect.ignore))
    )
    const snapshotId = yield* store.saveSnapshot(loaded.snapshot, started)
    const summary = {
      runId,
      snapshotId,
      records: {
        pomCustomers: loaded.snapshot.pom.customers.length,
        appointments: loaded.snapshot.history.counts.appointments,
        services: loaded.snapshot.history.counts.services,
        qboCustomers: loaded.snapshot.qbo.customers.length,
        invoices: loaded.snapshot.history.counts.invoices
      },
      rejected: loaded.rejected.length,
      timings: loaded.readTimings
    }
    yield* store.finishRun(runId, { status: "ok", snapshotId, summary, now: new Date().toISOString() })
    yield* Console.log(
      args.json
        ? JSON.stringify(summary)
        : `Pulled ${summary.records.pomCustomers} POM customers, ${summary.records.qboCustomers} QBO customers, ${summary.records.invoices} invoices: snapshot ${snapshotId} in ${store.path}`
    )
  }).pipe(Effect.scoped, Effect.provide(Store.layer(args.db)))
).pipe(Command.withDescription("Pull both customer lists and store them as a snapshot, without matching"))
