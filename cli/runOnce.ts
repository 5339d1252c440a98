import { Effect, Option } from "effect"
import type { Country } from "../matchers/normalize/Country.ts"
import type { CalendarDate } from "../pipeline/domain/CalendarDate.ts"
import { reconcile } from "../pipeline/reconcile.ts"
import type { RunSummary } from "../pipeline/RunSummary.ts"
import { loadSnapshot } from "../sources/loadSnapshot.ts"
import { notifyWebhook } from "../sinks/notifyWebhook.ts"
import { withRunLock } from "../sinks/store/RunLock.ts"
import { Store } from "../sinks/store/Store.ts"
import { companyCountry } from "./companyCountry.ts"
import { recordLinksFrom } from "./recordLinks.ts"
import { chosenSources, type Thresholds } from "./runOptions.ts"

export interface RunArgs {
  readonly pomCsv: Option.Option<string>
  readonly qboSnapshot: Option.Option<string>
  readonly pomApi: boolean
  readonly qboApi: boolean
  readonly out: string
  readonly thresholds: Thresholds
  readonly booksClosedThrough: Option.Option<CalendarDate>
  readonly allowShrink: boolean
  readonly keepSnapshots: number
  readonly notifyWebhook: Option.Option<string>
  readonly pomCustomerUrl: Option.Option<string>
  /** `--country`; absent: read from each address, else the US. */
  readonly country?: Option.Option<Country>
}

/** One whole run, under the store's lock: read, match, plan, store, write; prune old snapshots; notify. */
export const runOnce = (args: RunArgs) =>
  Effect.scoped(
    Effect.gen(function* () {
      yield* withRunLock("run")
      const store = yield* Store
      const sources = yield* chosenSources(args)
      const links = yield* recordLinksFrom(args.pomCustomerUrl)
      // The snapshot goes straight to reconcile, never into a variable of this run: held here, its customers
      // would stay in memory while the review files are written (see `reconcile`).
      const { summary } = yield* Effect.flatMap(loadSnapshot(sources.pom, sources.qbo), (loaded) =>
        Effect.flatMap(companyCountry(args.country ?? Option.none(), loaded.qboCountry), (country) =>
          reconcile({
            ...loaded,
            outDir: args.out,
            links,
            settings: {
              ...args.thresholds,
              booksClosedThrough: Option.getOrNull(args.booksClosedThrough),
              allowShrink: args.allowShrink,
              country,
              links
            }
          })
        )
      )
      const pruned = yield* store.pruneSnapshots(args.keepSnapshots)
      if (pruned > 0) yield* Effect.logInfo(`deleted ${pruned} snapshot(s) older than the last ${args.keepSnapshots} runs`)
      if (Option.isSome(args.notifyWebhook) && summary.diff.new + summary.diff.previouslyRejected > 0) {
        yield* notifyWebhook(args.notifyWebhook.value, summary)
      }
      return summary satisfies RunSummary
    })
  )
