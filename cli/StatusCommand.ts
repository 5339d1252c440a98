import { Command, Options } from "@effect/cli"
import { Console, Effect, Layer, Option } from "effect"
import { RunId } from "../pipeline/domain/Ids.ts"
import { Journal } from "../sinks/store/Journal.ts"
import { Store } from "../sinks/store/Store.ts"
import { existingDbOption, jsonOption } from "./sharedOptions.ts"

const runOption = Options.text("run").pipe(Options.optional, Options.withDescription("Show the cases and apply steps of this run"))

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
    const cases = yield* store.casesOfRun(runId)
    const applications = yield* journal.applicationsOf(cases.map((c) => c.id))
    const rows = yield* Effect.forEach(cases, (c) =>
      Effect.map(journal.stepsOf(runId, c.id), (steps) => ({
        caseId: c.id,
        scenario: c.scenario,
        apply: applications.find((a) => a.caseId === c.id && a.runId === runId)?.status ?? "not applied",
        detail: applications.find((a) => a.caseId === c.id && a.runId === runId)?.detail ?? null,
        steps: steps.map((s) => ({ step: s.stepIndex + 1, kind: s.kind, target: s.targetId, status: s.status, error: s.error }))
      }))
    )
    if (args.json) return yield* Console.log(JSON.stringify(rows))
    if (rows.length === 0) return yield* Console.log(`Run ${runId} has no cases (or is not in ${store.path}).`)
    for (const r of rows) {
      yield* Console.log(`${r.caseId}  ${r.scenario.padEnd(10)} ${r.apply}${r.detail === null ? "" : `: ${r.detail}`}`)
      for (const s of r.steps) yield* Console.log(`    ${s.step}. ${s.kind} ${s.target}: ${s.status}${s.error === null ? "" : ` (${s.error})`}`)
    }
  }).pipe(Effect.provide(Journal.layer.pipe(Layer.provideMerge(Store.layer(args.db)))))
).pipe(Command.withDescription("Show runs; with --run, its cases and where each stands in apply"))
