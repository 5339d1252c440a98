import { Command, Options } from "@effect/cli"
import { Clock, Cron, Duration, Effect, Either, Layer, Schema } from "effect"
import { MatcherLive } from "../matchers/FellegiSunterMatcher.ts"
import { runSummaryText } from "../reports/runSummaryText.ts"
import { Store } from "../sinks/store/Store.ts"
import { pomCustomerUrl } from "./recordLinks.ts"
import { runOnce } from "./runOnce.ts"
import {
  allowShrink,
  booksClosedThrough,
  keepSnapshots,
  notifyWebhook,
  out,
  pomApi,
  pomCsv,
  qboApi,
  qboSnapshot,
  thresholds
} from "./runOptions.ts"
import { countryOption, dbOption } from "./sharedOptions.ts"

export class CronExpressionError extends Schema.TaggedError<CronExpressionError>()("CronExpressionError", {
  expression: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    return `"${this.expression}" is not a cron expression (${this.detail}): five fields, minute hour day-of-month month day-of-week, e.g. "0 6 * * 1" for Mondays at 06:00`
  }
}

const cron = Options.text("cron").pipe(Options.withDescription('When to run, as a cron expression in local time, e.g. "0 6 * * 1"'))
const now = Options.boolean("now").pipe(Options.withDescription("Also run once right away, before the first scheduled time"))
const times = Options.integer("times").pipe(
  Options.optional,
  Options.withDescription("Stop after this many scheduled runs (default: run until stopped)")
)

/**
 * Runs `reconcile run` in the foreground on a cron expression, for hosts without cron or systemd timers. A
 * failed run is logged and the schedule goes on; the store's lock keeps it from overlapping other runs.
 */
export const scheduleCommand = Command.make(
  "schedule",
  { cron, now, times, pomCsv, qboSnapshot, pomApi, qboApi, out, db: dbOption, thresholds, booksClosedThrough, allowShrink, keepSnapshots, notifyWebhook, pomCustomerUrl, country: countryOption },
  (args) =>
    Effect.gen(function* () {
      const parsed = Cron.parse(args.cron)
      if (Either.isLeft(parsed)) return yield* new CronExpressionError({ expression: args.cron, detail: parsed.left.message })
      const schedule = parsed.right
      const once = runOnce(args).pipe(
        Effect.tap((summary) => Effect.logInfo(runSummaryText(summary).replace(/\n/g, " | "))),
        Effect.catchAll((error) => Effect.logError(`the run failed: ${"message" in error ? error.message : String(error)}`)),
        Effect.provide(Layer.merge(MatcherLive, Store.layer(args.db)))
      )
      if (args.now) yield* once
      const limit = args.times._tag === "Some" ? args.times.value : Number.POSITIVE_INFINITY
      for (let done = 0; done < limit; done++) {
        const current = yield* Clock.currentTimeMillis
        const next = Cron.next(schedule, new Date(current))
        yield* Effect.logInfo(`next run at ${next.toISOString()}`)
        yield* Effect.sleep(Duration.millis(Math.max(0, next.getTime() - current)))
        yield* once
      }
    })
).pipe(Command.withDescription("Run on a cron expression in the foreground (for hosts without cron)"))
