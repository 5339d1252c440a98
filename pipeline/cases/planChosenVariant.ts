import { Either } from "effect"
import { blockerKind, type Blocker, SubCustomer } from "../domain/Blocker.ts"
import type { CalendarDate } from "../domain/CalendarDate.ts"
import type { Case } from "../domain/Case.ts"
import { type CaseChoice, describeChoice } from "../domain/CaseChoice.ts"
import type { PomCustomerId, QboCustomerId, SnapshotId } from "../domain/Ids.ts"
import { refKey } from "../domain/MatchEvidence.ts"
import { PLAN_VERSION } from "../domain/Plan.ts"
import { chooseCorrectQbo, chooseKeeper } from "./choosePrincipals.ts"
import { classifyScenario } from "./classifyScenario.ts"
import { planSteps } from "./planSteps.ts"
import type { RecordIndex } from "./RecordIndex.ts"

export interface VariantSettings {
  readonly snapshotId: SnapshotId
  readonly booksClosedThrough: CalendarDate | null
}

/**
 * The columns of the review file a case's choice blockers ask for. A case with several choice blockers needs all
 * of their columns; a low-confidence case asks the admin to name both sides, which is how a person confirms
 * that the records are one customer.
 */
export const requiredChoices = (c: Case): { readonly keep: boolean; readonly correct: boolean } => {
  let keep = false
  let correct = false
  for (const b of c.blockers) {
    switch (b._tag) {
      case "keeper-unclear":
      case "too-many-accounts":
        if (b.system === "pom") keep = true
        else correct = true
        break
      case "ambiguous-qbo-match":
      case "shared-payer":
        correct = true
        break
      case "low-confidence":
        keep = c.pomIds.length > 0
        correct = c.qboIds.length > 0
        break
      default:
        break
    }
  }
  // The POM accounts of a shared payer are different properties: they are never merged, so there is no keeper.
  if (c.blockers.some((b) => b._tag === "shared-payer")) keep = false
  return { keep, correct }
}

const listed = (ids: ReadonlyArray<string>) => (ids.length === 0 ? "(none)" : ids.join(", "))

/**
 * Plans a case again as the admin chose it, from the same snapshot it was first planned from: the POM accounts
 * left are one account (kept: the chosen one), the payer's QBO customers left are one payer (kept: the chosen
 * one). Pure and deterministic, so the same choice on the same stored case always gives the same plan.
 *
 * A QBO customer named by the case but outside its payer (a link to someone else, another match) that is chosen as
 * correct becomes the account's payer; the payer's own customers are then left alone, as a different customer.
 * The choice blockers are lifted by the choice; what must be done by hand in QBO is found again for the new plan;
 * a blocker nothing in apply can lift stays.
 */
export const planChosenVariant = (
  index: RecordIndex,
  c: Case,
  choice: CaseChoice,
  settings: VariantSettings
): Either.Either<Case, ReadonlyArray<string>> => {
  const problems: Array<string> = []
  const pomOfCase = new Set<string>(c.pomIds)
  const qboOfCase = new Set<string>(c.qboIds)
  for (const r of choice.exclude) {
    if (!(r.system === "pom" ? pomOfCase : qboOfCase).has(r.id)) {
      problems.push(`exclude_ids: ${r.system.toUpperCase()} ${r.id} is not a record of this case (its records: POM ${listed(c.pomIds)}; QBO ${listed(c.qboIds)})`)
    }
  }
  const excluded = new Set(choice.exclude.map(refKey))
  const pomIds = c.pomIds.filter((id) => !excluded.has(`pom:${id}`))
  const qboIds = c.qboIds.filter((id) => !excluded.has(`qbo:${id}`))
  const sharedPayer = c.blockers.some((b) => b._tag === "shared-payer")

  if (choice.keepPomId !== null) {
    if (!pomOfCase.has(choice.keepPomId)) {
      problems.push(`choose_keep_pom_id: ${choice.keepPomId} is not a POM account of this case (choose one of ${listed(c.pomIds)})`)
    } else if (excluded.has(`pom:${choice.keepPomId}`)) {
      problems.push(`choose_keep_pom_id: POM ${choice.keepPomId} is also in exclude_ids`)
    } else if (sharedPayer) {
      problems.push(
        `choose_keep_pom_id: the POM accounts of this case are different properties of one payer and are not merged; leave it empty (or exclude_ids the accounts that are not this payer's)`
      )
    }
  }
  if (choice.correctQboId !== null) {
    if (!qboOfCase.has(choice.correctQboId)) {
      problems.push(`choose_correct_qbo_id: ${choice.correctQboId} is not a QBO customer of this case (choose one of ${listed(c.qboIds)})`)
    } else if (excluded.has(`qbo:${choice.correctQboId}`)) {
      problems.push(`choose_correct_qbo_id: QBO ${choice.correctQboId} is also in exclude_ids`)
    } else if (index.qbo.get(choice.correctQboId)?.active !== true) {
      problems.push(`choose_correct_qbo_id: QBO ${choice.correctQboId} is inactive in the snapshot the case was planned from`)
    }
  }
  if (problems.length > 0) return Either.left(problems)

  const payer = [c.correctQboId, ...c.wrongQboIds].filter((id): id is QboCustomerId => id !== null && qboIds.includes(id))
  const correct = choice.correctQboId ?? chooseCorrectQbo(index, payer).correct
  const wrong = correct !== null && payer.includes(correct) ? payer.filter((id) => id !== correct) : []
  const keeper: PomCustomerId | null = sharedPayer ? null : (choice.keepPomId ?? chooseKeeper(index, pomIds).keeper)
  const duplicates = sharedPayer ? [] : pomIds.filter((id) => id !== keeper)
  const inCase = new Set<string>(pomIds)

  const planned = planSteps(index, {
    keeper,
    duplicates,
    correct,
    wrong,
    alsoRelink: sharedPayer ? pomIds : [],
    linkedFromOutside: (id: QboCustomerId) => index.linkedFrom(id).filter((p) => !inCase.has(p)),
    booksClosedThrough: settings.booksClosedThrough
  })

  const blockers: Array<Blocker> = [...planned.blockers]
  for (const id of [correct, ...wrong]) {
    const q = id === null ? undefined : index.qbo.get(id)
    if (q !== undefined && (q.isJob || index.childrenOf(q.id).length > 0)) blockers.push(new SubCustomer({ qboCustomerId: q.id }))
  }
  blockers.push(...c.blockers.filter((b) => blockerKind(b) === "cannot-apply"))

  const steps = planned.steps
  const kept = new Set([...pomIds.map((id) => `pom:${id}`), ...qboIds.map((id) => `qbo:${id}`)])
  return Either.right({
    ...c,
    // Named from what the plan does: the admin has decided, what is left by hand is in `blockers`.
    scenario: classifyScenario(steps, [], keeper),
    keepPomId: keeper,
    mergePomIds: duplicates,
    correctQboId: correct,
    wrongQboIds: wrong,
    invoicesToMove: steps.flatMap((s) => (s._tag === "move-invoice" ? [s.invoiceId] : [])),
    appointmentsToMove: steps.flatMap((s) => (s._tag === "move-appointment" ? [s.appointmentId] : [])),
    servicesToMove: steps.flatMap((s) => (s._tag === "move-service" ? [s.serviceId] : [])),
    plan: { version: PLAN_VERSION, snapshotId: settings.snapshotId, steps },
    evidence: c.evidence.filter((e) => kept.has(refKey(e.left)) && kept.has(refKey(e.right))),
    blockers,
    notes: [`chosen in review: ${describeChoice(choice)}`, ...planned.notes]
  })
}
