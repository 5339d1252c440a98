/**
 * Benchmark: every speed and memory target measured and printed side by side in one table, each measurement a
 * separate process under GNU time, with the machine's load at the start and end of each. Measures and prints;
 * asserts nothing (a figure over its target says OVER, and the benchmark still exits 0).
 *
 *   npm run bench                                help, offline 10k, 10k heavy, 100k heavy
 *   npm run bench -- --only help,offline-10k     some parts; --only all adds offline-1m and qbo-pull-100k
 *   npm run bench -- --cache DIR                 generated companies are kept in DIR and reused (default
 *                                                $TMPDIR/pom-qbo-reconcile-bench-cache); 1M customers take long
 *   npm run bench -- --json FILE                 where the results go as JSON (default bench-results.json in the cache)
 *   npm run bench -- --sampling                  peak memory from /proc/<pid>/status even when GNU time exists
 *
 * Parts: help, offline-10k, offline-10k-heavy, offline-100k-heavy, offline-1m, qbo-pull-100k (bench/targets/BenchPart.ts).
 * `npm run bench:pipeline` is the offline run's detailed report (stages, candidate pairs, all-pairs estimate).
 */
import { FileSystem, Path } from "@effect/platform"
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Either, Schema } from "effect"
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os"
import { parseArgs } from "node:util"
import { type BenchPart, benchParts, selectParts } from "./targets/BenchPart.ts"
import { cachedCompany } from "./targets/cachedCompany.ts"
import { formatTargetTable } from "./targets/formatTargetTable.ts"
import { measureHelp } from "./targets/measureHelp.ts"
import { measureOffline } from "./targets/measureOffline.ts"
import { measureQboPull } from "./targets/measureQboPull.ts"
import type { Figure, PartResult } from "./targets/PartResult.ts"

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    cache: { type: "string", default: `${tmpdir()}/pom-qbo-reconcile-bench-cache` },
    json: { type: "string" },
    seed: { type: "string", default: "7" },
    sampling: { type: "boolean", default: false }
  }
})

const oneMinuteLoad = (): number => loadavg()[0] ?? 0

type Measurement = Effect.Effect<{ readonly figures: ReadonlyArray<Figure> }, unknown, NodeContext.NodeContext>

/** What a part needs before it is measured (a generated company), so its load at start is the measurement's own. */
const prepare = (part: BenchPart, seed: number): Effect.Effect<Measurement, unknown, NodeContext.NodeContext> => {
  switch (part._tag) {
    case "help":
      return Effect.succeed(measureHelp(part))
    case "offline":
      return Effect.map(cachedCompany(values.cache, part.customers, seed, part.history), (company) =>
        measureOffline(part, company, { sampling: values.sampling })
      )
    case "qbo-pull":
      return Effect.map(cachedCompany(values.cache, part.pomExport.customers, seed, part.pomExport.history), (company) =>
        measureQboPull(part, company, { sampling: values.sampling })
      )
  }
}

const program = Effect.gen(function* () {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const parts = yield* Either.match(selectParts(values.only), { onLeft: Effect.fail, onRight: Effect.succeed })
  const seed = yield* Schema.decodeUnknown(Schema.NumberFromString.pipe(Schema.int()))(values.seed)
  const machine = { cores: availableParallelism(), cpuModel: cpus()[0]?.model.trim() ?? "unknown CPU", memoryBytes: totalmem(), node: process.version }
  const results: Array<PartResult> = []
  for (const part of parts) {
    yield* Console.log(`${part.id}: ${part.label} (load ${oneMinuteLoad().toFixed(1)} on ${machine.cores} cores)`)
    let loadBefore = oneMinuteLoad()
    // One part failing (a run out of memory, say) is a figure too; the parts after it still run.
    const outcome = yield* Effect.either(
      Effect.flatMap(prepare(part, seed), (measurement) => {
        loadBefore = oneMinuteLoad()
        return measurement
      })
    )
    const failure = Either.isLeft(outcome) ? (outcome.left instanceof Error ? outcome.left.message : String(outcome.left)) : null
    results.push({ id: part.id, label: part.label, loadBefore, loadAfter: oneMinuteLoad(), figures: Either.isRight(outcome) ? outcome.right.figures : [], failure })
  }
  const notRun = benchParts.filter((p) => !parts.includes(p))
  yield* Console.log(["", ...formatTargetTable(results, machine, notRun)].join("\n"))
  const jsonFile = values.json ?? path.join(values.cache, "bench-results.json")
  yield* fs.makeDirectory(path.dirname(jsonFile), { recursive: true })
  yield* fs.writeFileString(jsonFile, JSON.stringify({ measuredAt: new Date().toISOString(), machine, seed, results }, null, 2))
  yield* Console.log(`\nresults written to ${jsonFile}`)
})

NodeRuntime.runMain(program.pipe(Effect.provide(NodeContext.layer)))
