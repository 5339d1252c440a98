import { Match, Schema } from "effect"
import type { CaseOutcome } from "../pipeline/apply/ApplyOutcome.ts"
import type { Case } from "../pipeline/domain/Case.ts"
import type { RunId } from "../pipeline/domain/Ids.ts"
import type { PlanStep } from "../pipeline/domain/PlanStep.ts"
import { pomNamed, qboNamed, type RecordNames } from "./RecordNames.ts"

/**
 * One line of what an apply did: a step of an approved case, or a case it refused. `record` and `change` say it
 * for people ("invoice 1042 (#1042, $120.00)", `customer QBO 61 "Jane Doe" → QBO 58 "Jane Doe"`); `before` and
 * `after` keep the exact values, so each change can be reversed by hand. Stored with the apply run, so
 * `reconcile status --run A-…` shows the same rows as the file.
 */
export const ApplyReportRow = Schema.Struct({
  caseId: Schema.String,
  runId: Schema.NullOr(Schema.String),
  caseStatus: Schema.String,
  step: Schema.NullOr(Schema.Number),
  action: Schema.String,
  status: Schema.String,
  record: Schema.String,
  change: Schema.String,
  before: Schema.Unknown,
  after: Schema.Unknown,
  error: Schema.NullOr(Schema.String),
  detail: Schema.NullOr(Schema.String)
})
export type ApplyReportRow = typeof ApplyReportRow.Type

export interface StepInWords {
  readonly record: string
  readonly change: string
}

const money = (n: number) => `$${n.toFixed(2)}`

/** The record a step changes and the change as "from → to", with customer ids and names. */
export const describeStep = (names: RecordNames, step: PlanStep): StepInWords =>
  Match.value(step).pipe(
    Match.tagsExhaustive({
      "move-invoice": (s) => ({
        record: `invoice ${s.invoiceId} (${s.docNumber === "" ? "" : `#${s.docNumber}, `}${money(s.amount)})`,
        change: `customer ${qboNamed(names, s.from)} → ${qboNamed(names, s.to)}`
      }),
      "move-appointment": (s) => ({
        record: `appointment ${s.appointmentId}`,
        change: `customer ${pomNamed(names, s.from)} → ${pomNamed(names, s.to)}`
      }),
      "move-service": (s) => ({
        record: `service ${s.serviceId}`,
        change: `customer ${pomNamed(names, s.from)} → ${pomNamed(names, s.to)}`
      }),
      "set-quickbooks-id": (s) => ({
        record: pomNamed(names, s.pomCustomerId),
        change: `QBO ID ${s.from === null ? "(none)" : qboNamed(names, s.from)} → ${s.to === null ? "(none)" : qboNamed(names, s.to)}`
      }),
      "inactivate-pom-customer": (s) => ({ record: pomNamed(names, s.pomCustomerId), change: `status ${s.before.status} → INACTIVE` }),
      "inactivate-qbo-customer": (s) => ({ record: qboNamed(names, s.qboCustomerId), change: "active → inactive" })
    })
  )

/** A case refused before it ran: its records are named, since it has no steps to name them. */
export interface RefusedCase {
  readonly row: number
  readonly caseId: string
  readonly reason: string
  readonly runId: RunId | null
  readonly case: Case | null
}

/** One row per step of every approved case, then one per refused case. */
export const applyReportRows = (
  outcomes: ReadonlyArray<CaseOutcome>,
  refused: ReadonlyArray<RefusedCase>,
  namesOf: (runId: RunId) => RecordNames
): ReadonlyArray<ApplyReportRow> => [
  ...outcomes.flatMap((o) =>
    o.steps.map((s): ApplyReportRow => ({
      caseId: o.case.id,
      runId: o.runId,
      caseStatus: o.status,
      step: s.stepIndex + 1,
      action: s.step._tag,
      status: s.status,
      ...describeStep(namesOf(o.runId), s.step),
      before: s.step.before,
      after: s.after,
      error: s.error,
      detail: o.detail
    }))
  ),
  ...refused.map((r): ApplyReportRow => {
    const names = r.runId === null ? null : namesOf(r.runId)
    const records =
      r.case === null || names === null
        ? ""
        : [...r.case.pomIds.map((id) => pomNamed(names, id)), ...r.case.qboIds.map((id) => qboNamed(names, id))].join(", ")
    return {
      caseId: r.caseId,
      runId: r.runId,
      caseStatus: "refused",
      step: null,
      action: "",
      status: "not-run",
      record: records,
      change: "",
      before: null,
      after: null,
      error: null,
      detail: `row ${r.row}: ${r.reason}`
    }
  })
]
