import { Command, Options } from "@effect/cli"
import { Console, Effect, Layer, Option, Schema } from "effect"
import { dirname } from "node:path"
import type { CaseOutcome } from "../pipeline/apply/ApplyOutcome.ts"
import { CaseId, RunId } from "../pipeline/domain/Ids.ts"
import { applyCases } from "../pipeline/apply/applyCases.ts"
import { checkSignOff, type SignOff } from "../pipeline/apply/checkSignOff.ts"
import { applyReportCsv } from "../reports/ApplyReportCsv.ts"
import { type ApplyReportRow, applyReportRows } from "../reports/applyReportRows.ts"
import { describeStepChange } from "../reports/describeStepChange.ts"
import { pomWorklistCsv } from "../reports/PomWorklistCsv.ts"
import { qboAppUrl, qboWorklistCsv } from "../reports/QboWorklistCsv.ts"
import { withTerminalProgress } from "../reports/TerminalProgress.ts"
import { CaseChoice, describeChoice, isNoChoice } from "../pipeline/domain/CaseChoice.ts"
import { readReviewFile } from "../sources/review/readReviewFile.ts"
import { confidenceText } from "../reports/confidenceText.ts"
import { checkWritableFolder, writeOutputFile } from "../sinks/OutputFolder.ts"
import { Journal } from "../sinks/store/Journal.ts"
import { withRunLock } from "../sinks/store/RunLock.ts"
import { Store } from "../sinks/store/Store.ts"
import { ExitCode, setExitCode } from "./ExitCode.ts"
import { customerUrlTemplate, decodedWith } from "./optionValues.ts"
import { recordNamesOfRuns } from "./recordNamesOfRuns.ts"
import { pomCustomerUrlTemplate, qboEnvironment } from "./recordLinks.ts"
import { pomTargetLayer, qboTargetLayer } from "./targetLayers.ts"
import { existingDbOption, jsonOption } from "./sharedOptions.ts"

const encodeChoice = Schema.encodeSync(CaseChoice)

const review = Options.file("review", { exists: "yes" }).pipe(Options.withDescription("The review.xlsx or review.csv an admin filled in (decision column)"))
const dryRun = Options.boolean("dry-run").pipe(Options.withDescription("Check drift and print the steps; write nothing"))
const out = Options.directory("out").pipe(Options.optional, Options.withDescription("Folder for apply-report-<apply id>.csv and pom-worklist.csv (default: the review file's folder)"))
const pomCsv = Options.directory("pom-csv", { exists: "yes" }).pipe(
  Options.optional,
  Options.withDescription("Without POM API access: a fresh POM export, to check drift and confirm worklist steps done by hand")
)
const customerUrl = Options.text("pom-customer-url").pipe(
  decodedWith(customerUrlTemplate("pom-customer-url")),
  Options.withPseudoName("URL"),
  Options.optional,
  Options.withDescription("Link template for the POM worklist, an http(s) address with {id} standing for the POM customer id. Default: none")
)

export interface ApplySummary {
  readonly applyId: string
  readonly dryRun: boolean
  readonly approved: number
  readonly rejected: number
  readonly refused: ReadonlyArray<{ readonly row: number; readonly caseId: string; readonly reason: string }>
  readonly cases: Readonly<Record<CaseOutcome["status"], number>>
  readonly stepsDone: number
  readonly outputs: Readonly<Record<string, string>>
}

const count = (outcomes: ReadonlyArray<CaseOutcome>): ApplySummary["cases"] => ({
  done: outcomes.filter((o) => o.status === "done").length,
  waiting: outcomes.filter((o) => o.status === "waiting").length,
  stale: outcomes.filter((o) => o.status === "stale").length,
  failed: outcomes.filter((o) => o.status === "failed").length,
  planned: outcomes.filter((o) => o.status === "planned").length
})

// Each step names the record it changes and the value it holds now, so it can be checked in POM or QBO first.
const describeDryRun = (outcomes: ReadonlyArray<CaseOutcome>, choices: ReadonlyMap<string, string>) =>
  outcomes
    .map((o) =>
      [
        `${o.case.id} (${o.case.scenario}, confidence ${confidenceText(o.case)})${choices.has(o.case.id) ? ` as chosen: ${choices.get(o.case.id)}` : ""}${o.detail === null ? "" : `: ${o.detail}`}`,
        ...o.steps.map(
          (s) =>
            `  ${s.stepIndex + 1}. ${describeStepChange(s.step)} (${s.step.reason})${s.status === "done" ? " (already done)" : s.byHand.length > 0 ? " (by hand in QBO: goes on qbo-worklist.csv)" : ""}`
        )
      ].join("\n")
    )
    .join("\n")

const humanSummary = (s: ApplySummary, outcomes: ReadonlyArray<CaseOutcome>, choices: ReadonlyMap<string, string>) =>
  [
    `${s.dryRun ? "Dry run" : "Apply"} ${s.applyId}: ${s.approved} approved, ${s.rejected} rejected (remembered), ${s.refused.length} refused.`,
    ...s.refused.map((r) => `  refused row ${r.row} ${r.caseId}: ${r.reason}`),
    s.dryRun
      ? describeDryRun(outcomes, choices)
      : `Cases: ${s.cases.done} done, ${s.cases.waiting} waiting for work by hand, ${s.cases.stale} stale, ${s.cases.failed} failed; ${s.stepsDone} steps done.`,
    ...outcomes.filter((o) => o.status === "stale" || o.status === "failed").map((o) => `  ${o.status} ${o.case.id}: ${o.detail ?? ""}`),
    ...Object.entries(s.outputs).map(([k, v]) => `${k}: ${v}`)
  ].join("\n")

export const applyCommand = Command.make(
  "apply",
  { review, dryRun, db: existingDbOption, json: jsonOption, out, pomCsv, customerUrl },
  (args) => {
    const now = new Date().toISOString()
    const applyId = `A-${now.replace(/[-:]/g, "").replace("T", "-").slice(0, 15)}-${Math.random().toString(36).slice(2, 6)}`
    const outDir = Option.getOrElse(args.out, () => dirname(args.review))
    return Effect.gen(function* () {
      yield* withRunLock("apply")
      // Before anything is sent: an apply whose report cannot be written would leave changes nobody can trace.
      if (!args.dryRun) yield* checkWritableFolder(outDir)
      const store = yield* Store
      if (!args.dryRun) yield* store.startRun(RunId.make(applyId), "apply", { review: args.review }, now)
      const decisions = yield* readReviewFile(args.review)
      const signOff: SignOff = yield* checkSignOff(args.review, decisions, now)
      const choiceOf = new Map(signOff.approved.flatMap((a) => (a.choice === undefined || isNoChoice(a.choice) ? [] : [[a.case.id, a.choice] as const])))
      if (!args.dryRun) {
        yield* store.recordDecisions(
          [...signOff.rejected, ...signOff.approved.map((a) => ({ decision: decisions.find((d) => d.caseId === a.case.id && d.runId === a.runId), case: a.case }))].flatMap(
            ({ decision, case: c }) => {
              if (decision === undefined) return []
              const choice = choiceOf.get(c.id)
              return [{
                caseId: c.id,
                runId: decision.runId,
                decision: decision.decision,
                fingerprint: c.fingerprint,
                note: decision.note,
                source: `${args.review} row ${decision.row}`,
                decidedAt: now,
                choice: choice === undefined ? null : encodeChoice(choice)
              }]
            }
          )
        )
        // Before any step is journaled: the journal's step numbers refer to the chosen plan from now on.
        for (const a of signOff.approved) if (a.chosen !== undefined) yield* store.saveChosenPlan(a.runId, a.chosen)
      }
      // Only approved cases need the systems: a sign-off of rejections alone works without any connection.
      const outcomes =
        signOff.approved.length === 0
          ? []
          : yield* withTerminalProgress(applyCases(signOff.approved, { applyId, dryRun: args.dryRun })).pipe(
              Effect.provide(
                Layer.mergeAll(
                  qboTargetLayer,
                  pomTargetLayer(args.pomCsv)
                )
              )
            )
      const outputs: Record<string, string> = {}
      let report: ReadonlyArray<ApplyReportRow> = []
      if (!args.dryRun) {
        const refused = yield* Effect.forEach(signOff.refused, (r) =>
          Effect.gen(function* () {
            const runId = decisions.find((d) => d.row === r.row)?.runId ?? null
            const stored = runId === null ? Option.none() : yield* store.getCase(runId, CaseId.make(r.caseId))
            return { ...r, runId, case: Option.getOrNull(stored) }
          })
        )
        const namesOf = yield* recordNamesOfRuns([...outcomes.map((o) => o.runId), ...refused.flatMap((r) => (r.runId === null ? [] : [r.runId]))])
        report = applyReportRows(outcomes, refused, namesOf)
        // Named by the apply: an earlier apply's report is the record of what it changed, never replaced.
        outputs.report = yield* writeOutputFile(outDir, `apply-report-${applyId}.csv`, applyReportCsv(report), { replace: false })
        if (outcomes.some((o) => o.steps.some((s) => s.status === "waiting" && s.byHand.length > 0))) {
          const environment = yield* qboEnvironment
          outputs.qboWorklist = yield* writeOutputFile(outDir, "qbo-worklist.csv", qboWorklistCsv(outcomes, qboAppUrl(environment)))
        }
        if (outcomes.some((o) => o.steps.some((s) => s.status === "waiting" && s.byHand.length === 0))) {
          outputs.pomWorklist = yield* writeOutputFile(outDir, "pom-worklist.csv", pomWorklistCsv(outcomes, yield* pomCustomerUrlTemplate(args.customerUrl)))
        }
      }
      const summary: ApplySummary = {
        applyId,
        dryRun: args.dryRun,
        approved: signOff.approved.length,
        rejected: signOff.rejected.length,
        refused: signOff.refused,
        cases: count(outcomes),
        stepsDone: outcomes.reduce((n, o) => n + o.steps.filter((s) => s.status === "done").length, 0),
        outputs
      }
      if (!args.dryRun) {
        yield* writeOutputFile(outDir, "apply-summary.json", `${JSON.stringify(summary, null, 2)}\n`)
        yield* store.finishRun(RunId.make(applyId), { status: "ok", snapshotId: null, summary: { ...summary, report }, now: new Date().toISOString() })
      }
      const choices = new Map([...choiceOf].map(([id, c]) => [id, describeChoice(c)] as const))
      yield* Console.log(args.json ? JSON.stringify(summary) : humanSummary(summary, outcomes, choices))
      const incomplete = summary.cases.stale + summary.cases.failed + summary.refused.filter((r) => !r.reason.startsWith("already applied")).length
      if (incomplete > 0) setExitCode(ExitCode.failure)
      else if (summary.cases.waiting > 0) setExitCode(ExitCode.waitingForHands)
    }).pipe(
      Effect.tapError(() =>
        Effect.flatMap(Store, (store) =>
          store.finishRun(RunId.make(applyId), { status: "failed", snapshotId: null, summary: null, now: new Date().toISOString() })
        ).pipe(Effect.ignore)
      ),
      Effect.scoped,
      Effect.provide(Journal.layer.pipe(Layer.provideMerge(Store.layer(args.db))))
    )
  }
).pipe(Command.withDescription("Carry out the cases approved in a review file, once, with a journal; --dry-run checks and lists"))
