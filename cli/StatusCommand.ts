import { Command, Options } from "@effect/cli"
import { Console, Effect, Layer, Option, Schema } from "effect"
import { RunId } from "../pipeline/domain/Ids.ts"
import { ApplyReportRow, describeStep } from "../reports/applyReportRows.ts"
import { Journal } from "../sinks/store/Journal.ts"
import { type RunRecord, Store } from "../sinks/store/Store.ts"
import { recordNamesOfRuns } from "./recordNamesOfRuns.ts"
import { existingDbOption, jsonOption } from "./sharedOptions.ts"

const runOption = Options.text("run").pipe(Options.optional, Options.withDescription("Show the cases and apply steps of this run, or the rows of this apply (A-…)"))

/** What an apply stored with its run: its summary and the rows of its apply report (none before they were stored). */
const StoredApply = Schema.Struct({
  outputs: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Schema.String }), { default: () => ({}) }),
  report: Schema.optionalWith(Schema.Array(ApplyReportRow), { default: () => [] })
})
const decodeStoredApply = Schema.decodeUnknownOption(StoredApply)
const nothingStored: typeof StoredApply.Type = { outputs: {}, report: [] }

/** One apply: the same rows as its apply-report file. */
const showApply = (run: RunRecord, json: boolean) =>
  Effect.gen(function* () {
    const stored = Option.getOrElse(decodeStoredApply(run.summary ?? {}), () => nothingStored)
    const view = { applyId: run.id, status: run.status, startedAt: run.startedAt, finishedAt: run.finishedAt, reportFile: stored.outputs["report"] ?? null, rows: stored.report }
    if (json) return yield* Console.log(JSON.stringify(view))
    yield* Console.log(`Apply ${run.id} ${run.status}, ${run.startedAt}${run.finishedAt === null ? "" : ` → ${run.finishedAt}`}${view.reportFile === null ? "" : `; report: ${view.reportFile}`}`)
    if (stored.report.length === 0) return yield* Console.log("  no steps or refusals recorded for this apply")
    for (const r of stored.report) {
      yield* Console.log(
        r.step === null
          ? `  ${r.caseId} refused${r.record === "" ? "" : ` (${r.record})`}: ${r.detail ?? ""}`
          : `  ${r.caseId} ${r.step}. ${r.record}: ${r.change}: ${r.status}${r.error === null ? "" : ` (${r.error})`}`
      )
    }
  })

/** Runs, and for one run its cases with where each stands in apply, step by step. */
export const statusCommand = Command.make("status", { db: existingDbOption, json: jsonOption, run: runOption }, (args) =>
  Effect.gen(function* () {
    const store = yield* Store
    const journal = yield* Journal
    if (Option.isNone(args.run)) {
      const runs = yield* store.listRuns(50)
      if (args.json) return yield* Console.log(JSON.stringify(runs.map(({ summary: _s, ...r }) => r)))
      if (runs.length === 0) return yield* Console.log(`No runs in ${store.path} yet.`)
      for (const r of runs) {
        yield* Console.log(`${r.id}  ${r.kind.padEnd(5)} ${r.status.padEnd(7)} ${r.startedAt}${r.finishedAt === null ? "" : ` → ${r.finishedAt}`}`)
      }
      return
    }
    const runId = RunId.make(args.run.value)
    const run = yield* store.getRun(runId)
    if (Option.isSome(run) && run.value.kind === "apply") return yield* showApply(run.value, args.json)
    const cases = yield* store.casesOfRun(runId)
    const applications = yield* journal.applicationsOf(cases.map((c) => c.id))
    const names = (yield* recordNamesOfRuns(cases.length === 0 ? [] : [runId]))(runId)
    const rows = yield* Effect.forEach(cases, (c) =>
      Effect.map(journal.stepsOf(runId, c.id), (steps) => ({
        caseId: c.id,
        scenario: c.scenario,
        apply: applications.find((a) => a.caseId === c.id && a.runId === runId)?.status ?? "not applied",
        detail: applications.find((a) => a.caseId === c.id && a.runId === runId)?.detail ?? null,
        steps: steps.map((s) => {
          const planned = c.plan.steps[s.stepIndex]
          return {
            step: s.stepIndex + 1,
            kind: s.kind,
            target: s.targetId,
            ...(planned === undefined ? { record: s.targetId, change: "" } : describeStep(names, planned)),
            status: s.status,
            error: s.error
          }
        })
      }))
    )
    if (args.json) return yield* Console.log(JSON.stringify(rows))
    if (rows.length === 0) return yield* Console.log(`Run ${runId} has no cases (or is not in ${store.path}).`)
    for (const r of rows) {
      yield* Console.log(`${r.caseId}  ${r.scenario.padEnd(10)} ${r.apply}${r.detail === null ? "" : `: ${r.detail}`}`)
      for (const s of r.steps) yield* Console.log(`    ${s.step}. ${s.record}: ${s.change}: ${s.status}${s.error === null ? "" : ` (${s.error})`}`)
    }
  }).pipe(Effect.provide(Journal.layer.pipe(Layer.provideMerge(Store.layer(args.db)))))
).pipe(Command.withDescription("Show runs; with --run, its cases and where each stands in apply, or the rows of an apply"))
