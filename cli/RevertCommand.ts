import { Args, Command, Options } from "@effect/cli"
import { Console, Effect, Layer, Option } from "effect"
import { findRevertable } from "../pipeline/apply/findRevertable.ts"
import { revertCase } from "../pipeline/apply/revertCase.ts"
import type { RevertOutcome } from "../pipeline/apply/RevertOutcome.ts"
import { CaseId, RunId } from "../pipeline/domain/Ids.ts"
import { describeReverseStep } from "../reports/describeReverseStep.ts"
import { revertReportCsv } from "../reports/RevertReportCsv.ts"
import { revertWorklistCsv } from "../reports/RevertWorklistCsv.ts"
import { writeOutputFile } from "../sinks/OutputFolder.ts"
import { Journal } from "../sinks/store/Journal.ts"
import { RevertJournal } from "../sinks/store/RevertJournal.ts"
import { withRunLock } from "../sinks/store/RunLock.ts"
import { Store } from "../sinks/store/Store.ts"
import { ExitCode, setExitCode } from "./ExitCode.ts"
import { dbOption, jsonOption } from "./sharedOptions.ts"
import { pomTargetLayer, qboTargetLayer } from "./targetLayers.ts"

const caseArg = Args.text({ name: "CASE" }).pipe(Args.withDescription("The case id to revert (case_id in review.csv and apply-report.csv)"))
const dryRun = Options.boolean("dry-run").pipe(Options.withDescription("Check drift and list the reverse steps; write nothing"))
const out = Options.directory("out").pipe(Options.withDefault("."), Options.withDescription("Folder for revert-report-<id>.csv and the worklist (default: the current folder)"))
const pomCsv = Options.directory("pom-csv", { exists: "yes" }).pipe(
  Options.optional,
  Options.withDescription("Without POM API access: a fresh POM export, to check drift and confirm worklist steps done by hand")
)
const customerUrl = Options.text("pom-customer-url").pipe(
  Options.optional,
  Options.withDescription("Link template for the POM worklist, {id} standing for the POM customer id")
)

export interface RevertSummary {
  readonly revertId: string
  readonly dryRun: boolean
  readonly caseId: string
  readonly runId: string | null
  readonly status: RevertOutcome["status"] | "refused" | "already-reverted"
  readonly detail: string | null
  readonly stepsDone: number
  readonly steps: ReadonlyArray<{ readonly applyStep: number; readonly action: string; readonly description: string; readonly status: string; readonly error: string | null }>
  /** Steps apply recorded as done that the revert leaves to a person, with the state to restore. */
  readonly byHand: ReadonlyArray<{ readonly applyStep: number; readonly action: string; readonly target: string; readonly before: unknown; readonly reason: string }>
  readonly outputs: Readonly<Record<string, string>>
}

const summaryOf = (base: Pick<RevertSummary, "revertId" | "dryRun" | "caseId" | "outputs">, outcome: RevertOutcome): RevertSummary => ({
  ...base,
  runId: outcome.runId,
  status: outcome.status,
  detail: outcome.detail,
  stepsDone: outcome.steps.filter((s) => s.status === "done").length,
  steps: outcome.steps.map((s) => ({
    applyStep: s.step.stepIndex + 1,
    action: s.step._tag,
    description: describeReverseStep(s.step),
    status: s.status,
    error: s.error
  })),
  byHand: outcome.manual.map((m) => ({ applyStep: m.stepIndex + 1, action: m.kind, target: m.targetId, before: m.before, reason: m.reason }))
})

const humanSummary = (s: RevertSummary) =>
  [
    `${s.dryRun ? "Dry run of revert" : "Revert"} ${s.revertId} of ${s.caseId}${s.runId === null ? "" : ` (applied from run ${s.runId})`}: ${s.status}${s.detail === null ? "" : `: ${s.detail}`}`,
    ...s.steps.map((step, i) => `  ${i + 1}. ${step.description} [${step.status}]${step.error === null ? "" : ` (${step.error})`}`),
    ...(s.byHand.length === 0 ? [] : ["Not reverted by this tool (check and undo by hand if needed):"]),
    ...s.byHand.map((m) => `  apply step ${m.applyStep} ${m.action} ${m.target}, before apply ${JSON.stringify(m.before)}: ${m.reason}`),
    ...Object.entries(s.outputs).map(([k, v]) => `${k}: ${v}`)
  ].join("\n")

const exitCodeFor = (status: RevertSummary["status"]) => {
  switch (status) {
    case "reverted":
    case "already-reverted":
    case "planned":
      return ExitCode.ok
    case "waiting":
      return ExitCode.waitingForHands
    case "stale":
    case "failed":
    case "refused":
      return ExitCode.failure
  }
}

export const revertCommand = Command.make(
  "revert",
  { caseId: caseArg, dryRun, db: dbOption, json: jsonOption, out, pomCsv, customerUrl },
  (args) => {
    const now = new Date().toISOString()
    const revertId = `V-${now.replace(/[-:]/g, "").replace("T", "-").slice(0, 15)}-${Math.random().toString(36).slice(2, 6)}`
    const caseId = CaseId.make(args.caseId.trim())
    return Effect.gen(function* () {
      yield* withRunLock("revert")
      const store = yield* Store
      if (!args.dryRun) yield* store.startRun(RunId.make(revertId), "revert", { caseId }, now)
      const base = { revertId, dryRun: args.dryRun, caseId, outputs: {} }
      const found = yield* findRevertable(caseId)
      let summary: RevertSummary
      if (found._tag !== "revert") {
        summary = {
          ...base,
          runId: found._tag === "already-reverted" ? found.runId : null,
          status: found._tag,
          detail: found._tag === "refused" ? found.reason : found.detail,
          stepsDone: 0,
          steps: [],
          byHand: []
        }
      } else {
        const outcome = yield* revertCase(found, { revertId, dryRun: args.dryRun }).pipe(
          Effect.provide(Layer.mergeAll(qboTargetLayer, pomTargetLayer(args.pomCsv)))
        )
        const outputs: Record<string, string> = {}
        if (!args.dryRun) {
          outputs.report = yield* writeOutputFile(args.out, `revert-report-${revertId}.csv`, revertReportCsv(outcome))
          if (outcome.steps.some((s) => s.status === "waiting")) {
            outputs.pomWorklist = yield* writeOutputFile(args.out, `revert-worklist-${revertId}.csv`, revertWorklistCsv(outcome, Option.getOrNull(args.customerUrl)))
          }
        }
        summary = summaryOf({ ...base, outputs }, outcome)
      }
      if (!args.dryRun) yield* store.finishRun(RunId.make(revertId), { status: "ok", snapshotId: null, summary, now: new Date().toISOString() })
      yield* Console.log(args.json ? JSON.stringify(summary) : humanSummary(summary))
      setExitCode(exitCodeFor(summary.status))
    }).pipe(
      Effect.tapError(() =>
        Effect.flatMap(Store, (store) =>
          store.finishRun(RunId.make(revertId), { status: "failed", snapshotId: null, summary: null, now: new Date().toISOString() })
        ).pipe(Effect.ignore)
      ),
      Effect.scoped,
      Effect.provide(Layer.mergeAll(Journal.layer, RevertJournal.layer).pipe(Layer.provideMerge(Store.layer(args.db))))
    )
  }
).pipe(Command.withDescription("Reverse a case apply carried out (invoices back, QBO ids and statuses restored, customers active again), once, with a journal; --dry-run lists the steps"))
