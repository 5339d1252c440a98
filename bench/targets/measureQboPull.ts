import { FileSystem, Path } from "@effect/platform"
import { Effect } from "effect"
import { fileURLToPath } from "node:url"
import { startQboServer } from "../../test/servers/qbo/QboServer.ts"
import { connectStore } from "../../test/servers/qbo/connectStore.ts"
import { peakInWindow, qboPullData, startsPerMinute } from "../qboPullData.ts"
import { BenchRunError, runMeasured } from "../runMeasured.ts"
import type { QboPullPart } from "./BenchPart.ts"
import type { CachedCompany } from "./cachedCompany.ts"
import type { Figure } from "./PartResult.ts"

const repoRoot = fileURLToPath(new URL("../..", import.meta.url))

const ceilingPerMinute = 500

/**
 * `reconcile pull --qbo-api --pom-csv DIR` as its own process under GNU time, against a local QBO server in this
 * process with QBO's limits on and every answer taking 1 s, while the same process reads a large POM export: the
 * pull must keep its pace with the other side's parsing on the same thread. The peak RSS is the CLI's alone (the
 * server's memory is this process's); pacing is measured where QBO measures it, at the server.
 */
export const measureQboPull = (part: QboPullPart, pomCompany: CachedCompany, options: { readonly sampling: boolean }) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const scratch = yield* fs.makeTempDirectoryScoped({ prefix: "reconcile-bench-qbo-" })
    const server = yield* Effect.acquireRelease(
      Effect.promise(() =>
        startQboServer({ ...qboPullData(part.customers, part.invoices), answerLatency: { minMillis: 1_000, maxMillis: 1_000 } })
      ),
      (started) => Effect.promise(() => started.close())
    )
    const db = path.join(scratch, "reconcile.db")
    yield* connectStore(server, db)
    const run = yield* runMeasured(
      process.execPath,
      [path.join(repoRoot, "bin/reconcile.mjs"), "pull", "--qbo-api", "--pom-csv", path.join(pomCompany.dir, "pom"), "--db", db, "--json"],
      {
        cwd: repoRoot,
        timeReport: path.join(scratch, "time.txt"),
        sampling: options.sampling,
        env: { QBO_BASE_URL: server.url, QBO_CLIENT_ID: server.clientId, QBO_CLIENT_SECRET: server.clientSecret, QBO_ENVIRONMENT: "sandbox" }
      }
    )
    if (run.exitCode !== 0) {
      return yield* new BenchRunError({ command: "reconcile pull --qbo-api", detail: `exited with ${run.exitCode}: ${run.stderr.slice(-2000) || "(nothing on stderr)"}` })
    }
    const admitted = server.stats.admittedAt
    const figures: ReadonlyArray<Figure> = [
      {
        name: "share of 500/min",
        value: startsPerMinute(admitted) / ceilingPerMinute,
        unit: "share",
        target: { bound: "at least", limit: part.minShareOfCeiling },
        detail: `${admitted.length.toLocaleString("en-US")} requests admitted; at most ${peakInWindow(admitted, 1_000)} in a second, ${peakInWindow(admitted, 60_000)} in a minute`
      },
      { name: "answered 429", value: server.stats.throttled, unit: "count", target: { bound: "at most", limit: 0 }, detail: null },
      { name: "peak RSS", value: run.peakRssBytes, unit: "bytes", target: { bound: "at most", limit: part.maxRssBytes }, detail: "the pull's own process" },
      {
        name: "wall",
        value: run.wallSeconds,
        unit: "seconds",
        target: null,
        detail: `${part.customers.toLocaleString("en-US")} QBO customers and ${part.invoices.toLocaleString("en-US")} invoices, POM export of ${part.pomExport.customers.toLocaleString("en-US")}${run.cpuSeconds === null ? "" : `; ${run.cpuSeconds.toFixed(0)} s of CPU`}`
      }
    ]
    return { figures }
  }).pipe(Effect.scoped)
