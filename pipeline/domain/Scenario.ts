import { Schema } from "effect"

/**
 * What kind of fix a case needs, named from its plan (see `pipeline/cases/classifyScenario.ts`):
 * - `scenario-1`: the POM link changes and no invoice moves (the help article's example 1; also a single wrong
 *   or broken link, or an unlinked account with a confident QBO match).
 * - `scenario-2`: invoices move in QBO, then the POM link changes (the article's example 2).
 * - `pom-merge`: the keeper's link is already right; only POM history moves and duplicates go inactive.
 * - `qbo-merge`: no link changes; a QBO duplicate's invoices move to the correct QBO customer.
 * - `review`: a person must decide; `blockers` says why.
 */
export const Scenario = Schema.Literal("scenario-1", "scenario-2", "pom-merge", "qbo-merge", "review")
export type Scenario = typeof Scenario.Type

export const allScenarios: ReadonlyArray<Scenario> = Scenario.literals
