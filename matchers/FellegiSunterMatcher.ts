import { FileSystem } from "@effect/platform"
import { NodeFileSystem } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { fileURLToPath } from "node:url"
import { probabilityOf } from "./scoring/scorePairs.ts"
import { Matcher, type MatchResult, type MatchSettings } from "./Matcher.ts"
import type { MatchRecord } from "./MatchRecord.ts"
import { NicknameFileError } from "./NicknameFileError.ts"
import { type NicknameTable, parseNicknameTable } from "./normalize/NicknameTable.ts"
import { defaultMatcherConfig, type MatcherConfig, type MatchRun, runMatching } from "./runMatching.ts"

/**
 * The threshold measured to serve every labelled set (see the README): at or above it a pair is proposed to the
 * admin as the same customer.
 */
export const defaultMatchSettings: MatchSettings = { matchThreshold: 0.9 }

export const nicknameFile: string = fileURLToPath(new URL("./data/nicknames.csv", import.meta.url))

/** Reads the nickname table shipped in `matchers/data/` (Apache-2.0, see nicknames.NOTICE there). */
export const loadNicknameTable: Effect.Effect<NicknameTable, NicknameFileError, FileSystem.FileSystem> = Effect.gen(function* () {
  const fs = yield* FileSystem.FileSystem
  const text = yield* fs.readFileString(nicknameFile).pipe(Effect.mapError((cause) => new NicknameFileError({ file: nicknameFile, cause })))
  return parseNicknameTable(text)
})

/** Typed: a company's millions of candidate pairs, in a list of numbers grown a push at a time, took half as much again. */
const probabilities = (weights: Float64Array): Float64Array => weights.map((w) => probabilityOf(w))

const toResult = (run: MatchRun): MatchResult => ({
  pairs: run.matches,
  stats: {
    records: run.records.size,
    candidatePairs: run.candidates.count,
    perRule: run.candidates.perRule.map((r) => ({
      rule: r.rule,
      candidatePairs: r.candidatePairs,
      skippedBlocks: r.skippedBlocks,
      skippedPairs: r.skippedPairs
    })),
    candidateScores: probabilities(run.weights),
    seconds: {
      blocking: run.seconds.prepare + run.seconds.blocking,
      training: run.seconds.training,
      scoring: run.seconds.scoring
    }
  }
})

/**
 * Oversized blocks are skipped by design (see `BlockingRule`); say so, since a skipped block can hide a true pair.
 * Debug level: it is normal with real data (common surnames), and the counts are in the run summary per rule.
 */
const reportSkipped = (run: MatchRun): Effect.Effect<void> =>
  Effect.forEach(
    run.candidates.perRule.filter((r) => r.skippedBlocks > 0),
    (r) =>
      Effect.logDebug(
        `blocking rule "${r.rule}" skipped ${r.skippedBlocks} oversized block(s) (largest ${r.largestBlock} records, ${r.skippedPairs} pairs); other rules may still pair those records`
      ),
    { discard: true }
  )

const matchEffect = (records: ReadonlyArray<MatchRecord>, sides: Uint8Array | null, settings: MatchSettings, nicknames: NicknameTable, config: MatcherConfig) =>
  Effect.sync(() => runMatching({ records, sides, matchThreshold: settings.matchThreshold, nicknames, config, country: settings.country ?? null })).pipe(
    Effect.tap(reportSkipped),
    Effect.map(toResult)
  )

/** A Fellegi-Sunter matcher over a given nickname table: no I/O, so it also serves tests as is. */
export const makeMatcher = (nicknames: NicknameTable, config: MatcherConfig = defaultMatcherConfig): Matcher["Type"] => ({
  dedupe: (records, settings) => matchEffect(records, null, settings, nicknames, config).pipe(Effect.withSpan("Matcher.dedupe")),
  link: (left, right, settings) => {
    const sides = new Uint8Array(left.length + right.length).fill(1, left.length)
    return matchEffect([...left, ...right], sides, settings, nicknames, config).pipe(Effect.withSpan("Matcher.link"))
  }
})

/** A matcher over a given nickname table, for tests and tools that already hold one. */
export const matcherLayer = (nicknames: NicknameTable): Layer.Layer<Matcher> => Layer.succeed(Matcher, makeMatcher(nicknames))

/**
 * The matcher the pipeline runs. The nickname table is read once when the layer is built; a missing table is a
 * broken installation, so it is a defect rather than an error every caller would have to handle.
 */
export const MatcherLive: Layer.Layer<Matcher> = Layer.effect(
  Matcher,
  loadNicknameTable.pipe(Effect.map((table) => makeMatcher(table)), Effect.orDie)
).pipe(Layer.provide(NodeFileSystem.layer))
