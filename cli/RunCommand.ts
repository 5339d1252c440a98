import { Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { defaultMatchSettings, MatcherLive } from "../matchers/FellegiSunterMatcher.ts"
import { reconcile } from "../pipeline/reconcile.ts"
import type { RunSummary } from "../pipeline/RunSummary.ts"
import { loadFileSnapshot } from "../sources/loadFileSnapshot.ts"
import { Store } from "../sinks/store/Store.ts"
import { dbOption, jsonOption } from "./sharedOptions.ts"
import { DEFAULT_REVIEW_THRESHOLD } from "../pipeline/cases/buildCase.ts"

const pomCsv = Options.directory("pom-csv", { exists: "yes" }).pipe(
  Options.withDescription("Folder with POM's customers.csv (and optional appointments.csv, services.csv)")
)
const qboSnapshot = Options.directory("qbo-snapshot", { exists: "yes" }).pipe(
  Options.withDescription("Folder with QBO's customers.json and invoices.json")
)
const out = Options.directory("out").pipe(Options.withDescription("Folder for review.csv, summary.json, rejected.csv"))
const matchThreshold = Options.float("match-threshold").pipe(
  Options.withDefault(defaultMatchSettings.matchThreshold),
  Options.withDescription("Match probability from which two records are treated as one customer")
)
const reviewThreshold = Options.float("review-threshold").pipe(
  Options.withDefault(DEFAULT_REVIEW_THRESHOLD),
  Options.withDescription("Cases resting on a weaker match than this go to review")
)
const booksClosedThrough = Options.text("books-closed-through").pipe(
  Options.optional,
  Options.withDescription("QBO closing date (YYYY-MM-DD): invoices dated on or before it are not planned to move")
)

const n = (x: number) => x.toLocaleString("en-US")

/** The short summary for a person at a terminal. */
export const humanSummary = (s: RunSummary): string => {
  const byScenario = Object.entries(s.cases.byScenario)
    .filter(([, count]) => count > 0)
    .map(([scenario, count]) => `${scenario} ${count}`)
    .join(", ")
  return [
    `Run ${s.runId}`,
    `Read ${n(s.records.pomCustomers)} POM customers, ${n(s.records.appointments)} appointments, ${n(s.records.services)} services; ` +
      `${n(s.records.qboCustomers)} QBO customers, ${n(s.records.invoices)} invoices.` +
      (s.rejected > 0 ? ` Rejected ${n(s.rejected)} rows: see ${s.outputs.rejected}.` : ""),
    `Found ${n(s.cases.total)} cases${byScenario === "" ? "" : ` (${byScenario})`} in ${s.timings.total?.toFixed(1)} s.`,
    ...(s.diff.previousRunId === null
      ? []
      : [
          `Since ${s.diff.previousRunId}: ${n(s.diff.new)} new, ${n(s.diff.stillOpen)} still open, ` +
            `${n(s.diff.resolvedApplied)} resolved by apply, ${n(s.diff.resolvedGone)} gone (fixed by hand), ` +
            `${n(s.diff.suppressed)} suppressed (rejected before), ${n(s.diff.previouslyRejected)} back after a record changed.`
        ]),
    `Review: ${s.outputs.review}`
  ].join("\n")
}

export const runCommand = Command.make(
  "run",
  { pomCsv, qboSnapshot, out, db: dbOption, json: jsonOption, matchThreshold, reviewThreshold, booksClosedThrough },
  (args) =>
    Effect.gen(function* () {
      const loaded = yield* loadFileSnapshot(args.pomCsv, args.qboSnapshot)
      const { summary } = yield* reconcile({
        ...loaded,
        outDir: args.out,
        settings: {
          matchThreshold: args.matchThreshold,
          reviewThreshold: args.reviewThreshold,
          booksClosedThrough: Option.getOrNull(args.booksClosedThrough)
        }
      }).pipe(Effect.provide(Store.layer(args.db)))
      yield* Console.log(args.json ? JSON.stringify(summary) : humanSummary(summary))
    }).pipe(Effect.provide(MatcherLive))
).pipe(Command.withDescription("Read a POM export and a QBO snapshot, find duplicate and wrong-link cases, write the review file"))
