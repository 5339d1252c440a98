import { FileSystem, Path } from "@effect/platform"
import { Console, Effect, Schema } from "effect"
import { fileURLToPath } from "node:url"
import { defaultMatchSettings, loadNicknameTable } from "../matchers/FellegiSunterMatcher.ts"
import { runMatching } from "../matchers/runMatching.ts"
import { RunId } from "../pipeline/domain/Ids.ts"
import { toMatchRecords } from "../pipeline/toMatchRecords.ts"
import { Store } from "../sinks/store/Store.ts"
import { loadSnapshot } from "../sources/loadSnapshot.ts"
import type { HistoryVolume } from "../test/generator/Background.ts"
import { generateCompany } from "../test/generator/generateCompany.ts"
import { scoreAgainstTruth, type TruthScore } from "../test/generator/scoreAgainstTruth.ts"
import type { Truth } from "../test/generator/Truth.ts"
import { companyFiles, writeCompany } from "../test/generator/writeCompany.ts"
import { type AllPairsEstimate, estimateAllPairs } from "./allPairsEstimate.ts"
import { BenchSummary } from "./BenchSummary.ts"
import { BenchRunError, type MeasuredRun, runMeasured } from "./runMeasured.ts"

export interface BenchOptions {
  readonly customers: number
  readonly seed: number
  /** Score every pair (or this many random ones) with the matcher's model, for the all-pairs comparison; 0 = skip. */
  readonly allPairsSample: number
  readonly sampling: boolean
  readonly keep: boolean
  /** History of each active ordinary customer, for a company with a pool company's real history; default a few items. */
  readonly history?: HistoryVolume
}

export interface GeneratedCompany {
  readonly dir: string
  readonly generateSeconds: number
  readonly writeSeconds: number
  readonly counts: { readonly pomCustomers: number; readonly appointments: number; readonly services: number; readonly qboCustomers: number; readonly invoices: number }
  /** Bytes of each input file, by its path in the company folder. */
  readonly fileBytes: Readonly<Record<string, number>>
  readonly truth: Truth
}

/** The in-process matcher run the all-pairs estimate is compared with: same records, same model. */
export interface InProcessMatch {
  readonly candidatePairs: number
  readonly seconds: { readonly prepare: number; readonly blocking: number; readonly training: number; readonly scoring: number }
  readonly allPairs: AllPairsEstimate
}

export interface BenchResult {
  readonly options: BenchOptions
  readonly company: GeneratedCompany
  readonly run: MeasuredRun
  readonly summary: BenchSummary
  readonly truth: TruthScore
  readonly inProcess: InProcessMatch | null
}

const repoRoot = fileURLToPath(new URL("..", import.meta.url))

const seconds = (from: number): number => (performance.now() - from) / 1000

/** Generates and writes the company; only its truth is kept, so the generator's memory is free during the run. */
const generate = (dir: string, options: BenchOptions) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const t0 = performance.now()
    const company = generateCompany({
      seed: options.seed,
      customers: options.customers,
      ...(options.history === undefined ? {} : { history: options.history })
    })
    const generateSeconds = seconds(t0)
    const t1 = performance.now()
    yield* writeCompany(company, dir)
    const writeSeconds = seconds(t1)
    const inputs = [companyFiles.pomCustomers, companyFiles.pomAppointments, companyFiles.pomServices, companyFiles.qboCustomers, companyFiles.qboInvoices]
    const sizes = yield* Effect.forEach(inputs, (file) => Effect.map(fs.stat(path.join(dir, file)), (info) => [file, Number(info.size)] as const))
    return {
      dir,
      generateSeconds,
      writeSeconds,
      counts: {
        pomCustomers: company.pom.customers.length,
        appointments: company.pom.appointments.length,
        services: company.pom.services.length,
        qboCustomers: company.qbo.customers.length,
        invoices: company.qbo.invoices.length
      },
      fileBytes: Object.fromEntries(sizes),
      truth: company.truth
    } satisfies GeneratedCompany
  })

/** Runs the matcher here on the same inputs, then scores pairs without blocking with the model it trained. */
const matchInProcess = (dir: string, allPairsSample: number, seed: number) =>
  Effect.gen(function* () {
    const path = yield* Path.Path
    // Files need no store; the memory store only satisfies the signature, which also covers the live API.
    const loaded = yield* loadSnapshot({ _tag: "files", dir: path.join(dir, "pom") }, { _tag: "files", dir: path.join(dir, "qbo") }).pipe(
      Effect.provide(Store.layerMemory)
    )
    const nicknames = yield* loadNicknameTable
    const matchThreshold = defaultMatchSettings.matchThreshold
    const run = runMatching({ records: toMatchRecords(loaded.snapshot), sides: null, matchThreshold, nicknames })
    const allPairs = estimateAllPairs(run, { samplePairs: allPairsSample, seed, matchThreshold })
    return { candidatePairs: run.candidates.count, seconds: run.seconds, allPairs } satisfies InProcessMatch
  })

/**
 * One benchmark size: generate a company into a temp folder, run `reconcile run` on it as a separate process
 * (so its time and memory are the pipeline's own), read the cases it stored and hold them to the planted truth.
 */
export const benchCompany = (options: BenchOptions) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const dir = yield* fs.makeTempDirectory({ prefix: `pom-qbo-reconcile-bench-${options.customers}-` })
    const body = Effect.gen(function* () {
      const company = yield* generate(dir, options)
      const db = path.join(dir, "reconcile.db")
      const run = yield* runMeasured(
        process.execPath,
        [
          path.join(repoRoot, "bin/reconcile.mjs"),
          "run",
          "--pom-csv", path.join(dir, "pom"),
          "--qbo-snapshot", path.join(dir, "qbo"),
          "--out", path.join(dir, "out"),
          "--db", db,
          "--json"
        ],
        { cwd: repoRoot, timeReport: path.join(dir, "time.txt"), sampling: options.sampling }
      )
      if (run.exitCode !== 0) {
        return yield* new BenchRunError({
          command: "reconcile run",
          detail: `exited with ${run.exitCode}; its last output: ${run.stderr.slice(-2000)}`
        })
      }
      const summary = yield* Schema.decodeUnknown(Schema.parseJson(BenchSummary))(run.stdout.trim())
      const cases = yield* Effect.flatMap(Store, (store) => store.casesOfRun(RunId.make(summary.runId))).pipe(Effect.provide(Store.layer(db)))
      const inProcess = options.allPairsSample > 0 ? yield* matchInProcess(dir, options.allPairsSample, options.seed) : null
      return { options, company, run, summary, truth: scoreAgainstTruth(company.truth, cases), inProcess } satisfies BenchResult
    })
    // A failed run keeps its inputs, to be run again by hand.
    const result = yield* body.pipe(Effect.tapError(() => Console.error(`inputs and output kept in ${dir}`)))
    if (!options.keep) yield* fs.remove(dir, { recursive: true })
    return result
  })
