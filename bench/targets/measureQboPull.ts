import { FileSystem, Path } from "@effect/platform"
import { Effect, Schema } from "effect"
import { fileURLToPath } from "node:url"
import { QboPullFigures } from "../QboPullFigures.ts"
import { BenchRunError, runMeasured } from "../runMeasured.ts"
import type { QboPullPart } from "./BenchPart.ts"
import type { Figure } from "./PartResult.ts"

const repoRoot = fileURLToPath(new URL("../..", import.meta.url))

/**
 * The live QBO pull with limits on and 1 s answers, through bench/qboPull.ts (which `npm run bench:qbo` runs with
 * more scenarios) as its own process under GNU time. Its peak RSS is the local server's and the client's together,
 * as they share that process, so it is an upper bound on the pull's own.
 */
export const measureQboPull = (part: QboPullPart) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const scratch = yield* fs.makeTempDirectoryScoped({ prefix: "reconcile-bench-qbo-" })
    const json = path.join(scratch, "qbo-pull.json")
    const run = yield* runMeasured(
      process.execPath,
      ["--import", "tsx", path.join(repoRoot, "bench/qboPull.ts"), "--customers", String(part.customers), "--invoices", String(part.invoices), "--scenarios", "1s", "--json", json],
      { cwd: repoRoot, timeReport: path.join(scratch, "time.txt"), sampling: false }
    )
    if (run.exitCode !== 0) {
      return yield* new BenchRunError({ command: "bench/qboPull.ts", detail: `exited with ${run.exitCode}: ${run.stderr.slice(-2000) || "(nothing on stderr)"}` })
    }
    const [pull] = yield* fs.readFileString(json).pipe(Effect.flatMap(Schema.decodeUnknown(Schema.parseJson(Schema.Array(QboPullFigures)))))
    if (pull === undefined) return yield* new BenchRunError({ command: "bench/qboPull.ts", detail: "wrote no scenario's figures" })
    const figures: ReadonlyArray<Figure> = [
      {
        name: "share of 500/min",
        value: pull.shareOfCeiling,
        unit: "share",
        target: { bound: "at least", limit: part.minShareOfCeiling },
        detail: `${pull.requests.toLocaleString("en-US")} requests in ${pull.seconds.toFixed(0)} s; at most ${pull.peakPerSecond} in a second, ${pull.peakPerMinute} in a minute`
      },
      { name: "answered 429", value: pull.throttled, unit: "count", target: { bound: "at most", limit: 0 }, detail: null },
      { name: "peak RSS", value: run.peakRssBytes, unit: "bytes", target: { bound: "at most", limit: part.maxRssBytes }, detail: "local server and client in one process" },
      { name: "wall", value: run.wallSeconds, unit: "seconds", target: null, detail: `${pull.customers.toLocaleString("en-US")} customers and ${pull.invoices.toLocaleString("en-US")} invoices, seeding included` }
    ]
    return { figures }
  }).pipe(Effect.scoped)
