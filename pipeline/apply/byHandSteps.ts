import { type Blocker, blockerKind } from "../domain/Blocker.ts"
import type { Case } from "../domain/Case.ts"
import type { PlanStep } from "../domain/PlanStep.ts"

const touchesQboCustomer = (s: PlanStep, id: string): boolean =>
  (s._tag === "move-invoice" && (s.from === id || s.to === id)) || (s._tag === "inactivate-qbo-customer" && s.qboCustomerId === id)

/** Whether this by-hand blocker is about this step. */
const holds = (b: Blocker, s: PlanStep): boolean => {
  switch (b._tag) {
    case "invoice-has-payment":
    case "invoice-in-closed-period":
      return s._tag === "move-invoice" && s.invoiceId === b.invoiceId
    case "open-balance":
      return s._tag === "inactivate-qbo-customer" && s.qboCustomerId === b.qboCustomerId
    case "sub-customer":
      return touchesQboCustomer(s, b.qboCustomerId)
    default:
      return false
  }
}

/**
 * The steps of a case that must be done by a person in QBO, by step index, with the blockers that say why. These
 * are never sent through the API: changing the customer of an invoice with a linked payment breaks the link, QBO
 * refuses edits in a closed period, and a customer with an unexplained balance or a place in a hierarchy needs a
 * person's judgement. Derived from the stored case, so every apply of the same plan agrees on them.
 */
export const byHandSteps = (c: Case): ReadonlyMap<number, ReadonlyArray<Blocker>> => {
  const found = new Map<number, Array<Blocker>>()
  const byHand = c.blockers.filter((b) => blockerKind(b) === "by-hand")
  c.plan.steps.forEach((step, i) => {
    const why = byHand.filter((b) => holds(b, step))
    if (why.length > 0) found.set(i, why)
  })
  return found
}
