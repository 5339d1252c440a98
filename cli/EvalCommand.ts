import { Command, Options } from "@effect/cli"
import { Console, Effect } from "effect"
import { defaultMatchSettings } from "../matchers/FellegiSunterMatcher.ts"
import type { EvalReport } from "../matchers/eval/evaluateMatching.ts"
import { runEvaluation } from "../matchers/eval/runEvaluation.ts"
import { decodedWith, probability } from "./optionValues.ts"
import { countryOption, jsonOption } from "./sharedOptions.ts"

const records = Options.file("records", { exists: "yes" }).pipe(
  Options.withDescription("Labelled CSV to deduplicate (or the left side of a link with --right)")
)
const right = Options.file("right", { exists: "yes" }).pipe(
  Options.optional,
  Options.withDescription("Second labelled CSV: link --records against it instead of deduplicating")
)
const id = Options.text("id").pipe(Options.withDescription("Column holding each record's id"))
const truth = Options.text("truth").pipe(Options.withDescription("Column holding each record's true entity"))
const map = Options.text("map").pipe(
  Options.withDescription(
    "Fields to columns: field=col[+col...],... with fields firstName, lastName, fullName, companyName, email, phone, street, city, state, zip"
  )
)
const truthPattern = Options.text("truth-pattern").pipe(
  Options.optional,
  Options.withDescription("Regular expression reading the entity from the truth column (first group), e.g. 'rec-(\\d+)'")
)
const threshold = Options.float("threshold").pipe(
  decodedWith(probability("threshold")),
  Options.withDefault(defaultMatchSettings.matchThreshold),
  Options.withDescription(`Match probability from which a pair counts as predicted; above 0, at most 1. Default: ${defaultMatchSettings.matchThreshold}`)
)

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`
const n = (x: number): string => x.toLocaleString("en-US")

/** The report for a person at a terminal. */
export const humanEvalReport = (r: EvalReport): string =>
  [
    `${r.mode} of ${n(r.records)} records at threshold ${r.threshold}`,
    `precision ${pct(r.precision)}  recall ${pct(r.recall)}  F1 ${r.f1.toFixed(4)}`,
    `${n(r.truePositives)} of ${n(r.predictedPairs)} predicted pairs are true (${n(r.falsePositives)} false); ${n(r.truePairs)} true pairs`,
    `${n(r.candidatePairs)} candidate pairs; blocking kept ${pct(r.blockingRecall)} of the true pairs`,
    ...r.perRule.map(
      (rule) =>
        `  ${rule.rule}: ${n(rule.candidatePairs)} pairs, blocking recall ${pct(r.blockingRecallByRule[rule.rule] ?? 0)}${rule.skippedBlocks > 0 ? `, ${n(rule.skippedBlocks)} oversized blocks skipped (${n(rule.skippedPairs)} pairs)` : ""}`
    ),
    `${r.seconds.toFixed(2)} s`
  ].join("\n")

/** The JSON report: exactly the keys scripts and the README rely on. */
export const jsonEvalReport = (r: EvalReport): string =>
  JSON.stringify({
    precision: r.precision,
    recall: r.recall,
    f1: r.f1,
    candidatePairs: r.candidatePairs,
    blockingRecall: r.blockingRecall,
    blockingRecallByRule: r.blockingRecallByRule,
    seconds: r.seconds
  })

export const evalCommand = Command.make(
  "eval",
  { records, right, id, truth, map, truthPattern, threshold, country: countryOption, json: jsonOption },
  (args) =>
    runEvaluation({
      records: args.records,
      right: args.right,
      id: args.id,
      truth: args.truth,
      map: args.map,
      truthPattern: args.truthPattern,
      threshold: args.threshold,
      country: args.country
    }).pipe(Effect.flatMap((report) => Console.log(args.json ? jsonEvalReport(report) : humanEvalReport(report))))
).pipe(
  Command.withDescription(
    "Measure the matcher on a labelled CSV (one file: dedupe; --right: link): pairwise precision, recall, F1, candidate pairs, blocking recall, seconds"
  )
)
