import { describe, expect, it } from "@effect/vitest"
import { NodeContext } from "@effect/platform-node"
import { Effect } from "effect"
import { existsSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { GNU_TIME, runMeasured } from "../../bench/runMeasured.ts"

/** Holds 200 MB for a moment, so that both ways of measuring see it, then prints how much it held. */
const holder = "const b = Buffer.alloc(200e6, 1); setTimeout(() => console.log(b.length), 400)"
const options = (sampling: boolean) => ({ cwd: tmpdir(), timeReport: join(mkdtempSync(join(tmpdir(), "bench-")), "time.txt"), sampling })

// Live: sampling waits on the real clock between reads of /proc.
describe("runMeasured", () => {
  it.live("measures a program's own peak memory by sampling /proc when asked to", () =>
    Effect.gen(function* () {
      const run = yield* runMeasured(process.execPath, ["-e", holder], options(true))
      expect(run.exitCode).toBe(0)
      expect(run.stdout.trim()).toBe("200000000")
      expect(run.rssMethod).toBe("VmHWM sampled")
      expect(run.peakRssBytes ?? 0).toBeGreaterThan(200e6)
      expect(run.wallSeconds).toBeGreaterThan(0.4)
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.live("uses GNU time when it is installed, else falls back to sampling", () =>
    Effect.gen(function* () {
      const run = yield* runMeasured(process.execPath, ["-e", holder], options(false))
      expect(run.rssMethod).toBe(existsSync(GNU_TIME) ? "time -v" : "VmHWM sampled")
      expect(run.peakRssBytes ?? 0).toBeGreaterThan(200e6)
      expect(run.peakRssBytes ?? 0).toBeLessThan(2e9)
      if (run.rssMethod === "time -v") expect(run.cpuSeconds).not.toBeNull()
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.live("returns a failing program's exit code and what it wrote to stderr", () =>
    Effect.gen(function* () {
      const run = yield* runMeasured(process.execPath, ["-e", "console.error('no input'); process.exit(3)"], options(false))
      expect(run.exitCode).toBe(3)
      expect(run.stderr).toContain("no input")
    }).pipe(Effect.provide(NodeContext.layer))
  )
})
