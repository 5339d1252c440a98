import { Schema } from "effect"
import { recipes, trapKinds } from "./Rates.ts"

/*
 * What the generator planted, for tests to hold the pipeline to: each injected case with the fix the pipeline
 * should propose, and each trap it must leave alone. Written beside the data as truth.json.
 */

export const TruthScenario = Schema.Literal("scenario-1", "scenario-2", "pom-merge", "qbo-merge", "review")
export type TruthScenario = typeof TruthScenario.Type

/** The blocker kinds (tags of pipeline/domain/Blocker.ts) that the review recipes are built to raise. */
export const TruthBlocker = Schema.Literal("invoice-has-payment", "open-balance", "keeper-unclear", "too-many-accounts")
export type TruthBlocker = typeof TruthBlocker.Type

export const TruthCase = Schema.Struct({
  id: Schema.String,
  recipe: Schema.Literal(...recipes),
  scenario: TruthScenario,
  /** The records of the one real customer (not the unrelated customer a wrong link points at). */
  pomIds: Schema.Array(Schema.String),
  qboIds: Schema.Array(Schema.String),
  keepPomId: Schema.String,
  mergePomIds: Schema.Array(Schema.String),
  correctQboId: Schema.String,
  wrongQboIds: Schema.Array(Schema.String),
  invoicesToMove: Schema.Array(Schema.String),
  blocker: Schema.optional(TruthBlocker)
})
export type TruthCase = typeof TruthCase.Type

export const TruthTrap = Schema.Struct({
  kind: Schema.Literal(...trapKinds),
  pomIds: Schema.Array(Schema.String),
  qboIds: Schema.Array(Schema.String)
})
export type TruthTrap = typeof TruthTrap.Type

export const Truth = Schema.Struct({
  seed: Schema.Number,
  customers: Schema.Number,
  today: Schema.String,
  cases: Schema.Array(TruthCase),
  traps: Schema.Array(TruthTrap)
})
export type Truth = typeof Truth.Type
