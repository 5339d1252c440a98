import type { RecordIndex } from "../pipeline/cases/RecordIndex.ts"
import { blockerKind, describeBlocker } from "../pipeline/domain/Blocker.ts"
import { BLOCKER_KIND_LABEL } from "./blockerKindLabel.ts"
import type { Case } from "../pipeline/domain/Case.ts"
import type { RunId } from "../pipeline/domain/Ids.ts"
import { confidenceText } from "./confidenceText.ts"
import { describeActions } from "./describeActions.ts"
import { describeEvidence } from "./describeEvidence.ts"
import { spreadsheetCsv } from "./excelSafe.ts"
import { pomLabel, qboLabel } from "./recordLabel.ts"

/**
 * The review file's columns. The first fourteen are a contract with admins and with `reconcile apply`
 * (which reads `case_id`, `run_id`, `decision`, `note` and the three `choose_`/`exclude_` columns, by name);
 * new columns go after them.
 */
export const REVIEW_COLUMNS = [
  "case_id",
  "scenario",
  "confidence",
  "keep_pom_id",
  "merge_pom_ids",
  "correct_qbo_id",
  "wrong_qbo_ids",
  "invoices_to_move",
  "pom_items_to_move",
  "actions",
  "evidence",
  "blockers",
  "decision",
  "note",
  "blocker_kind",
  "choose_keep_pom_id",
  "choose_correct_qbo_id",
  "exclude_ids",
  "run_id",
  "pom_records",
  "qbo_records"
] as const

const join = (ids: ReadonlyArray<string>) => ids.join(";")

/** Review order: cases a person must decide first, then by scenario, then weakest evidence first. */
export const reviewOrder = (a: Case, b: Case) =>
  Number(b.scenario === "review") - Number(a.scenario === "review") ||
  (a.scenario < b.scenario ? -1 : a.scenario > b.scenario ? 1 : 0) ||
  a.confidence - b.confidence ||
  (a.id < b.id ? -1 : 1)

export const reviewRow = (index: RecordIndex, runId: RunId, c: Case): ReadonlyArray<string> => [
  c.id,
  c.scenario,
  confidenceText(c),
  c.keepPomId ?? "",
  join(c.mergePomIds),
  c.correctQboId ?? "",
  join(c.wrongQboIds),
  join(c.invoicesToMove),
  join([...c.appointmentsToMove, ...c.servicesToMove]),
  describeActions(index, c),
  describeEvidence(c),
  c.blockers.map((b) => `[${BLOCKER_KIND_LABEL[blockerKind(b)]}] ${describeBlocker(b)}`).join("\n"),
  "",
  "",
  [...new Set(c.blockers.map(blockerKind))].join(";"),
  "",
  "",
  "",
  runId,
  c.pomIds.map((id) => pomLabel(index, id)).join("\n"),
  c.qboIds.map((id) => qboLabel(index, id)).join("\n")
]

/**
 * The review CSV as Excel opens it cleanly: UTF-8 with a BOM (else Excel reads it as ANSI), CRLF, every cell
 * neutralised against formula injection.
 */
export const reviewCsv = (index: RecordIndex, runId: RunId, cases: ReadonlyArray<Case>): string =>
  spreadsheetCsv([[...REVIEW_COLUMNS], ...[...cases].sort(reviewOrder).map((c) => reviewRow(index, runId, c))])
