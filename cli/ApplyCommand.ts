import { Command, Options } from "@effect/cli"
import { Config, Console, Effect, Layer, Option, Schema } from "effect"
import { dirname } from "node:path"
import type { CaseOutcome } from "../pipeline/apply/ApplyOutcome.ts"
import { RunId } from "../pipeline/domain/Ids.ts"
import { applyCases } from "../pipeline/apply/applyCases.ts"
import { checkSignOff, type SignOff } from "../pipeline/apply/checkSignOff.ts"
import { applyReportCsv } from "../reports/ApplyReportCsv.ts"
import { describeStepChange } from "../reports/describeStepChange.ts"
import { pomWorklistCsv } from "../reports/PomWorklistCsv.ts"
import { qboAppUrl, qboWorklistCsv } from "../reports/QboWorklistCsv.ts"
import { CaseChoice, describeChoice, isNoChoice } from "../pipeline/domain/CaseChoice.ts"
import { qboClientSettingsFromEnv } from "../sources/qbo/api/QboClientSettings.ts"
import { QboLive } from "../sources/qbo/api/QboLive.ts"
import { PomLive, pomApiConfigured } from "../sources/pom/api/PomLive.ts"
import { readPomExport } from "../sources/pom/files/readPomExport.ts"
import { readReviewFile } from "../sources/review/readReviewFile.ts"
import { writeOutputFile } from "../sinks/OutputFolder.ts"
import { PomApiTargetLive } from "../sinks/pom/PomApiTarget.ts"
import { pomWorklistTarget } from "../sinks/pom/PomWorklistTarget.ts"
import { applyQboClientOptions, QboApiTargetLive } from "../sinks/qbo/QboApiTarget.ts"
import { Journal } from "../sinks/store/Journal.ts"
import { withRunLock } from "../sinks/store/RunLock.ts"
import { SqliteQboTokenStore } from "../sinks/store/SqliteQboTokenStore.ts"
import { Store } from "../sinks/store/Store.ts"
import { ExitCode, setExitCode } from "./ExitCode.ts"
import { dbOption, jsonOption } from "./sharedOptions.ts"

const encodeChoice = Schema.encodeSync(CaseChoice)

const review = Options.file("review", { exists: "yes" }).pipe(Options.withDescription("The review.csv an admin filled in (decision column)"))
const dryRun = Options.boolean("dry-run").pipe(Options.withDescription("Check drift and print the steps; write nothing"))
const out = Options.directory("out").pipe(Options.optional, Options.withDescription("Folder for apply-report.csv and pom-worklist.csv (default: the review file's folder)"))
const pomCsv = Options.directory("pom-csv", { exists: "yes" }).pipe(
  Options.optional,
  Options.withDescription("Without POM API access: a fresh POM export, to check drift and confirm worklist steps done by hand")
)
const customerUrl = Options.text("pom-customer-url").pipe(
  Options.optional,
  Options.withDescription("Link template for the POM worklist, {id} standing for the POM customer id")
)

export interface ApplySummary {
  readonly applyId: string
  readonly dryRun: boolean
  readonly approved: number
  readonly rejected: number
  readonly refused: ReadonlyArray<{ readonly line: number; readonly caseId: string; readonly reason: string }>
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
        `${o.case.id} (${o.case.scenario})${choices.has(o.case.id) ? ` as chosen: ${choices.get(o.case.id)}` : ""}${o.detail === null ? "" : `: ${o.detail}`}`,
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
    ...s.refused.map((r) => `  refused line ${r.line} ${r.caseId}: ${r.reason}`),
    s.dryRun
      ? describeDryRun(outcomes, choices)
      : `Cases: ${s.cases.done} done, ${s.cases.waiting} waiting for work by hand, ${s.cases.stale} stale, ${s.cases.failed} failed; ${s.stepsDone} steps done.`,
    ...outcomes.filter((o) => o.status === "stale" || o.status === "failed").map((o) => `  ${o.status} ${o.case.id}: ${o.detail ?? ""}`),
    ...Object.entries(s.outputs).map(([k, v]) => `${k}: ${v}`)
  ].join("\n")

/** The POM side: the API when configured, else a worklist checked against a fresh export if one is given. */
const pomTargetLayer = (pomCsv: Option.Option<string>) =>
  Layer.unwrapEffect(
    Effect.gen(function* () {
      if (yield* pomApiConfigured) return PomApiTargetLive.pipe(Layer.provide(PomLive))
      if (Option.isNone(pomCsv)) return pomWorklistTarget(null)
      const fresh = yield* readPomExport(pomCsv.value)
      return pomWorklistTarget(fresh)
    })
  )

export const applyCommand = Command.make(
  "apply",
  { review, dryRun, db: dbOption, json: jsonOption, out, pomCsv, customerUrl },
  (args) => {
    const now = new Date().toISOString()
    const applyId = `A-${now.replace(/[-:]/g, "").replace("T", "-").slice(0, 15)}-${Math.random().toString(36).slice(2, 6)}`
    return Effect.gen(function* () {
      yield* withRunLock("apply")
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
                source: `${args.review}:${decision.line}`,
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
          : yield* applyCases(signOff.approved, { applyId, dryRun: args.dryRun }).pipe(
              Effect.provide(
                Layer.mergeAll(
                  QboApiTargetLive.pipe(Layer.provide(QboLive), Layer.provide(SqliteQboTokenStore), Layer.provide(qboClientSettingsFromEnv(applyQboClientOptions))),
                  pomTargetLayer(args.pomCsv)
                )
              )
            )
      const outDir = Option.getOrElse(args.out, () => dirname(args.review))
      const outputs: Record<string, string> = {}
      if (!args.dryRun) {
        outputs.report = yield* writeOutputFile(outDir, "apply-report.csv", applyReportCsv(outcomes, signOff.refused))
        if (outcomes.some((o) => o.steps.some((s) => s.status === "waiting" && s.byHand.length > 0))) {
          const environment = yield* Config.literal("sandbox", "production")("QBO_ENVIRONMENT").pipe(Config.withDefault("sandbox" as const))
          outputs.qboWorklist = yield* writeOutputFile(outDir, "qbo-worklist.csv", qboWorklistCsv(outcomes, qboAppUrl(environment)))
        }
        if (outcomes.some((o) => o.steps.some((s) => s.status === "waiting" && s.byHand.length === 0))) {
          outputs.pomWorklist = yield* writeOutputFile(outDir, "pom-worklist.csv", pomWorklistCsv(outcomes, Option.getOrNull(args.customerUrl)))
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
        yield* store.finishRun(RunId.make(applyId), { status: "ok", snapshotId: null, summary, now: new Date().toISOString() })
      }
      const choices = new Map([...choiceOf].map(([id, c]) => [id, describeChoice(c)] as const))
      yield* Console.log(args.json ? JSON.stringify(summary) : humanSummary(summary, outcomes, choices))
      const incomplete = summary.cases.stale + summary.cases.failed + summary.refused.filter((r) => !r.reason.startsWith("already applied")).length
      if (incomplete > 0) setExitCode(ExitCode.failure)
      else if (summary.cases.waiting > 0) setExitCode(ExitCode.waitingForPom)
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
