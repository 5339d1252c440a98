import { Effect, Option } from "effect"
import type { ReviewDecision } from "../../sources/review/readReviewFile.ts"
import { ReviewFileError } from "../../sources/review/ReviewFileError.ts"
import { Journal } from "../../sinks/store/Journal.ts"
import { Store } from "../../sinks/store/Store.ts"
import type { ApprovedCase } from "./ApplyOutcome.ts"
import type { Case } from "../domain/Case.ts"

export interface Refusal {
  readonly line: number
  readonly caseId: string
  readonly reason: string
}

export interface SignOff {
  /** Approved cases to carry out, each with the plan stored when it was reviewed. */
  readonly approved: ReadonlyArray<ApprovedCase>
  /** Approved cases not carried out, and why (already applied, or changed by a newer run). */
  readonly refused: ReadonlyArray<Refusal>
  readonly rejected: ReadonlyArray<{ readonly decision: ReviewDecision; readonly case: Case }>
}

const samePlan = (a: Case, b: Case) => JSON.stringify(a.plan.steps) === JSON.stringify(b.plan.steps)

/**
 * Matches a review file's decisions with the cases stored for the run it names. What will be executed is the
 * stored plan, never text from the file. An id that names no case refuses the whole file (it is not the file
 * that was reviewed); a case whose plan a newer run changed, or that was already applied, is refused alone.
 */
export const checkSignOff = (file: string, decisions: ReadonlyArray<ReviewDecision>) =>
  Effect.gen(function* () {
    const store = yield* Store
    const journal = yield* Journal
    const problems: Array<string> = []
    const found: Array<{ decision: ReviewDecision; case: Case }> = []
    for (const d of decisions) {
      const stored = yield* store.getCase(d.runId, d.caseId)
      if (Option.isNone(stored)) {
        const run = yield* store.getRun(d.runId)
        problems.push(
          Option.isNone(run)
            ? `line ${d.line}: run ${d.runId} is not in this store (was the review made with another --db?)`
            : `line ${d.line}: case ${d.caseId} is not a case of run ${d.runId}`
        )
      } else found.push({ decision: d, case: stored.value })
    }
    if (problems.length > 0) return yield* new ReviewFileError({ file, problems })

    const applications = yield* journal.applicationsOf(found.map((f) => f.case.id))
    const approved: Array<ApprovedCase> = []
    const refused: Array<Refusal> = []
    for (const f of found) {
      if (f.decision.decision !== "approve") continue
      const done = applications.find((a) => a.caseId === f.case.id && a.status === "done")
      if (done !== undefined) {
        refused.push({ line: f.decision.line, caseId: f.case.id, reason: `already applied (${done.updatedAt})` })
        continue
      }
      // A reverted case's reviewed plan expects records as they were before apply: the revert moved them on.
      const reverted = applications.find((a) => a.caseId === f.case.id && a.runId === f.decision.runId && a.status === "reverted")
      if (reverted !== undefined) {
        refused.push({ line: f.decision.line, caseId: f.case.id, reason: `${reverted.detail ?? "reverted"}: run reconcile run and review the case again` })
        continue
      }
      const newer = yield* store.runsAfter(f.decision.runId)
      const latest = newer[0]
      if (latest !== undefined) {
        const again = yield* store.getCase(latest.id, f.case.id)
        if (Option.isNone(again) || !samePlan(again.value, f.case)) {
          refused.push({
            line: f.decision.line,
            caseId: f.case.id,
            reason: Option.isNone(again)
              ? `the newer run ${latest.id} no longer finds this case: its records changed; review that run instead`
              : `the newer run ${latest.id} plans this case differently: review that run instead`
          })
          continue
        }
      }
      approved.push({ runId: f.decision.runId, case: f.case })
    }
    return {
      approved,
      refused,
      rejected: found.filter((f) => f.decision.decision === "reject")
    } satisfies SignOff
  })
