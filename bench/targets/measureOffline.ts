import { FileSystem, Path } from "@effect/platform"
import { Effect, Schema } from "effect"
import { fileURLToPath } from "node:url"
import { RunId } from "../../pipeline/domain/Ids.ts"
import { Store } from "../../sinks/store/Store.ts"
import { scoreAgainstTruth } from "../../test/generator/scoreAgainstTruth.ts"
import { BenchSummary } from "../BenchSummary.ts"
import { BenchRunError, runMeasured } from "../runMeasured.ts"
import type { OfflinePart } from "./BenchPart.ts"
import type { CachedCompany } from "./cachedCompany.ts"
import type { Figure } from "./PartResult.ts"

const repoRoot = fileURLToPath(new URL("../..", import.meta.url))

const count = (n: number): string => n.toLocaleString("en-US")

/**
 * `reconcile run` from files on a cached company, as its own process under GNU time, held to the planted truth:
 * "results identical to today's" is every planted case found with its scenario, keeper and QBO customer, no trap
 * proposed and no other case, which is what today's code gives on every generated company. The run's output and
 * store go to a scratch folder, so the cached company is never changed by a run.
 */
export const measureOffline = (part: OfflinePart, company: CachedCompany, options: { readonly sampling: boolean }) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const scratch = yield* fs.makeTempDirectoryScoped({ prefix: `reconcile-bench-${part.id}-` })
    const db = path.join(scratch, "reconcile.db")
    const run = yield* runMeasured(
      process.execPath,
      [
        path.join(repoRoot, "bin/reconcile.mjs"),
        "run",
        "--pom-csv", path.join(company.dir, "pom"),
        "--qbo-snapshot", path.join(company.dir, "qbo"),
        "--out", path.join(scratch, "out"),
        "--db", db,
        "--json"
      ],
      { cwd: repoRoot, timeReport: path.join(scratch, "time.txt"), sampling: options.sampling }
    )
    if (run.exitCode !== 0) {
      return yield* new BenchRunError({
        command: `reconcile run on ${company.dir}`,
        detail: `exited with ${run.exitCode} after ${run.wallSeconds.toFixed(1)} s, peak RSS ${((run.peakRssBytes ?? 0) / 1e6).toFixed(0)} MB; its last output: ${run.stderr.slice(-2000) || "(nothing on stderr)"}`
      })
    }
    const summary = yield* Schema.decodeUnknown(Schema.parseJson(BenchSummary))(run.stdout.trim())
    const cases = yield* Effect.flatMap(Store, (store) => store.casesOfRun(RunId.make(summary.runId))).pipe(Effect.provide(Store.layer(db)))
    const score = scoreAgainstTruth(company.truth, cases)
    const history = summary.records.appointments + summary.records.services + summary.records.invoices
    const figures: ReadonlyArray<Figure> = [
      { name: "wall", value: run.wallSeconds, unit: "seconds", target: part.maxWallSeconds === null ? null : { bound: "at most", limit: part.maxWallSeconds }, detail: "Node start-up included" },
      { name: "run total", value: summary.timings.total ?? null, unit: "seconds", target: null, detail: "the run's own timings" },
      { name: "peak RSS", value: run.peakRssBytes, unit: "bytes", target: part.maxRssBytes === null ? null : { bound: "at most", limit: part.maxRssBytes }, detail: run.rssMethod },
      { name: "CPU", value: run.cpuSeconds, unit: "seconds", target: null, detail: null },
      { name: "records read", value: summary.records.pomCustomers + summary.records.qboCustomers + history, unit: "count", target: null, detail: `${count(history)} of them history` },
      {
        name: "results differing from today's",
        value: score.injected - score.found + score.trapsProposed.length + score.unexpected.length,
        unit: "count",
        target: { bound: "at most", limit: 0 },
        detail: `${count(score.found)} of ${count(score.injected)} planted cases found, ${count(score.trapsProposed.length)} traps proposed, ${count(score.unexpected.length)} other cases`
      }
    ]
    return { figures }
  }).pipe(Effect.scoped)
