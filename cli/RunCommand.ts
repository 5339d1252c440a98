import { Command, Options } from "@effect/cli"
import { Console, Effect, Layer, Option, Schema } from "effect"
import { defaultMatchSettings, MatcherLive } from "../matchers/FellegiSunterMatcher.ts"
import { reconcile } from "../pipeline/reconcile.ts"
import type { RunSummary } from "../pipeline/RunSummary.ts"
import { loadSnapshot, sideSource } from "../sources/loadSnapshot.ts"
import { withRunLock } from "../sinks/store/RunLock.ts"
import { ExitCode, setExitCode } from "./ExitCode.ts"
import { Store } from "../sinks/store/Store.ts"
import { dbOption, jsonOption } from "./sharedOptions.ts"
import { DEFAULT_REVIEW_THRESHOLD } from "../pipeline/cases/buildCase.ts"

export const pomCsv = Options.directory("pom-csv", { exists: "yes" }).pipe(
  Options.optional,
  Options.withDescription("Folder with POM's customers.csv (and optional appointments.csv, services.csv)")
)
export const qboSnapshot = Options.directory("qbo-snapshot", { exists: "yes" }).pipe(
  Options.optional,
  Options.withDescription("Folder with QBO's customers.json and invoices.json")
)
export const pomApi = Options.boolean("pom-api").pipe(Options.withDescription("Pull POM's customers, appointments and services from its API (POM_* settings)"))
export const qboApi = Options.boolean("qbo-api").pipe(Options.withDescription("Pull QBO's customers and invoices from its API (QBO_* settings; run `reconcile qbo connect` once)"))

export class InputChoiceError extends Schema.TaggedError<InputChoiceError>()("InputChoiceError", { detail: Schema.String }) {
  override get message(): string {
    return this.detail
  }
}

/** Each side from its folder or its API, as the options say; a clear error when neither or both are given. */
export const chosenSources = (args: { pomCsv: Option.Option<string>; qboSnapshot: Option.Option<string>; pomApi: boolean; qboApi: boolean }) =>
  Effect.gen(function* () {
    const pom = sideSource(args.pomCsv, args.pomApi, "pom")
    const qbo = sideSource(args.qboSnapshot, args.qboApi, "qbo")
    if (typeof pom === "string") return yield* new InputChoiceError({ detail: pom })
    if (typeof qbo === "string") return yield* new InputChoiceError({ detail: qbo })
    return { pom, qbo }
  })
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

const exitCodeForReview = Options.boolean("exit-code-for-review").pipe(
  Options.withDescription("Exit with 2 (instead of 0) when cases need review: for cron and scripts")
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
  { pomCsv, qboSnapshot, pomApi, qboApi, out, db: dbOption, json: jsonOption, matchThreshold, reviewThreshold, booksClosedThrough, exitCodeForReview },
  (args) =>
    Effect.gen(function* () {
      yield* withRunLock("run")
      const sources = yield* chosenSources(args)
      const loaded = yield* loadSnapshot(sources.pom, sources.qbo)
      const { summary } = yield* reconcile({
        ...loaded,
        outDir: args.out,
        settings: {
          matchThreshold: args.matchThreshold,
          reviewThreshold: args.reviewThreshold,
          booksClosedThrough: Option.getOrNull(args.booksClosedThrough)
        }
      })
      yield* Console.log(args.json ? JSON.stringify(summary) : humanSummary(summary))
      if (args.exitCodeForReview && summary.cases.total > 0) setExitCode(ExitCode.needsReview)
    }).pipe(Effect.scoped, Effect.provide(Layer.merge(MatcherLive, Store.layer(args.db))))
).pipe(Command.withDescription("Read a POM export and a QBO snapshot, find duplicate and wrong-link cases, write the review file"))
