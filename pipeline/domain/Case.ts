import { Schema } from "effect"
import { Blocker } from "./Blocker.ts"
import { CaseId, PomAppointmentId, PomCustomerId, PomServiceId, QboCustomerId, QboInvoiceId } from "./Ids.ts"
import { MatchEvidence } from "./MatchEvidence.ts"
import { Plan } from "./Plan.ts"
import { Scenario } from "./Scenario.ts"

/**
 * One real customer that needs fixing: its POM accounts and QBO customers, the keeper and correct QBO customer
 * chosen for it (a best guess even when a person must decide), the plan, and why.
 */
export const Case = Schema.Struct({
  id: CaseId,
  scenario: Scenario,
  /** The weakest match probability holding the case together (1 for a case made of links alone). */
  confidence: Schema.Number,
  keepPomId: Schema.NullOr(PomCustomerId),
  mergePomIds: Schema.Array(PomCustomerId),
  correctQboId: Schema.NullOr(QboCustomerId),
  wrongQboIds: Schema.Array(QboCustomerId),
  /** Every record the case names, including those no step touches, so a reviewer sees the whole picture. */
  pomIds: Schema.Array(PomCustomerId),
  qboIds: Schema.Array(QboCustomerId),
  invoicesToMove: Schema.Array(QboInvoiceId),
  appointmentsToMove: Schema.Array(PomAppointmentId),
  servicesToMove: Schema.Array(PomServiceId),
  plan: Plan,
  evidence: Schema.Array(MatchEvidence),
  blockers: Schema.Array(Blocker),
  /** Short facts for the reviewer that do not block (e.g. "POM 12 was linked to QBO 40, a different customer"). */
  notes: Schema.Array(Schema.String),
  /**
   * A hash of the matching-relevant state of every record in the case. A remembered "reject" holds while it is
   * unchanged; when a record changes (new phone, new address) the case may be proposed again.
   */
  fingerprint: Schema.String
})
export type Case = typeof Case.Type
