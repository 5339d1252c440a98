import { HelpDoc, Options, ValidationError } from "@effect/cli"
import { Effect, type Option, Schema } from "effect"
import { defaultMatchSettings } from "../matchers/FellegiSunterMatcher.ts"
import { DEFAULT_REVIEW_THRESHOLD } from "../pipeline/cases/buildCase.ts"
import { sideSource } from "../sources/loadSnapshot.ts"
import { atLeastOne, decodedWith, httpUrl, probability, typedDay } from "./optionValues.ts"

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
const matchThresholdOption = Options.float("match-threshold").pipe(
  decodedWith(probability("match-threshold")),
  Options.withDefault(defaultMatchSettings.matchThreshold),
  Options.withDescription(
    `Match probability from which two records are treated as one customer; above 0, at most 1. Default: ${defaultMatchSettings.matchThreshold}`
  )
)
const reviewThresholdOption = Options.float("review-threshold").pipe(
  decodedWith(probability("review-threshold")),
  Options.withDefault(DEFAULT_REVIEW_THRESHOLD),
  Options.withDescription(
    `Cases resting on a weaker match than this go to review; above 0, at most 1, and at least --match-threshold. Default: ${DEFAULT_REVIEW_THRESHOLD}`
  )
)

export interface Thresholds {
  readonly matchThreshold: number
  readonly reviewThreshold: number
}

/**
 * Both thresholds, checked together: a review threshold below the match threshold would let a match too weak to
 * be proposed at all skip review.
 */
export const thresholds: Options.Options<Thresholds> = Options.all({ matchThreshold: matchThresholdOption, reviewThreshold: reviewThresholdOption }).pipe(
  Options.mapEffect((t) =>
    t.reviewThreshold >= t.matchThreshold
      ? Effect.succeed(t)
      : Effect.fail(
          ValidationError.invalidValue(
            HelpDoc.p(
              `--review-threshold ${t.reviewThreshold} is below --match-threshold ${t.matchThreshold}: a case must be at least as sure to skip review as to be proposed; raise --review-threshold or lower --match-threshold`
            )
          )
        )
  )
)

export const booksClosedThrough = Options.text("books-closed-through").pipe(
  decodedWith(typedDay("books-closed-through")),
  Options.withPseudoName("DATE"),
  Options.optional,
  Options.withDescription(
    "QBO's closing date, as YYYY-MM-DD or M/D/YYYY: invoices dated on or before it are not planned to move (QBO refuses them). Default: none"
  )
)

export const exitCodeForReview = Options.boolean("exit-code-for-review").pipe(
  Options.withDescription("Exit with 2 (instead of 0) when cases need review: for cron and scripts")
)

export const allowShrink = Options.boolean("allow-shrink").pipe(
  Options.withDescription("Plan even when a side has no customers, or customers, POM history or invoices fell by more than half since the previous run")
)

const DEFAULT_KEEP_SNAPSHOTS = 30

export const keepSnapshots = Options.integer("keep-snapshots").pipe(
  decodedWith(atLeastOne("keep-snapshots", "the snapshots of that many recent runs are kept")),
  Options.withDefault(DEFAULT_KEEP_SNAPSHOTS),
  Options.withDescription(
    `Keep the stored snapshots of this many most recent runs, 1 or more; older ones are deleted (cases and decisions stay). Default: ${DEFAULT_KEEP_SNAPSHOTS}`
  )
)
export const notifyWebhook = Options.text("notify-webhook").pipe(
  decodedWith(httpUrl("notify-webhook")),
  Options.withPseudoName("URL"),
  Options.optional,
  Options.withDescription("POST the run summary as JSON to this http(s) URL when a run finds new cases. Default: none")
)
