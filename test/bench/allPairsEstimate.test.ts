import { describe, expect, it } from "@effect/vitest"
import { NodeContext } from "@effect/platform-node"
import { Effect } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { estimateAllPairs } from "../../bench/allPairsEstimate.ts"
import { defaultMatchSettings, loadNicknameTable } from "../../matchers/FellegiSunterMatcher.ts"
import { runMatching } from "../../matchers/runMatching.ts"
import { toMatchRecords } from "../../pipeline/toMatchRecords.ts"
import { Store } from "../../sinks/store/Store.ts"
import { loadSnapshot } from "../../sources/loadSnapshot.ts"
import { generateCompany } from "../generator/generateCompany.ts"
import { writeCompany } from "../generator/writeCompany.ts"

const matchThreshold = defaultMatchSettings.matchThreshold

/** A small generated company, written and read back as the pipeline reads it, matched with blocking. */
const blockedRun = Effect.gen(function* () {
  const dir = mkdtempSync(join(tmpdir(), "all-pairs-"))
  yield* writeCompany(generateCompany({ seed: 11, customers: 150 }), dir)
  const loaded = yield* loadSnapshot({ _tag: "files", dir: join(dir, "pom") }, { _tag: "files", dir: join(dir, "qbo") }).pipe(
    Effect.provide(Store.layerMemory)
  )
  const nicknames = yield* loadNicknameTable
  return runMatching({ records: toMatchRecords(loaded.snapshot), sides: null, matchThreshold, nicknames })
}).pipe(Effect.provide(NodeContext.layer))

describe("estimateAllPairs", () => {
  it.effect("scores every pair when they fit in the sample, finding at least the blocked run's matches", () =>
    Effect.gen(function* () {
      const run = yield* blockedRun
      const n = run.records.size
      const estimate = estimateAllPairs(run, { samplePairs: 1_000_000, seed: 1, matchThreshold })
      expect(estimate.extrapolated).toBe(false)
      expect(estimate.sampledPairs).toBe((n * (n - 1)) / 2)
      expect(estimate.allPairs).toBe(estimate.sampledPairs)
      expect(run.matches.length).toBeGreaterThan(0)
      expect(estimate.sampledMatches).toBeGreaterThanOrEqual(run.matches.length)
    })
  )

  it.effect("extrapolates from a random sample when all pairs are more than the sample", () =>
    Effect.gen(function* () {
      const run = yield* blockedRun
      const estimate = estimateAllPairs(run, { samplePairs: 5_000, seed: 1, matchThreshold })
      expect(estimate.extrapolated).toBe(true)
      expect(estimate.sampledPairs).toBe(5_000)
      expect(estimate.allPairs).toBeGreaterThan(5_000)
      expect(estimate.allPairsSeconds).toBeCloseTo(estimate.allPairs / estimate.pairsPerSecond, 9)
      expect(estimate.allPairsSeconds).toBeGreaterThan(estimate.sampleSeconds)
    })
  )
})
