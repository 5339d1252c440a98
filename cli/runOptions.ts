import { Options } from "@effect/cli"
import { Effect, type Option, Schema } from "effect"
import { defaultMatchSettings } from "../matchers/FellegiSunterMatcher.ts"
import { DEFAULT_REVIEW_THRESHOLD } from "../pipeline/cases/buildCase.ts"
import { sideSource } from "../sources/loadSnapshot.ts"

/* The options of a run, shared by `run`, `pull` and `schedule`. */

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
export const out = Options.directory("out").pipe(Options.withDescription("Folder for review.csv, summary.json, rejected.csv"))
export const matchThreshold = Options.float("match-threshold").pipe(
  Options.withDefault(defaultMatchSettings.matchThreshold),
  Options.withDescription("Match probability from which two records are treated as one customer")
)
export const reviewThreshold = Options.float("review-threshold").pipe(
  Options.withDefault(DEFAULT_REVIEW_THRESHOLD),
  Options.withDescription("Cases resting on a weaker match than this go to review")
)
export const booksClosedThrough = Options.text("books-closed-through").pipe(
  Options.optional,
  Options.withDescription("QBO closing date (YYYY-MM-DD): invoices dated on or before it are not planned to move")
)

export const exitCodeForReview = Options.boolean("exit-code-for-review").pipe(
  Options.withDescription("Exit with 2 (instead of 0) when cases need review: for cron and scripts")
)

export const allowShrink = Options.boolean("allow-shrink").pipe(
  Options.withDescription("Plan even when a side has no customers, or customers, POM history or invoices fell by more than half since the previous run")
)

export const keepSnapshots = Options.integer("keep-snapshots").pipe(
  Options.withDefault(30),
  Options.withDescription("Keep the stored snapshots of this many most recent runs; older ones are deleted (cases and decisions stay)")
)
export const notifyWebhook = Options.text("notify-webhook").pipe(
  Options.optional,
  Options.withDescription("POST the run summary as JSON to this URL when a run finds new cases")
)
