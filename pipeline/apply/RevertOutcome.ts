import type { CaseId, RunId } from "../domain/Ids.ts"
import type { ReverseStep } from "../domain/ReverseStep.ts"
import type { ManualStep } from "./reverseSteps.ts"

export type ReverseStepOutcomeStatus = "done" | "failed" | "waiting" | "planned" | "not-run"

export interface ReverseStepOutcome {
  readonly step: ReverseStep
  readonly status: ReverseStepOutcomeStatus
  readonly after: unknown
  readonly error: string | null
}

/**
 * How a revert ended: `reverted` (every reverse step done and verified), `waiting` (POM steps left on the
 * worklist), `stale` (a record moved on since apply; nothing sent), `failed` (a reverse step failed; later ones
 * not run), `planned` (dry run).
 */
export type RevertStatus = "reverted" | "waiting" | "stale" | "failed" | "planned"

export interface RevertOutcome {
  readonly runId: RunId
  readonly caseId: CaseId
  readonly status: RevertStatus
  readonly detail: string | null
  readonly steps: ReadonlyArray<ReverseStepOutcome>
  /** Steps apply recorded as done that the revert leaves to the admin, and why. */
  readonly manual: ReadonlyArray<ManualStep>
}
