import type { Case } from "../../pipeline/domain/Case.ts"

/**
 * The order of review.csv (cases a person must decide first, then by scenario, then weakest evidence first), so
 * the n-th card on the page is the n-th row of the file the admin fills in.
 */
export const caseOrder = (a: Case, b: Case): number =>
  Number(b.scenario === "review") - Number(a.scenario === "review") ||
  (a.scenario < b.scenario ? -1 : a.scenario > b.scenario ? 1 : 0) ||
  a.confidence - b.confidence ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const inReviewOrder = (cases: ReadonlyArray<Case>): ReadonlyArray<Case> => [...cases].sort(caseOrder)
