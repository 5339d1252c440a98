/**
 * Benchmark: the whole offline run (`reconcile run` on a POM export and a QBO snapshot) on generated companies of
 * 10,000 and 100,000 customers per side. Measures and prints; asserts nothing.
 *
 *   npm run bench:pipeline                          both sizes; all-pairs comparison at 10,000
 *   npx tsx bench/pipeline.ts --sizes 2000,10000    other sizes
 *   npx tsx bench/pipeline.ts --all-pairs-sample 0  skip the all-pairs comparison
 *   npx tsx bench/pipeline.ts --sampling            peak memory from /proc/<pid>/status even when GNU time exists
 *   npx tsx bench/pipeline.ts --keep                keep each company and its output (the folder is printed)
 *   npx tsx bench/pipeline.ts --heavy-sizes 10000,100000
 *                                                   sizes also run with a pool company's real history (35
 *                                                   appointments, 30 services, 14 invoices per active customer)
 *
 * To profile a run, keep a company and run the CLI on it under the profiler (Node 20 refuses --cpu-prof in
 * NODE_OPTIONS): `node --cpu-prof --cpu-prof-dir=/tmp/prof bin/reconcile.mjs run --pom-csv DIR/pom
 * --qbo-snapshot DIR/qbo --out /tmp/out --db /tmp/r.db`.
 *
 * Each company is generated into a temp folder (timed, but not part of the run) and `reconcile run` runs on it as
 * a separate process, so wall time and peak memory are the pipeline's own.
 */
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Schema } from "effect"
import { cpus, loadavg, totalmem } from "node:os"
import { parseArgs } from "node:util"
import { benchCompany } from "./benchCompany.ts"
import { formatBench, target } from "./formatBench.ts"

class BenchOptionsError extends Schema.TaggedError<BenchOptionsError>()("BenchOptionsError", { option: Schema.String, value: Schema.String }) {
  override get message(): string {
    return `--${this.option} ${this.value}: expected a whole number (sizes as a comma-separated list, like 10000,100000)`
  }
}

/** Scoring every pair is only affordable to sample at the smaller size; 2 million pairs take about a second. */
const ALL_PAIRS_UP_TO = 10_000

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: `10000,${target.customers}` },
    // 100,000 heavy needs a QBO reader that streams invoices.json (672 MB, longer than Node's longest string).
    "heavy-sizes": { type: "string", default: "10000" },
    seed: { type: "string", default: "7" },
    "all-pairs-sample": { type: "string", default: "2000000" },
    sampling: { type: "boolean", default: false },
    keep: { type: "boolean", default: false }
  }
})

const wholeNumber = (option: string, value: string) =>
  Number.isSafeInteger(Number(value)) && Number(value) >= 0 && value.trim() !== ""
    ? Effect.succeed(Number(value))
    : Effect.fail(new BenchOptionsError({ option, value }))

/** A pool company's real history: weekly service, monthly invoices, per active customer. */
const HEAVY_HISTORY = { appointments: 35, services: 30, invoices: 14 }

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(" ")

const program = Effect.gen(function* () {
  const sizeList = (option: string, list: string) =>
    Effect.forEach(list.split(",").filter((s) => s.trim() !== ""), (s) => wholeNumber(option, s.trim()))
  const sizes = [
    ...(yield* sizeList("sizes", values.sizes)).map((customers) => ({ customers, heavy: false })),
    ...(yield* sizeList("heavy-sizes", values["heavy-sizes"])).map((customers) => ({ customers, heavy: true }))
  ]
  const seed = yield* wholeNumber("seed", values.seed)
  const allPairsSample = yield* wholeNumber("all-pairs-sample", values["all-pairs-sample"])
  const cpu = cpus()
  yield* Console.log(
    `# reconcile run benchmark: ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}; load average ${load()} (other work on the machine slows every figure)`
  )
  for (const { customers, heavy } of sizes) {
    const result = yield* benchCompany({
      customers,
      seed,
      allPairsSample: customers <= ALL_PAIRS_UP_TO && !heavy ? allPairsSample : 0,
      sampling: values.sampling,
      keep: values.keep,
      ...(heavy ? { history: HEAVY_HISTORY } : {})
    })
    yield* Console.log(["", ...formatBench(result), `load average after: ${load()}`, ...(values.keep ? [`kept in ${result.company.dir}`] : [])].join("\n"))
  }
})

NodeRuntime.runMain(program.pipe(Effect.provide(NodeContext.layer)))
