import { Command } from "@effect/cli"
import { Console, Effect, Layer } from "effect"
import { MatcherLive } from "../matchers/FellegiSunterMatcher.ts"
import { runSummaryText } from "../reports/runSummaryText.ts"
import { Store } from "../sinks/store/Store.ts"
import { withTerminalProgress } from "../reports/TerminalProgress.ts"
import { ExitCode, setExitCode } from "./ExitCode.ts"
import { pomCustomerUrl } from "./recordLinks.ts"
import { runOnce } from "./runOnce.ts"
import {
  allowShrink,
  booksClosedThrough,
  exitCodeForReview,
  keepSnapshots,
  notifyWebhook,
  out,
  pomApi,
  pomCsv,
  qboApi,
  qboSnapshot,
  thresholds
} from "./runOptions.ts"
import { countryOption, dbOption, jsonOption } from "./sharedOptions.ts"

export const runCommand = Command.make(
  "run",
  {
    pomCsv,
    qboSnapshot,
    pomApi,
    qboApi,
    out,
    db: dbOption,
    json: jsonOption,
    thresholds,
    booksClosedThrough,
    allowShrink,
    exitCodeForReview,
    keepSnapshots,
    notifyWebhook,
    pomCustomerUrl,
    country: countryOption
  },
  (args) =>
    Effect.gen(function* () {
      const summary = yield* withTerminalProgress(runOnce(args))
      yield* Console.log(args.json ? JSON.stringify(summary) : runSummaryText(summary))
      if (args.exitCodeForReview && summary.cases.total > 0) setExitCode(ExitCode.needsReview)
    }).pipe(Effect.provide(Layer.merge(MatcherLive, Store.layer(args.db))))
).pipe(Command.withDescription("Read both customer lists (export files or live APIs), find duplicate and wrong-link cases, write the review file"))
