import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { defaultMatchSettings } from "../../matchers/FellegiSunterMatcher.ts"
import { compileComparison } from "../../matchers/scoring/compileComparison.ts"
import { pairExplainer } from "../../matchers/scoring/scorePairs.ts"
import { defaultMatcherConfig, runMatching } from "../../matchers/runMatching.ts"
import { MatchEvidence, plainEvidence } from "../../pipeline/domain/MatchEvidence.ts"
import { nicknames } from "./domainFixture.ts"
import { syntheticPeople } from "./syntheticPeople.ts"

describe("matches explained on read", () => {
  const { records } = syntheticPeople(300)
  const run = runMatching({ records, sides: null, matchThreshold: defaultMatchSettings.matchThreshold, nicknames })

  it("explains each match as explaining it up front from every candidate's levels does", () => {
    // The levels of every candidate pair, as the matcher computes them before scoring.
    const C = defaultMatcherConfig.comparisons.length
    const compare = defaultMatcherConfig.comparisons.map((c) => compileComparison(run.records, c))
    const levels = new Uint8Array(run.candidates.count * C)
    compare.forEach((f, c) => {
      for (let k = 0; k < run.candidates.count; k++) levels[k * C + c] = f(run.candidates.left[k] ?? 0, run.candidates.right[k] ?? 0)
    })
    const explain = pairExplainer(run.model, run.records, levels)
    const upFront = new Map<string, MatchEvidence>()
    for (let k = 0; k < run.candidates.count; k++) {
      const e = explain(k, run.candidates.left[k] ?? 0, run.candidates.right[k] ?? 0)
      upFront.set(`${e.left.id}|${e.right.id}`, e)
    }
    expect(run.matches.length).toBeGreaterThan(250)
    for (const m of run.matches) expect(plainEvidence(m)).toEqual(upFront.get(`${m.left.id}|${m.right.id}`))
  })

  it("gives the same contributions each time they are read", () => {
    const m = run.matches[0]
    expect(m).toBeDefined()
    if (m === undefined) return
    expect(m.contributions).toBe(m.contributions)
  })

  it("writes a match as plain data, contributions included, in JSON and through the schema", () => {
    for (const m of run.matches.slice(0, 20)) {
      const json: unknown = JSON.parse(JSON.stringify(m))
      expect(json).toEqual(plainEvidence(m))
      expect(Schema.encodeSync(MatchEvidence)(plainEvidence(m)).contributions.length).toBeGreaterThan(1)
    }
  })
})
