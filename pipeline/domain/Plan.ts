import { Schema } from "effect"
import { SnapshotId } from "./Ids.ts"
import { PlanStep } from "./PlanStep.ts"

/** Bumped whenever a step's shape changes, so apply refuses a plan it would misread. */
export const PLAN_VERSION = 1

/** An ordered list of steps, tied to the snapshot it was computed from. */
export const Plan = Schema.Struct({
  version: Schema.Literal(PLAN_VERSION),
  snapshotId: SnapshotId,
  steps: Schema.Array(PlanStep)
})
export type Plan = typeof Plan.Type
