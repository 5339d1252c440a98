import type { CompanyDraft } from "../CompanyDraft.ts"
import { pomDuplicatesShape, qboMergeShape, scenario2Shape } from "./MergeRecipes.ts"
import type { CaseDraft } from "./Planted.ts"

/*
 * Cases a person must decide, each built from a fixable shape plus the one obstacle that blocks it. The truth
 * still names the fix the pipeline should propose as its best guess.
 */

/** Example 2, but one of W's invoices has a payment applied: moving it by API would break the payment link. */
export const paidInvoice = (d: CompanyDraft): CaseDraft => {
  const { A, B, R, W, wInvoices } = scenario2Shape(d, { open: d.rng.int(1, 2), paid: 1 })
  return {
    recipe: "review/paid-invoice", scenario: "review", blocker: "invoice-has-payment", pom: [A, B], qbo: [R, W],
    keep: A, merge: [B], correct: R, wrong: [W], move: wInvoices
  }
}

/** A QBO duplicate whose balance is more than its invoices explain (an unapplied charge), so it cannot retire. */
export const openBalance = (d: CompanyDraft): CaseDraft => {
  const { A, R, W, wInvoices } = qboMergeShape(d)
  W.extraBalanceCents = d.rng.pick([150_00, 89_50, 240_00])
  return {
    recipe: "review/open-balance", scenario: "review", blocker: "open-balance", pom: [A], qbo: [R, W],
    keep: A, merge: [], correct: R, wrong: [W], move: wInvoices
  }
}

/** Two POM accounts of one property that both hold real history (10+ items each): which to keep is a judgement. */
export const keeperUnclear = (d: CompanyDraft): CaseDraft => {
  const { A, duplicates, R } = pomDuplicatesShape(d, {
    keeperHistory: d.rng.int(12, 16),
    duplicateHistory: [d.rng.int(10, 11)],
    linkDuplicates: 0.7
  })
  return {
    recipe: "review/keeper-unclear", scenario: "review", blocker: "keeper-unclear", pom: [A, ...duplicates], qbo: [R],
    keep: A, merge: duplicates, correct: R, wrong: [], move: []
  }
}

/** Three POM accounts of one household: more than the two a case is planned for. */
export const threeAccounts = (d: CompanyDraft): CaseDraft => {
  const { A, duplicates, R } = pomDuplicatesShape(d, {
    keeperHistory: d.rng.int(5, 12),
    duplicateHistory: [d.rng.int(0, 2), d.rng.int(0, 2)],
    linkDuplicates: 1
  })
  return {
    recipe: "review/three-accounts", scenario: "review", blocker: "too-many-accounts", pom: [A, ...duplicates], qbo: [R],
    keep: A, merge: duplicates, correct: R, wrong: [], move: []
  }
}
