import {
  AmbiguousQboMatch,
  type Blocker,
  BrokenLinkNoMatch,
  LowConfidence,
  SharedPayer,
  SubCustomer,
  TooManyAccounts,
  UnreadableRecordBlocker
} from "../domain/Blocker.ts"
import type { CalendarDate } from "../domain/CalendarDate.ts"
import type { Case } from "../domain/Case.ts"
import type { PomCustomerId, QboCustomerId, SnapshotId } from "../domain/Ids.ts"
import { PLAN_VERSION } from "../domain/Plan.ts"
import { plainEvidence } from "../domain/MatchEvidence.ts"
import { caseIdFor, fingerprintFor } from "./caseIdentity.ts"
import { chooseCorrectQbo, chooseKeeper } from "./choosePrincipals.ts"
import { classifyScenario } from "./classifyScenario.ts"
import { confidenceOf } from "./confidenceOf.ts"
import type { CaseDraft } from "./groupRecords.ts"
import { planSteps } from "./planSteps.ts"
import type { RecordIndex } from "./RecordIndex.ts"
import type { UnreadableRecord } from "../domain/UnreadableRecord.ts"

const unreadableBlocker = (r: UnreadableRecord): UnreadableRecordBlocker =>
  new UnreadableRecordBlocker({ system: r.system, kind: r.kind, id: r.id, customerId: r.customerId, file: r.file, line: r.line })

/** Each unreadable record once, in the order first seen. */
const distinct = (records: ReadonlyArray<UnreadableRecord>): ReadonlyArray<UnreadableRecord> => {
  const seen = new Set<string>()
  return records.filter((r) => {
    const key = `${r.system}:${r.kind}:${r.id}:${r.file}:${r.line}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export interface CaseSettings {
  readonly snapshotId: SnapshotId
  /** Cases held together by a weaker match than this go to review. */
  readonly reviewThreshold: number
  /** The QBO closing date, if the books are closed: invoices on or before it can't be edited. */
  readonly booksClosedThrough: CalendarDate | null
}

/**
 * Cases resting on a weaker match than this are proposed for review only. Above the matcher's own threshold on
 * purpose: a match good enough to group records is not always good enough to move invoices.
 */
export const DEFAULT_REVIEW_THRESHOLD = 0.999

/** More accounts than this on one side of a case is beyond what the article's procedures cover. */
const MAX_PER_SIDE = 2

/** Turns a draft into a case with its plan, or null when its records need nothing done. */
export const buildCase = (index: RecordIndex, draft: CaseDraft, settings: CaseSettings): Case | null => {
  const pomIds = draft.pomGroups.flat()
  const keeperChoice = chooseKeeper(index, draft.pomGroups.length === 1 ? pomIds : [])
  const qboChoice = chooseCorrectQbo(index, draft.qboIds)
  const sharedPayer = draft.pomGroups.length > 1
  const keeper = sharedPayer ? chooseKeeper(index, pomIds).keeper : keeperChoice.keeper
  const duplicates = sharedPayer ? [] : keeperChoice.others
  const correct = qboChoice.correct
  const caseRecords = new Set<PomCustomerId>(pomIds)

  const planned = planSteps(index, {
    keeper,
    duplicates,
    correct,
    wrong: qboChoice.wrong,
    linkedFromOutside: (id: QboCustomerId) => index.linkedFrom(id).filter((p) => !caseRecords.has(p)),
    booksClosedThrough: settings.booksClosedThrough
  })

  const blockers: Array<Blocker> = [...planned.blockers]
  const links = pomIds.flatMap((id) => {
    const link = index.pom.get(id)?.quickbooksId ?? null
    return link === null ? [] : [{ id, link }]
  })
  // A link to a QBO customer whose entity was there but unreadable is not broken: it is unseen. It makes a case
  // of its own, so the admin hears of it even when nothing else matches.
  const unseenLinks = links.flatMap(({ link }) => {
    const record = index.unreadableQbo(link)
    return record === undefined ? [] : [record]
  })
  const brokenLinks = links.flatMap(({ id, link }): Array<{ id: PomCustomerId; link: QboCustomerId; why: "missing" | "inactive" }> => {
    const target = index.qbo.get(link)
    return target === undefined
      ? index.unreadableQbo(link) === undefined ? [{ id, link, why: "missing" }] : []
      : target.active
        ? []
        : [{ id, link, why: "inactive" }]
  })
  if (correct === null) {
    for (const b of brokenLinks) {
      blockers.push(new BrokenLinkNoMatch({ pomCustomerId: b.id, quickbooksId: b.link, why: b.why }))
    }
  }
  if (planned.steps.length === 0 && blockers.length === 0 && unseenLinks.length === 0) return null

  if (sharedPayer) blockers.push(new SharedPayer({ pomIds }))
  if (keeperChoice.unclear !== null) blockers.push(keeperChoice.unclear)
  if (qboChoice.unclear !== null) blockers.push(qboChoice.unclear)
  if (!sharedPayer && pomIds.length > MAX_PER_SIDE) blockers.push(new TooManyAccounts({ system: "pom", count: pomIds.length }))
  if (draft.qboIds.length > MAX_PER_SIDE) blockers.push(new TooManyAccounts({ system: "qbo", count: draft.qboIds.length }))
  for (const id of draft.qboIds) {
    const c = index.qbo.get(id)
    if (c !== undefined && (c.isJob || index.childrenOf(id).length > 0)) blockers.push(new SubCustomer({ qboCustomerId: id }))
  }
  if (draft.alsoMatches.length > 0) blockers.push(new AmbiguousQboMatch({ qboIds: [...draft.qboIds, ...draft.alsoMatches] }))

  const confidence = confidenceOf(draft.pairs)
  if (confidence < settings.reviewThreshold) {
    blockers.push(new LowConfidence({ confidence, threshold: settings.reviewThreshold }))
  }

  // A customer an account of the case links to may also be one another account matches: named once.
  const namedQbo = [...new Set([...draft.qboIds, ...draft.linkedElsewhere, ...draft.alsoMatches])]
  // Anything unread about the case's customers (the customer, its history or invoices, an account linked to it)
  // means the plan was made from a partial picture.
  const unseen = distinct([
    ...unseenLinks,
    ...pomIds.flatMap((id) => index.unreadableTouching("pom", id)),
    ...namedQbo.flatMap((id) => index.unreadableTouching("qbo", id))
  ])
  blockers.push(...unseen.map(unreadableBlocker))

  const steps = planned.steps
  return {
    id: caseIdFor(pomIds, namedQbo),
    scenario: classifyScenario(steps, blockers, keeper),
    confidence,
    keepPomId: keeper,
    mergePomIds: duplicates,
    correctQboId: correct,
    wrongQboIds: qboChoice.wrong,
    pomIds,
    qboIds: namedQbo,
    invoicesToMove: steps.flatMap((s) => (s._tag === "move-invoice" ? [s.invoiceId] : [])),
    appointmentsToMove: steps.flatMap((s) => (s._tag === "move-appointment" ? [s.appointmentId] : [])),
    servicesToMove: steps.flatMap((s) => (s._tag === "move-service" ? [s.serviceId] : [])),
    plan: { version: PLAN_VERSION, snapshotId: settings.snapshotId, steps },
    evidence: draft.pairs.map(plainEvidence).sort((a, b) => b.probability - a.probability),
    blockers,
    notes: planned.notes,
    fingerprint: fingerprintFor(index, pomIds, namedQbo)
  }
}
