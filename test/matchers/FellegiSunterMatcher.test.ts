import { it, layer } from "@effect/vitest"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { defaultMatchSettings, MatcherLive } from "../../matchers/FellegiSunterMatcher.ts"
import { Matcher } from "../../matchers/Matcher.ts"
import { syntheticPeople } from "./syntheticPeople.ts"

describe("MatcherLive", () => {
  const { records } = syntheticPeople(400)
  const pom = records.filter((r) => r.ref.system === "pom")
  const qbo = records.filter((r) => r.ref.system === "qbo")

  layer(MatcherLive)((it) => {
    it.effect("finds each person's POM account and QBO customer when deduplicating the union", () =>
      Effect.gen(function* () {
        const matcher = yield* Matcher
        const result = yield* matcher.dedupe(records, defaultMatchSettings)
        const found = new Set(result.pairs.map((e) => [e.left.id, e.right.id].sort().join("|")))
        const expected = pom.map((p) => [p.ref.id, `q${p.ref.id.slice(1)}`].sort().join("|"))
        const hits = expected.filter((k) => found.has(k)).length
        expect(hits / expected.length).toBeGreaterThan(0.99)
        expect(result.stats.records).toBe(records.length)
        expect(result.stats.perRule.length).toBeGreaterThan(5)
        expect(result.stats.candidatePairs).toBeGreaterThanOrEqual(result.pairs.length)
      })
    )

    it.effect("links left to right only", () =>
      Effect.gen(function* () {
        const matcher = yield* Matcher
        const result = yield* matcher.link(pom, qbo, defaultMatchSettings)
        expect(result.pairs.length).toBeGreaterThan(390)
        for (const e of result.pairs) {
          expect(e.left.system).toBe("pom")
          expect(e.right.system).toBe("qbo")
        }
      })
    )

    it.effect("explains every score: contributions sum to the weight and the probability follows from it", () =>
      Effect.gen(function* () {
        const matcher = yield* Matcher
        const result = yield* matcher.dedupe(records, defaultMatchSettings)
        for (const e of result.pairs) {
          const sum = e.contributions.reduce((s, c) => s + c.weight, 0)
          expect(sum).toBeCloseTo(e.weight, 9)
          expect(e.probability).toBeCloseTo(1 / (1 + 2 ** -e.weight), 12)
          expect(e.probability).toBeGreaterThanOrEqual(defaultMatchSettings.matchThreshold)
          expect(e.contributions[0]?.field).toBe("prior")
          expect(e.contributions.some((c) => c.field === "phone" && c.level === "exact")).toBe(true)
        }
      })
    )
  })

  it.effect("returns nothing for an empty list and for one record", () =>
    Effect.gen(function* () {
      const matcher = yield* Matcher
      expect((yield* matcher.dedupe([], defaultMatchSettings)).pairs).toEqual([])
      expect((yield* matcher.dedupe(records.slice(0, 1), defaultMatchSettings)).pairs).toEqual([])
    }).pipe(Effect.provide(MatcherLive))
  )
})
