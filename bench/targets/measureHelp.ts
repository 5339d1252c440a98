import { FileSystem, Path } from "@effect/platform"
import { Effect, Option } from "effect"
import { fileURLToPath } from "node:url"
import { BenchRunError, runMeasured } from "../runMeasured.ts"
import type { HelpPart } from "./BenchPart.ts"
import type { Figure } from "./PartResult.ts"

const repoRoot = fileURLToPath(new URL("../..", import.meta.url))

/** Starts measured: the median of ten is steady enough on a shared machine without costing more than a few seconds. */
const bundleRuns = 10

export interface StartReport {
  readonly medianWallSeconds: number
  readonly bestWallSeconds: number
  readonly medianCpuSeconds: number
  readonly runs: number
}

/** The bundle's line of `scripts/measureStart.mjs` ("bundle   wall median 0.31 s (best 0.29 s), CPU median 0.25 s, 10 runs"). */
export const parseStartReport = (stdout: string): Option.Option<StartReport> => {
  const match = /^bundle\s+wall median ([\d.]+) s \(best ([\d.]+) s\), CPU median ([\d.]+) s, (\d+) runs$/m.exec(stdout)
  if (match === null) return Option.none()
  const [, median, best, cpu, runs] = match.map(Number)
  return median === undefined || best === undefined || cpu === undefined || runs === undefined
    ? Option.none()
    : Option.some({ medianWallSeconds: median, bestWallSeconds: best, medianCpuSeconds: cpu, runs })
}

/** `reconcile --help` from the bundle, through scripts/measureStart.mjs (which `npm run bench:start` runs too). */
export const measureHelp = (part: HelpPart) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const scratch = yield* fs.makeTempDirectoryScoped({ prefix: "reconcile-bench-help-" })
    const run = yield* runMeasured(process.execPath, [path.join(repoRoot, "scripts/measureStart.mjs"), String(bundleRuns), "0"], {
      cwd: repoRoot,
      timeReport: path.join(scratch, "time.txt"),
      sampling: false
    })
    const report = parseStartReport(run.stdout)
    if (run.exitCode !== 0 || Option.isNone(report)) {
      return yield* new BenchRunError({
        command: "node scripts/measureStart.mjs",
        detail: `exited with ${run.exitCode} and no bundle line in its output: ${(run.stdout + run.stderr).slice(-2000)}`
      })
    }
    const r = report.value
    const figures: ReadonlyArray<Figure> = [
      { name: "start, median wall", value: r.medianWallSeconds, unit: "seconds", target: { bound: "at most", limit: part.maxSeconds }, detail: `best ${r.bestWallSeconds.toFixed(2)} s of ${r.runs}` },
      { name: "start, median CPU", value: r.medianCpuSeconds, unit: "seconds", target: null, detail: "less moved by the machine's load" }
    ]
    return { figures }
  }).pipe(Effect.scoped)
