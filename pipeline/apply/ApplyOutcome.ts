import type { Case } from "../domain/Case.ts"
import type { RunId } from "../domain/Ids.ts"
import type { PlanStep } from "../domain/PlanStep.ts"

export type StepOutcomeStatus = "done" | "failed" | "skipped" | "waiting" | "planned" | "not-run"

export interface StepOutcome {
  readonly stepIndex: number
  readonly step: PlanStep
  readonly status: StepOutcomeStatus
  readonly after: unknown
  readonly error: string | null
}

/**
 * How an approved case ended: `done` (every step done and verified), `waiting` (POM steps left for an admin),
 * `stale` (records changed since review; nothing touched), `failed` (a step failed; later steps not run),
 * `planned` (dry run).
 */
export type CaseOutcomeStatus = "done" | "waiting" | "stale" | "failed" | "planned"

export interface CaseOutcome {
  readonly runId: RunId
  readonly case: Case
  readonly status: CaseOutcomeStatus
  readonly detail: string | null
  readonly steps: ReadonlyArray<StepOutcome>
}

export interface ApprovedCase {
  readonly runId: RunId
  readonly case: Case
}
