import { Effect } from "effect"
import type { StepKey } from "../../sinks/store/Journal.ts"
import { RevertJournal, revertRequestIdFor, type RevertStepStatus } from "../../sinks/store/RevertJournal.ts"
import type { CaseId, RunId } from "../domain/Ids.ts"
import { type ReverseStep, reversePhase, reverseSystem } from "../domain/ReverseStep.ts"
import { QBO_BATCH_SIZE } from "./applyCases.ts"
import { PomTarget, QboTarget, type WriteOutcome } from "./ApplyTargets.ts"
import { readRecords } from "./readCurrentState.ts"
import { checkReverse, reverseRecords } from "./reverseChecks.ts"
import type { ReversePlan } from "./reverseSteps.ts"
import type { RevertOutcome, RevertStatus, ReverseStepOutcome } from "./RevertOutcome.ts"

interface LiveStep {
  readonly key: StepKey
  readonly step: ReverseStep
  readonly requestId: string
  status: RevertStepStatus
  after: unknown
  error: string | null
}

const describeRefusal = (o: { code: string; message: string; stale: boolean }) =>
  o.stale ? `the record changed in the meantime (${o.code} ${o.message})` : `${o.code}: ${o.message}`

/**
 * Undoes what apply did for one case, through the same machinery: a journal row per reverse step before it is
 * sent, derived request ids, a drift check against the state apply left (a case whose records moved on since is
 * refused whole, nothing sent), QBO invoice moves in batches, and verification. A rerun resumes where a crashed
 * revert stopped and never repeats a done step.
 */
export const revertCase = (target: { readonly runId: RunId; readonly caseId: CaseId; readonly plan: ReversePlan }, options: { revertId: string; dryRun: boolean }) =>
  Effect.gen(function* () {
    const journal = yield* RevertJournal
    const qbo = yield* QboTarget
    const pom = yield* PomTarget
    const { runId, caseId, plan } = target
    const { revertId } = options

    if (!options.dryRun) yield* journal.ensureSteps(runId, caseId, revertId, plan.steps)
    const rows = yield* journal.stepsOf(runId, caseId)
    const steps: Array<LiveStep> = plan.steps.map((step) => {
      const key = { runId, caseId, stepIndex: step.stepIndex }
      const row = rows.find((r) => r.stepIndex === step.stepIndex)
      return { key, step, requestId: revertRequestIdFor(key), status: row?.status ?? "pending", after: row?.after ?? null, error: row?.error ?? null }
    })
    let status: "running" | "stale" | "failed" = "running"
    let detail: string | null = null

    // Drift check against what apply left, and resolution of reverse steps a crashed revert sent without an answer.
    const started = steps.some((s) => s.status !== "pending")
    const open = steps.filter((s) => s.status !== "done")
    const now = yield* readRecords(reverseRecords(open.map((s) => s.step)))
    const resolved: Array<{ key: StepKey; status: RevertStepStatus; after?: unknown; revertId: string }> = []
    for (const s of open) {
      const check = checkReverse(s.step, now, started)
      if (check._tag === "after") {
        s.status = "done"
        s.after = "found reverted"
        resolved.push({ key: s.key, status: "done", after: s.after, revertId })
      } else if (check._tag === "drift") {
        status = started ? "failed" : "stale"
        detail = started
          ? `${check.message}: the revert stopped; check the case in QBO and POM`
          : `${check.message}: nothing was sent for this case; it is left as apply left it`
        break
      } else if (s.status === "failed" || s.status === "sent" || (s.status === "waiting" && pom.mode === "api")) {
        // The record is still as apply left it: the earlier attempt did not land, so it may be sent again.
        s.status = "pending"
      }
    }
    if (!options.dryRun && resolved.length > 0) yield* journal.record(resolved)

    if (options.dryRun) return finish(target, status === "running" ? "planned" : status, detail, steps, true)
    if (status !== "running") {
      yield* journal.setCase(runId, caseId, revertId, status, detail)
      return finish(target, status, detail, steps, false)
    }

    // A waiting POM step holds back the QBO steps after it (the invoices), not the POM steps after it.
    const earlierDone = (s: LiveStep) =>
      steps.every(
        (o) =>
          reversePhase(o.step) >= reversePhase(s.step) ||
          o.status === "done" ||
          (o.status === "waiting" && reverseSystem(s.step) === "pom")
      )
    const settle = <S>(s: LiveStep, outcome: WriteOutcome<S>) => {
      if (outcome.ok) {
        s.status = "done"
        s.after = outcome.state
      } else {
        s.status = "failed"
        s.error = describeRefusal(outcome)
        status = "failed"
        detail = `reverse step for apply step ${s.key.stepIndex + 1} (${s.step._tag}) failed: ${s.error}`
      }
      return { key: s.key, status: s.status, after: s.after, error: s.error, revertId }
    }

    for (let phase = 1; phase <= 5; phase++) {
      if (status !== "running") break
      const ready = steps.filter((s) => s.status === "pending" && reversePhase(s.step) === phase && earlierDone(s))
      if (phase === 5) {
        for (let i = 0; i < ready.length && status === "running"; i += QBO_BATCH_SIZE) {
          const chunk = ready.slice(i, i + QBO_BATCH_SIZE)
          yield* journal.record(chunk.map((s) => ({ key: s.key, status: "sent" as const, revertId })))
          const outcomes = yield* qbo.moveInvoices(
            chunk.flatMap((s) =>
              s.step._tag === "move-invoice-back"
                ? [{ invoiceId: s.step.invoiceId, syncToken: s.step.expect.syncToken, to: s.step.to, requestId: s.requestId }]
                : []
            )
          )
          yield* journal.record(chunk.map((s, j) => settle(s, outcomes[j] ?? { ok: false, code: "missing", message: "no answer for this item", stale: false })))
        }
        continue
      }
      for (const s of ready) {
        if (status !== "running") break
        const step = s.step
        if (reverseSystem(step) === "pom" && pom.mode === "worklist") {
          s.status = "waiting"
          yield* journal.record([{ key: s.key, status: "waiting", revertId }])
          continue
        }
        yield* journal.record([{ key: s.key, status: "sent", revertId }])
        const outcome: WriteOutcome<unknown> =
          step._tag === "reactivate-qbo-customer"
            ? yield* qbo.reactivateCustomer({ id: step.qboCustomerId, syncToken: step.expect.syncToken, requestId: s.requestId })
            : step._tag === "restore-pom-status"
              ? yield* pom.updateCustomer(step.pomCustomerId, { status: step.to }, s.requestId)
              : step._tag === "restore-quickbooks-id"
                ? yield* pom.updateCustomer(step.pomCustomerId, { quickbooksId: step.to }, s.requestId)
                : step._tag === "move-appointment-back"
                  ? yield* pom.moveAppointment(step.appointmentId, step.to, s.requestId)
                  : step._tag === "move-service-back"
                    ? yield* pom.moveService(step.serviceId, step.to, s.requestId)
                    : ({ ok: false, code: "internal", message: `${step._tag} is not sent one by one`, stale: false } as const)
        yield* journal.record([settle(s, outcome)])
      }
    }

    // Verify: every record read again must be back as it was before apply.
    if (status === "running" && steps.every((s) => s.status === "done")) {
      const after = yield* readRecords(reverseRecords(steps.map((s) => s.step)))
      const notBack = steps.find((s) => checkReverse(s.step, after, true)._tag !== "after")
      if (notBack !== undefined) {
        status = "failed"
        detail = `verification: the record of apply step ${notBack.key.stepIndex + 1} (${notBack.step._tag}) is not back after the revert`
      }
    }

    const final: RevertStatus =
      status !== "running" ? status : steps.some((s) => s.status === "waiting" || s.status === "pending") ? "waiting" : "reverted"
    if (final === "reverted") {
      detail = plan.manual.length === 0 ? null : `${plan.manual.length} step(s) apply did not make itself are left as they are: see the report`
      yield* journal.finish(runId, caseId, revertId, detail ?? "every step undone")
    } else {
      if (final === "waiting") detail = "POM steps are on the revert worklist for an admin; run the revert again with a fresh POM export (--pom-csv) to confirm them"
      yield* journal.setCase(runId, caseId, revertId, final, detail)
    }
    return finish(target, final, detail, steps, false)
  }).pipe(Effect.withSpan("revertCase"))

const finish = (
  target: { readonly runId: RunId; readonly caseId: CaseId; readonly plan: ReversePlan },
  status: RevertStatus,
  detail: string | null,
  steps: ReadonlyArray<LiveStep>,
  dryRun: boolean
): RevertOutcome => ({
  runId: target.runId,
  caseId: target.caseId,
  status,
  detail,
  manual: target.plan.manual,
  // In the order they run: by phase, and within one the later apply step first.
  steps: [...steps].sort((a, b) => reversePhase(a.step) - reversePhase(b.step) || b.key.stepIndex - a.key.stepIndex).map(
    (s): ReverseStepOutcome => ({
      step: s.step,
      status: dryRun && s.status !== "done" ? "planned" : s.status === "pending" || s.status === "sent" ? "not-run" : s.status,
      after: s.after,
      error: s.error
    })
  )
})
