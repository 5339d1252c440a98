import { FileSystem, Path } from "@effect/platform"
import { Console, Effect, Schema } from "effect"
import { fileURLToPath } from "node:url"
import type { HistoryVolume } from "../../test/generator/Background.ts"
import { Truth } from "../../test/generator/Truth.ts"
import { companyFiles } from "../../test/generator/writeCompany.ts"
import { BenchRunError, runMeasured } from "../runMeasured.ts"

const repoRoot = fileURLToPath(new URL("../..", import.meta.url))

export interface CachedCompany {
  readonly dir: string
  readonly truth: Truth
  /** Seconds spent generating it now, or null when it was already in the cache. */
  readonly generatedSeconds: number | null
}

/** The cache folder's name for a company: everything the generator was given, so another company never reuses it. */
export const companyKey = (customers: number, seed: number, history: HistoryVolume | undefined): string =>
  `c${customers}-s${seed}` + (history === undefined ? "-usual" : `-a${history.appointments}-v${history.services}-i${history.invoices}`)

/**
 * The generated company for a part, from the cache folder when an earlier run left it complete, else generated
 * there by the generator's CLI in its own process (a million customers take minutes and gigabytes, which this
 * process must not keep while the run is measured). A company is written to a scratch folder and renamed into
 * place only once whole, so a stopped generation is never taken for a cached company.
 */
export const cachedCompany = (cacheDir: string, customers: number, seed: number, history: HistoryVolume | undefined) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const dir = path.join(cacheDir, companyKey(customers, seed, history))
    let generatedSeconds: number | null = null
    if (!(yield* fs.exists(path.join(dir, companyFiles.truth)))) {
      yield* fs.makeDirectory(cacheDir, { recursive: true })
      const scratch = `${dir}.partial`
      yield* fs.remove(scratch, { recursive: true, force: true })
      yield* Console.log(`generating ${path.basename(dir)} into ${cacheDir} (kept for the next runs)`)
      const volume = history === undefined ? [] : ["--appointments", history.appointments, "--services", history.services, "--invoices", history.invoices]
      const generated = yield* runMeasured(
        process.execPath,
        // The generator keeps the whole company in memory before writing it, far more than the run may use; it is
        // not what is measured, so it gets a heap to fit 100,000 heavy or 1,000,000 customers.
        ["--max-old-space-size=12288", "--import", "tsx", path.join(repoRoot, "test/generator/cli.ts"), "--customers", customers, "--seed", seed, "--out", scratch, ...volume].map(String),
        { cwd: repoRoot, timeReport: path.join(cacheDir, "generate-time.txt"), sampling: false }
      )
      if (generated.exitCode !== 0) {
        return yield* new BenchRunError({ command: "generate company", detail: `exited with ${generated.exitCode}: ${generated.stderr.slice(-2000)}` })
      }
      yield* fs.rename(scratch, dir)
      generatedSeconds = generated.wallSeconds
    }
    const truth = yield* fs.readFileString(path.join(dir, companyFiles.truth)).pipe(Effect.flatMap(Schema.decodeUnknown(Schema.parseJson(Truth))))
    return { dir, truth, generatedSeconds } satisfies CachedCompany
  })
