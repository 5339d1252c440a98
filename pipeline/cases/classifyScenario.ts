import type { Blocker } from "../domain/Blocker.ts"
import type { PomCustomerId } from "../domain/Ids.ts"
import type { PlanStep } from "../domain/PlanStep.ts"
import type { Scenario } from "../domain/Scenario.ts"

/**
 * Names a case from its plan, so the name always says what will be done:
 * a blocker → `review`; invoices move and the keeper's link changes → `scenario-2`; the link changes alone →
 * `scenario-1` (retiring an empty QBO duplicate included, as in the article's example 1); with the link already right,
 * a QBO duplicate's invoices move or it is retired → `qbo-merge`; otherwise only POM history moves →
 * `pom-merge`.
 */
export const classifyScenario = (
  steps: ReadonlyArray<PlanStep>,
  blockers: ReadonlyArray<Blocker>,
  keeper: PomCustomerId | null
): Scenario => {
  if (blockers.length > 0) return "review"
  const relinks = steps.some((s) => s._tag === "set-quickbooks-id" && s.pomCustomerId === keeper)
  const movesInvoices = steps.some((s) => s._tag === "move-invoice")
  if (relinks) return movesInvoices ? "scenario-2" : "scenario-1"
  const changesQbo = movesInvoices || steps.some((s) => s._tag === "inactivate-qbo-customer")
  return changesQbo ? "qbo-merge" : "pom-merge"
}
