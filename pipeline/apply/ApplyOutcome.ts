import type { Blocker } from "../domain/Blocker.ts"
import type { ChosenPlan } from "../../sinks/store/Store.ts"
import type { Case } from "../domain/Case.ts"
import type { CaseChoice } from "../domain/CaseChoice.ts"
import type { RunId } from "../domain/Ids.ts"
import type { PlanStep } from "../domain/PlanStep.ts"

export type StepOutcomeStatus = "done" | "failed" | "skipped" | "waiting" | "planned" | "not-run"

export interface StepOutcome {
  readonly stepIndex: number
  readonly step: PlanStep
  readonly status: StepOutcomeStatus
  readonly after: unknown
  readonly error: string | null
  /** Why a person does this step by hand in QBO; empty for a step apply sends. */
  readonly byHand: ReadonlyArray<Blocker>
}

/**
 * How an approved case ended: `done` (every step done and verified), `waiting` (steps left for an admin: POM steps without API access, QBO work by hand),
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
  /** The case as it will run: the stored plan, or the variant the admin's choice made of it. */
  readonly case: Case
  /** What the admin chose in the review file, if anything. */
  readonly choice?: CaseChoice
  /** A variant planned by this sign-off, to be stored before its first step is journaled. */
  readonly chosen?: ChosenPlan
}
