import { Effect } from "effect"
import { Journal, type JournalStep } from "../../sinks/store/Journal.ts"
import { RevertJournal } from "../../sinks/store/RevertJournal.ts"
import type { CaseId, RunId } from "../domain/Ids.ts"
import { type ReversePlan, reverseSteps } from "./reverseSteps.ts"

/** What `reconcile revert CASE` finds in the journal: an application to revert, or why there is none. */
export type Revertable =
  | { readonly _tag: "revert"; readonly runId: RunId; readonly caseId: CaseId; readonly plan: ReversePlan }
  | { readonly _tag: "already-reverted"; readonly runId: RunId; readonly caseId: CaseId; readonly detail: string }
  | { readonly _tag: "refused"; readonly caseId: CaseId; readonly reason: string }

const newest = (rows: ReadonlyArray<JournalStep>) => rows.reduce((at, r) => (r.updatedAt > at ? r.updatedAt : at), "")

/**
 * Picks the application of a case to revert: the newest one, from any run, that did something in QBO or POM and
 * is not reverted yet. An apply that did not finish (a step sent without an answer, or no final state) is
 * refused: only a rerun of that apply can tell what it did.
 */
export const findRevertable = (caseId: CaseId) =>
  Effect.gen(function* () {
    const journal = yield* Journal
    const reverts = yield* RevertJournal
    const applications = yield* journal.applicationsOf([caseId])
    const runIds = yield* reverts.appliedRunsOf(caseId)
    const applied = yield* Effect.forEach(runIds, (runId) =>
      Effect.map(journal.stepsOf(runId, caseId), (rows) => ({ runId, rows, application: applications.find((a) => a.runId === runId) }))
    )
    const open = applied
      .filter((a) => a.application?.status !== "reverted" && a.rows.some((r) => r.status === "done"))
      .sort((a, b) => newest(b.rows).localeCompare(newest(a.rows)))
    const chosen = open[0]
    if (chosen === undefined) {
      const reverted = applications.filter((a) => a.status === "reverted").sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
      if (reverted !== undefined) {
        return { _tag: "already-reverted", runId: reverted.runId, caseId, detail: `already ${reverted.detail ?? "reverted"}: nothing left to revert` } satisfies Revertable
      }
      return {
        _tag: "refused",
        caseId,
        reason:
          applied.length === 0
            ? `case ${caseId} was never applied with this store (check --db): nothing to revert`
            : `apply changed nothing in QBO or POM for case ${caseId} (${applied.map((a) => `run ${a.runId}: ${a.application?.status ?? "not finished"}`).join("; ")}): nothing to revert`
      } satisfies Revertable
    }
    const sent = chosen.rows.find((r) => r.status === "sent")
    if (sent !== undefined || chosen.application === undefined || chosen.application.status === "in-progress") {
      return {
        _tag: "refused",
        caseId,
        reason: `the apply of case ${caseId} from run ${chosen.runId} did not finish${sent === undefined ? "" : ` (step ${sent.stepIndex + 1} was sent without an answer)`}: run that apply again first, so the journal knows what it did, then revert`
      } satisfies Revertable
    }
    return { _tag: "revert", runId: chosen.runId, caseId, plan: reverseSteps(chosen.rows) } satisfies Revertable
  })
