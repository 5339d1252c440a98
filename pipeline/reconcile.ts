import { Clock, Effect, Either, Option } from "effect"
import { join } from "node:path"
import { renderHtmlReport } from "../reports/html/renderHtmlReport.ts"
import type { Country } from "../matchers/normalize/Country.ts"
import { rejectedCsv } from "../reports/RejectedCsv.ts"
import type { RecordLinks } from "../reports/RecordLinks.ts"
import { reviewCsv } from "../reports/ReviewCsv.ts"
import { reviewXlsx } from "../reports/ReviewXlsx.ts"
import { OutputError, writeOutputFile } from "../sinks/OutputFolder.ts"
import { Store } from "../sinks/store/Store.ts"
import type { CalendarDate } from "./domain/CalendarDate.ts"
import type { Case } from "./domain/Case.ts"
import { RunId } from "./domain/Ids.ts"
import type { RejectedRow } from "./domain/RejectedRow.ts"
import type { LoadedSnapshot } from "./domain/LoadedSnapshot.ts"
import type { RunDiff } from "./RunDiff.ts"
import { diffRuns } from "./diffRuns.ts"
import { countByScenario, matchingSummary, type RunSummary, summarizeDiff } from "./RunSummary.ts"
import { matchAndPlan } from "./matchAndPlan.ts"
import { checkInputSize, countsOfSummary } from "./checkInputSize.ts"
import { reportStage } from "./RunProgress.ts"
import { timedSeconds } from "./timed.ts"

export interface ReconcileSettings {
  readonly matchThreshold: number
  readonly reviewThreshold: number
  /** The company's country (`--country`), for records whose address does not say theirs. */
  readonly country?: Country | null
  readonly booksClosedThrough: CalendarDate | null
  /** Plan even when a side is empty or shrank by more than half since the previous run (`--allow-shrink`). */
  readonly allowShrink: boolean
  /** Where the report links each record; not kept with the run, since it only shapes the files written now. */
  readonly links: RecordLinks
}

export interface ReconcileInput {
  /** Customers in memory, history in the store (see `loadSnapshot`). */
  readonly snapshot: LoadedSnapshot
  readonly rejected: ReadonlyArray<RejectedRow>
  readonly outDir: string
  readonly settings: ReconcileSettings
  /** Where review.xlsx's links point. */
  readonly links: RecordLinks
  /** Seconds spent reading each input, measured by whoever read them (they may overlap). */
  readonly readTimings: Readonly<Record<string, number>>
  /** Wall-clock seconds spent reading all inputs and storing their history, counted in the run's total. */
  readonly readSeconds: number
}

export interface ReconcileResult {
  readonly summary: RunSummary
  /** The cases proposed for review (found, less those an admin rejected whose records did not change). */
  readonly cases: ReadonlyArray<Case>
  readonly diff: RunDiff
}

/** How many past runs the report's trend of open cases shows. */
const HISTORY_RUNS = 30

const isSummary = (u: unknown): u is RunSummary =>
  typeof u === "object" && u !== null && "cases" in u && typeof u.cases === "object" && u.cases !== null && "total" in u.cases

const iso = (millis: number) => new Date(millis).toISOString()
const newRunId = (millis: number) =>
  RunId.make(`R-${iso(millis).replace(/[-:]/g, "").replace("T", "-").slice(0, 15)}-${Math.random().toString(36).slice(2, 6)}`)

/** Times an effect, in seconds, into `timings[name]`. */
const timed = <A, E, R>(timings: Record<string, number>, name: string, effect: Effect.Effect<A, E, R>) =>
  Effect.map(timedSeconds(effect), ([value, seconds]) => {
    timings[name] = seconds
    return value
  })

/**
 * The offline run's middle and end: snapshot → store → match → cases → store → review files.
 * The same for file inputs and for live pulls; only how the snapshot was read differs.
 */
export const reconcile = ({ snapshot, ...input }: ReconcileInput) => {
  const { source } = snapshot
  const counts = {
    pomCustomers: snapshot.pom.customers.length,
    appointments: snapshot.history.counts.appointments,
    services: snapshot.history.counts.services,
    qboCustomers: snapshot.qbo.customers.length,
    invoices: snapshot.history.counts.invoices
  }
  // The snapshot's customers are most of a large run's memory, and only storing, matching and planning read
  // them: held here rather than in `input`, and handed over once, they can go before the review files are
  // written. No variable of the run below holds them.
  let handed: LoadedSnapshot | null = snapshot
  const takeSnapshot = Effect.suspend(() => {
    const taken = handed
    handed = null
    return taken === null ? Effect.dieMessage("reconcile: the snapshot was handed over twice") : Effect.succeed(taken)
  })
  return Effect.gen(function* () {
    const store = yield* Store
    const startedMillis = yield* Clock.currentTimeMillis
    const runId = newRunId(startedMillis)
    const timings: Record<string, number> = { ...input.readTimings }
    const { settings } = input

    // The case settings are kept with the run: apply plans an admin's choice with the same ones.
    const caseSettings = { reviewThreshold: settings.reviewThreshold, booksClosedThrough: settings.booksClosedThrough }
    yield* store.startRun(runId, "run", { ...source, outDir: input.outDir, caseSettings }, iso(startedMillis))
    const body = Effect.gen(function* () {
      // Before anything is planned: a broken export must not look like every case was fixed by hand.
      const previousRun = yield* store.previousRun(runId)
      const previousInput = Option.flatMap(previousRun, (run) =>
        Option.map(countsOfSummary(run.summary), (counts) => ({ runId: run.id, counts }))
      )
      const sized = checkInputSize(counts, source, Option.getOrNull(previousInput))
      if (Either.isLeft(sized)) {
        if (!settings.allowShrink) return yield* sized.left
        yield* Effect.logWarning(`${sized.left.finding}; going on as --allow-shrink asks`)
      }
      const { snapshotId, index, found, matchedPairs, setAsidePairs, stats, scores } = yield* Effect.flatMap(takeSnapshot, (snapshot) =>
        Effect.flatMap(timed(timings, "storeSnapshot", store.saveSnapshot(snapshot, iso(startedMillis))), (snapshotId) =>
          Effect.map(matchAndPlan({ snapshot, snapshotId, timings, settings }), (planned) => ({ ...planned, snapshotId }))
        )
      )
      const { diff, proposed: cases } = diffRuns({
        previousRunId: Option.getOrNull(Option.map(previousRun, (r) => r.id)),
        previous: Option.isSome(previousRun) ? yield* store.casesOfRun(previousRun.value.id) : [],
        current: found,
        rejections: yield* store.activeRejections(),
        applied: yield* store.appliedCaseIds()
      })
      yield* timed(timings, "storeCases", store.saveCases(runId, cases))

      const outputs: Record<string, string> = {
        review: join(input.outDir, "review.csv"),
        reviewXlsx: join(input.outDir, "review.xlsx"),
        report: join(input.outDir, "report.html"),
        summary: join(input.outDir, "summary.json")
      }
      if (input.rejected.length > 0) outputs.rejected = join(input.outDir, "rejected.csv")
      const finishedMillis = yield* Clock.currentTimeMillis
      timings.total = (finishedMillis - startedMillis) / 1000 + input.readSeconds
      const summary: RunSummary = {
        runId,
        snapshotId,
        startedAt: iso(startedMillis),
        finishedAt: iso(finishedMillis),
        inputs: source,
        records: counts,
        rejected: input.rejected.length,
        cases: { total: cases.length, byScenario: countByScenario(cases) },
        diff: summarizeDiff(diff),
        matching: matchingSummary(stats, matchedPairs, setAsidePairs),
        timings,
        outputs
      }
      const history = (yield* store.listRuns(HISTORY_RUNS))
        .filter((r) => r.kind === "run" && r.status === "ok")
        .flatMap((r) => (isSummary(r.summary) ? [{ runId: r.id, startedAt: r.startedAt, openCases: r.summary.cases.total }] : []))
      yield* reportStage("Writing review.csv, review.xlsx and report.html…")
      yield* timed(
        timings,
        "write",
        Effect.gen(function* () {
          yield* writeOutputFile(input.outDir, "review.csv", reviewCsv(index, runId, cases))
          const workbook = yield* Effect.tryPromise({
            try: () => reviewXlsx(index, runId, cases, input.links),
            catch: (cause) => new OutputError({ path: join(input.outDir, "review.xlsx"), cause })
          })
          yield* writeOutputFile(input.outDir, "review.xlsx", workbook)
          if (input.rejected.length > 0) yield* writeOutputFile(input.outDir, "rejected.csv", rejectedCsv(input.rejected))
          yield* writeOutputFile(
            input.outDir,
            "report.html",
            renderHtmlReport({
              summary,
              cases,
              index,
              diff,
              history: [...history.reverse(), { runId, startedAt: summary.startedAt, openCases: cases.length }],
              scores,
              generatedAt: summary.finishedAt,
              links: settings.links
            })
          )
          yield* writeOutputFile(input.outDir, "summary.json", `${JSON.stringify(summary, null, 2)}\n`)
        })
      )
      yield* store.finishRun(runId, { status: "ok", snapshotId, summary, now: iso(finishedMillis) })
      return { summary, cases, diff } satisfies ReconcileResult
    })
    return yield* body.pipe(
      Effect.tapError(() =>
        Clock.currentTimeMillis.pipe(
          Effect.flatMap((now) => store.finishRun(runId, { status: "failed", snapshotId: null, summary: null, now: iso(now) })),
          Effect.ignore
        )
      )
    )
  }).pipe(Effect.withSpan("reconcile"))
}
