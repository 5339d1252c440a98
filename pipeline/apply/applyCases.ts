import { Effect } from "effect"
import { Journal, type StepKey, type StepStatus } from "../../sinks/store/Journal.ts"
import type { Blocker } from "../domain/Blocker.ts"
import type { PlanStep } from "../domain/PlanStep.ts"
import { dependsOn, stepPhase, stepSystem } from "../domain/PlanStep.ts"
import type { ApprovedCase, CaseOutcome, CaseOutcomeStatus, StepOutcome } from "./ApplyOutcome.ts"
import { PomTarget, QboTarget, type WriteOutcome } from "./ApplyTargets.ts"
import { reportStage } from "../RunProgress.ts"
import { byHandSteps } from "./byHandSteps.ts"
import { confirmedState } from "./confirmedState.ts"
import { readCurrentState } from "./readCurrentState.ts"
import { checkByHand, checkStep } from "./stepChecks.ts"

/** QBO's batch endpoint takes at most 30 operations (domain-facts 2.5). */
export const QBO_BATCH_SIZE = 30

interface LiveStep {
  readonly key: StepKey
  readonly step: PlanStep
  readonly requestId: string
  /** Why a person does this step in QBO (empty: apply sends it). */
  readonly byHand: ReadonlyArray<Blocker>
  status: StepStatus
  after: unknown
  error: string | null
}

interface LiveCase {
  readonly approved: ApprovedCase
  readonly steps: Array<LiveStep>
  status: "running" | "stale" | "failed"
  detail: string | null
}

const plural = (n: number, one: string) => `${n.toLocaleString("en-US")} ${one}${n === 1 ? "" : "s"}`

const describeRefusal = (o: { code: string; message: string; stale: boolean }) =>
  o.stale ? `the record changed in the meantime (${o.code} ${o.message}): re-run and review again` : `${o.code}: ${o.message}`

/**
 * Carries out approved cases, exactly once, resumably. Every step has a journal row before it is sent; its
 * outcome is written in one transaction with the others of its batch. A restarted apply reads the journal and
 * the systems, finishes steps that were sent but not confirmed, and never repeats a done step.
 *
 * Steps run in plan order within a case (invoices, POM history, links, inactivation); the cases interleave, so
 * invoice moves of many cases share QBO batches. A failed step stops the rest of its case only.
 */
export const applyCases = (approved: ReadonlyArray<ApprovedCase>, options: { applyId: string; dryRun: boolean }) =>
  Effect.gen(function* () {
    const journal = yield* Journal
    const qbo = yield* QboTarget
    const pom = yield* PomTarget
    const { applyId } = options

    const cases: Array<LiveCase> = []
    for (const a of approved) {
      if (!options.dryRun) yield* journal.ensureSteps(a.runId, a.case.id, applyId, a.case.plan.steps)
      const rows = options.dryRun ? [] : yield* journal.stepsOf(a.runId, a.case.id)
      const byHand = byHandSteps(a.case)
      cases.push({
        approved: a,
        status: "running",
        detail: null,
        steps: a.case.plan.steps.map((step, stepIndex) => {
          const row = rows[stepIndex]
          const key = { runId: a.runId, caseId: a.case.id, stepIndex }
          return {
            key,
            step,
            requestId: row?.requestId ?? "",
            byHand: byHand.get(stepIndex) ?? [],
            status: row?.status ?? "pending",
            after: row?.after ?? null,
            error: row?.error ?? null
          }
        })
      })
    }

    // Drift check, and resolution of steps a crashed apply sent without hearing back.
    const open = (c: LiveCase) => c.steps.filter((s) => s.status !== "done" && s.status !== "skipped")
    yield* reportStage(`Checking ${plural(cases.length, "approved case")} against QBO and POM…`)
    const now = yield* readCurrentState(cases.flatMap((c) => open(c).map((s) => s.step)))
    const resolved: Array<{ key: StepKey; status: StepStatus; after?: unknown; error?: string | null; applyId: string }> = []
    for (const c of cases) {
      const started = c.steps.some((s) => s.status !== "pending" && (s.byHand.length === 0 || s.status === "done"))
      for (const s of open(c)) {
        const check = s.byHand.length > 0 ? checkByHand(s.step, now) : checkStep(s.step, now, started)
        if (check._tag === "after") {
          // A POM step this tool put on the worklist, now done by hand, is the tool's change all the same: its
          // journal row holds the record's state, so a revert lists its undo. Anything else found in place was
          // done by someone else, and a revert leaves it alone.
          const fromWorklist = s.status === "waiting" && s.byHand.length === 0 ? confirmedState(s.step, now) : null
          s.status = "done"
          s.after = fromWorklist ?? "found already in place"
          resolved.push({ key: s.key, status: "done", after: s.after, applyId })
        } else if (check._tag === "drift") {
          c.status = started ? "failed" : "stale"
          c.detail = `${check.message}: re-run and review again`
          break
        } else if (s.byHand.length > 0) {
          // Never sent: it waits, on the QBO worklist, until a person's work shows in QBO.
          if (s.status !== "waiting" && !options.dryRun) resolved.push({ key: s.key, status: "waiting", applyId })
          s.status = "waiting"
        } else if (s.status === "failed" || s.status === "sent" || (s.status === "waiting" && pom.mode === "api")) {
          // The record is still as reviewed: the earlier attempt did not land, so it may be sent again.
          s.status = "pending"
        }
      }
    }
    if (resolved.length > 0) yield* journal.record(resolved)
    const checked = (tag: LiveCase["status"]) => cases.filter((c) => c.status === tag).length
    yield* reportStage(
      `Checked ${plural(cases.length, "case")}: ${checked("running")} to go on, ${checked("stale")} stale; ${plural(
        cases.reduce((n, c) => n + c.steps.filter((s) => s.status === "waiting" && s.byHand.length > 0).length, 0),
        "step"
      )} waiting for work by hand in QBO`
    )

    if (options.dryRun) {
      return cases.map((c): CaseOutcome => finish(c, "planned"))
    }

    const running = () => cases.filter((c) => c.status === "running")
    // In worklist mode an admin does the POM steps in the listed order, so a POM step waiting on the POM worklist
    // does not hold back the POM steps after it; it does hold back the QBO steps after it. Work waiting by hand in
    // QBO holds back every step that depends on it.
    const earlierDone = (c: LiveCase, s: LiveStep) =>
      c.steps.every(
        (o) =>
          !dependsOn(s.step, o.step) ||
          o.status === "done" ||
          o.status === "skipped" ||
          (o.status === "waiting" && o.byHand.length === 0 && stepSystem(o.step) === "pom" && stepSystem(s.step) === "pom")
      )
    const fail = (c: LiveCase, s: LiveStep, error: string) => {
      s.status = "failed"
      s.error = error
      c.status = "failed"
      c.detail = `step ${s.key.stepIndex + 1} (${s.step._tag}) failed: ${error}`
    }
    const settle = <S>(c: LiveCase, s: LiveStep, outcome: WriteOutcome<S>) => {
      if (outcome.ok) {
        s.status = "done"
        s.after = outcome.state
      } else fail(c, s, describeRefusal(outcome))
      return { key: s.key, status: s.status, after: s.after, error: s.error, applyId }
    }

    const toSend = running().reduce((n, c) => n + c.steps.filter((s) => s.status === "pending").length, 0)
    let sent = 0
    const progress = (what: string) => reportStage(`Sent ${sent.toLocaleString("en-US")} of ${toSend.toLocaleString("en-US")} steps (${what})`)

    for (let phase = 1; phase <= 5; phase++) {
      const ready = running().flatMap((c) =>
        c.steps
          .filter((s) => s.status === "pending" && stepPhase(s.step) === phase && earlierDone(c, s))
          .map((s) => ({ c, s }))
      )
      if (ready.length === 0) continue

      if (phase === 1) {
        for (let i = 0; i < ready.length; i += QBO_BATCH_SIZE) {
          const chunk = ready.slice(i, i + QBO_BATCH_SIZE).filter(({ c }) => c.status === "running")
          yield* journal.record(chunk.map(({ s }) => ({ key: s.key, status: "sent" as const, applyId })))
          const outcomes = yield* qbo.moveInvoices(
            chunk.flatMap(({ s }) =>
              s.step._tag === "move-invoice"
                ? [{ invoiceId: s.step.invoiceId, syncToken: s.step.before.syncToken, to: s.step.to, requestId: s.requestId }]
                : []
            )
          )
          yield* journal.record(chunk.map(({ c, s }, j) => settle(c, s, outcomes[j] ?? { ok: false, code: "missing", message: "no answer for this item", stale: false })))
          sent += chunk.length
          yield* progress("QBO invoice moves")
        }
        continue
      }

      if (phase <= 4) {
        for (const { c, s } of ready) {
          if (c.status !== "running") continue
          if (pom.mode === "worklist") {
            s.status = "waiting"
            yield* journal.record([{ key: s.key, status: "waiting", applyId }])
            continue
          }
          yield* journal.record([{ key: s.key, status: "sent", applyId }])
          const step = s.step
          const outcome: WriteOutcome<unknown> =
            step._tag === "move-appointment"
              ? yield* pom.moveAppointment(step.appointmentId, step.to, s.requestId)
              : step._tag === "move-service"
                ? yield* pom.moveService(step.serviceId, step.to, s.requestId)
                : step._tag === "set-quickbooks-id"
                  ? yield* pom.updateCustomer(step.pomCustomerId, { quickbooksId: step.to }, s.requestId)
                  : step._tag === "inactivate-pom-customer"
                    ? yield* pom.updateCustomer(step.pomCustomerId, { status: "INACTIVE" }, s.requestId)
                    : ({ ok: false, code: "internal", message: `${step._tag} is not a POM step`, stale: false } as const)
          yield* journal.record([settle(c, s, outcome)])
          sent++
          yield* progress("POM")
        }
        continue
      }

      // Phase 5: retire wrong QBO customers, once everything else in the case is done and they hold nothing.
      const fresh = yield* qbo.readCustomers(ready.flatMap(({ s }) => (s.step._tag === "inactivate-qbo-customer" ? [s.step.qboCustomerId] : [])))
      for (const { c, s } of ready) {
        if (c.status !== "running" || s.step._tag !== "inactivate-qbo-customer") continue
        const current = fresh.get(s.step.qboCustomerId)
        if (current === undefined || Math.round(current.balance * 100) !== 0) {
          fail(c, s, current === undefined ? "the customer no longer exists" : `it still has a balance of ${current.balance.toFixed(2)}`)
          yield* journal.record([{ key: s.key, status: "failed", error: s.error, applyId }])
          continue
        }
        yield* journal.record([{ key: s.key, status: "sent", applyId }])
        const outcome = yield* qbo.inactivateCustomer({ id: s.step.qboCustomerId, syncToken: current.syncToken, requestId: s.requestId })
        yield* journal.record([settle(c, s, outcome)])
        sent++
        yield* progress("QBO inactivations")
      }
    }

    // Verify: re-read every record of the cases that ran, and confirm each change is in place.
    yield* reportStage("Verifying the changes in QBO and POM…")
    const ran = cases.filter((c) => c.status === "running" && c.steps.every((s) => s.status === "done"))
    const after = yield* readCurrentState(ran.flatMap((c) => c.steps.map((s) => s.step)))
    for (const c of ran) {
      const notInPlace = c.steps.find((s) => checkStep(s.step, after, true)._tag !== "after")
      if (notInPlace !== undefined) {
        c.status = "failed"
        c.detail = `verification: step ${notInPlace.key.stepIndex + 1} (${notInPlace.step._tag}) is not in place after apply`
      }
    }

    const outcomes = cases.map((c) => {
      const status: CaseOutcomeStatus =
        c.status === "stale"
          ? "stale"
          : c.status === "failed"
            ? "failed"
            : c.steps.some((s) => s.status === "waiting" || s.status === "pending")
              ? "waiting"
              : "done"
      return finish(c, status)
    })
    for (const o of outcomes) {
      yield* journal.setCase(
        o.runId,
        o.case.id,
        applyId,
        o.status === "planned" ? "in-progress" : o.status,
        o.detail
      )
    }
    return outcomes
  }).pipe(Effect.withSpan("applyCases"))

const waitingDetail = (c: LiveCase): string => {
  const waiting = c.steps.filter((s) => s.status === "waiting")
  const byHand = waiting.filter((s) => s.byHand.length > 0).length
  const pom = waiting.length - byHand
  return [
    byHand > 0 ? `${byHand} QBO step${byHand === 1 ? " is" : "s are"} in qbo-worklist.csv to do by hand; run apply again once they show in QBO` : "",
    pom > 0 ? "POM steps are in pom-worklist.csv for an admin; run apply again with fresh POM data to confirm them" : "",
    byHand + pom === 0 ? "steps wait for the work they depend on" : ""
  ]
    .filter((s) => s !== "")
    .join("; ")
}

const finish = (c: LiveCase, status: CaseOutcomeStatus): CaseOutcome => ({
  runId: c.approved.runId,
  case: c.approved.case,
  status,
  detail: status === "waiting" ? waitingDetail(c) : c.detail,
  steps: c.steps.map(
    (s): StepOutcome => ({
      stepIndex: s.key.stepIndex,
      step: s.step,
      status:
        status === "planned"
          ? "planned"
          : s.status === "pending"
            ? "not-run"
            : s.status === "sent"
              ? "not-run"
              : s.status,
      after: s.after,
      error: s.error,
      byHand: s.byHand
    })
  )
})
