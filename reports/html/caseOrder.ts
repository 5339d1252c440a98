import type { Case } from "../../pipeline/domain/Case.ts"
import { reviewOrder } from "../ReviewCsv.ts"

/** The order of review.csv, so the n-th card on the page is the n-th row of the file the admin fills in. */
export const inReviewOrder = (cases: ReadonlyArray<Case>): ReadonlyArray<Case> => [...cases].sort(reviewOrder)
