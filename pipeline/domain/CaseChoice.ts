import { Schema } from "effect"
import { PomCustomerId, QboCustomerId } from "./Ids.ts"
import { RecordRef } from "./MatchEvidence.ts"

/**
 * What an admin decided in the review file for a case the tool could not decide alone: which POM account to keep,
 * which QBO customer holds the history, and which records are not part of the customer at all. Every id must be
 * a record the case names; apply plans the variant from the stored snapshot, never from the file's other cells.
 */
export const CaseChoice = Schema.Struct({
  keepPomId: Schema.NullOr(PomCustomerId),
  correctQboId: Schema.NullOr(QboCustomerId),
  exclude: Schema.Array(RecordRef)
})
export type CaseChoice = typeof CaseChoice.Type

export const noChoice: CaseChoice = { keepPomId: null, correctQboId: null, exclude: [] }

export const isNoChoice = (c: CaseChoice): boolean => c.keepPomId === null && c.correctQboId === null && c.exclude.length === 0

/** The choice as the review file spells it, for messages and the decision record. */
export const describeChoice = (c: CaseChoice): string =>
  [
    c.keepPomId === null ? "" : `keep POM ${c.keepPomId}`,
    c.correctQboId === null ? "" : `correct QBO ${c.correctQboId}`,
    c.exclude.length === 0 ? "" : `exclude ${c.exclude.map((r) => `${r.system.toUpperCase()} ${r.id}`).join(", ")}`
  ]
    .filter((s) => s !== "")
    .join("; ") || "no choice"
