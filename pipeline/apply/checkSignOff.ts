import { Effect, Either, Option, Schema } from "effect"
import type { ReviewDecision, TypedChoice } from "../../sources/review/readReviewFile.ts"
import { ReviewFileError } from "../../sources/review/ReviewFileError.ts"
import { Journal } from "../../sinks/store/Journal.ts"
import { Store } from "../../sinks/store/Store.ts"
import { planChosenVariant, requiredChoices } from "../cases/planChosenVariant.ts"
import { indexRecords, type RecordIndex } from "../cases/RecordIndex.ts"
import { blockerKind, describeBlocker } from "../domain/Blocker.ts"
import { CalendarDate } from "../domain/CalendarDate.ts"
import type { Case } from "../domain/Case.ts"
import { type CaseChoice, describeChoice, isNoChoice } from "../domain/CaseChoice.ts"
import { PomCustomerId, QboCustomerId, type RunId, type SnapshotId } from "../domain/Ids.ts"
import type { RecordRef } from "../domain/MatchEvidence.ts"
import type { ApprovedCase } from "./ApplyOutcome.ts"

export interface Refusal {
  /** The review file's spreadsheet row. */
  readonly row: number
  readonly caseId: string
  readonly reason: string
}

export interface SignOff {
  /** Approved cases to carry out, each with the plan stored when it was reviewed, or the one its choice made. */
  readonly approved: ReadonlyArray<ApprovedCase>
  /** Approved cases not carried out, and why (already applied, changed by a newer run, blocked, no choice). */
  readonly refused: ReadonlyArray<Refusal>
  readonly rejected: ReadonlyArray<{ readonly decision: ReviewDecision; readonly case: Case }>
}

const samePlan = (a: Case, b: Case) => JSON.stringify(a.plan.steps) === JSON.stringify(b.plan.steps)

const sameChoice = (a: CaseChoice, b: CaseChoice) =>
  a.keepPomId === b.keepPomId &&
  a.correctQboId === b.correctQboId &&
  JSON.stringify([...a.exclude].map((r) => `${r.system}:${r.id}`).sort()) ===
    JSON.stringify([...b.exclude].map((r) => `${r.system}:${r.id}`).sort())

/** The settings a run planned its cases with (recorded since choices exist). */
const RunCaseSettings = Schema.Struct({
  caseSettings: Schema.Struct({ booksClosedThrough: Schema.NullOr(CalendarDate) })
})
const decodeRunSettings = Schema.decodeUnknownOption(RunCaseSettings)

/** The typed choice as records of the case; every id the case does not name is a problem, not a guess. */
const resolveChoice = (c: Case, typed: TypedChoice): Either.Either<CaseChoice, ReadonlyArray<string>> => {
  const problems: Array<string> = []
  const exclude: Array<RecordRef> = []
  for (const token of typed.exclude) {
    const prefixed = /^(pom|qbo):(.+)$/.exec(token)
    if (prefixed !== null) {
      exclude.push({ system: prefixed[1] === "pom" ? "pom" : "qbo", id: prefixed[2] ?? "" })
      continue
    }
    const pom = c.pomIds.some((id) => id === token)
    const qbo = c.qboIds.some((id) => id === token)
    if (pom && qbo) problems.push(`exclude_ids: ${token} names a POM account and a QBO customer of this case; write pom:${token} or qbo:${token}`)
    else if (pom) exclude.push({ system: "pom", id: token })
    else if (qbo) exclude.push({ system: "qbo", id: token })
    else problems.push(`exclude_ids: ${token} is not a record of this case (POM ${c.pomIds.join(", ") || "(none)"}; QBO ${c.qboIds.join(", ") || "(none)"})`)
  }
  if (problems.length > 0) return Either.left(problems)
  return Either.right({
    keepPomId: typed.keepPomId === null ? null : PomCustomerId.make(typed.keepPomId),
    correctQboId: typed.correctQboId === null ? null : QboCustomerId.make(typed.correctQboId),
    exclude
  })
}

/**
 * Matches a review file's decisions with the cases stored for the run it names. What will be executed is the
 * stored plan, or the plan an admin's choice makes of it from the stored snapshot, never text from the file. An id
 * that names no case refuses the whole file (it is not the file that was reviewed). A case is refused alone when it
 * was already applied, a newer run changed its plan, a blocker forbids it, or it asks for a choice the row does not
 * make (or makes with records that are not the case's).
 */
export const checkSignOff = (file: string, decisions: ReadonlyArray<ReviewDecision>, now: string) =>
  Effect.gen(function* () {
    const store = yield* Store
    const journal = yield* Journal
    const problems: Array<string> = []
    const found: Array<{ decision: ReviewDecision; case: Case }> = []
    for (const d of decisions) {
      const stored = yield* store.getCase(d.runId, d.caseId)
      if (Option.isNone(stored)) {
        const run = yield* store.getRun(d.runId)
        problems.push(
          Option.isNone(run)
            ? `row ${d.row}: run ${d.runId} is not in this store (was the review made with another --db?)`
            : `row ${d.row}: case ${d.caseId} is not a case of run ${d.runId}`
        )
      } else found.push({ decision: d, case: stored.value })
    }
    if (problems.length > 0) return yield* new ReviewFileError({ file, problems })

    const indexes = new Map<SnapshotId, Option.Option<RecordIndex>>()
    const indexOf = (id: SnapshotId) =>
      Effect.gen(function* () {
        const known = indexes.get(id)
        if (known !== undefined) return known
        const index = Option.map(yield* store.openSnapshot(id), (s) => indexRecords(s, s.history))
        indexes.set(id, index)
        return index
      })

    /** The case as it will run: the stored one, or its chosen variant; a string is the reason it may not run. */
    const planned = (runId: RunId, d: ReviewDecision, c: Case) =>
      Effect.gen(function* () {
        const approve = (a: ApprovedCase): ApprovedCase | string => a
        const cannot = c.blockers.filter((b) => blockerKind(b) === "cannot-apply")
        if (cannot.length > 0) {
          return `cannot be applied: ${cannot.map(describeBlocker).join("; ")}. Fix this at the source and run again`
        }
        const required = requiredChoices(c)
        const missing = [
          required.keep && d.choice.keepPomId === null ? `choose_keep_pom_id (one of ${c.pomIds.join(", ")})` : "",
          required.correct && d.choice.correctQboId === null ? `choose_correct_qbo_id (one of ${c.qboIds.join(", ")})` : ""
        ].filter((m) => m !== "")
        if (missing.length > 0) {
          const why = c.blockers.filter((b) => blockerKind(b) === "choice").map(describeBlocker).join("; ")
          return `approving this case needs a choice (${why}): fill in ${missing.join(" and ")}`
        }
        const resolved = resolveChoice(c, d.choice)
        if (Either.isLeft(resolved)) return resolved.left.join("; ")
        const choice = resolved.right
        const earlier = yield* store.getChosenPlan(runId, c.id)
        const started = (yield* journal.stepsOf(runId, c.id)).length > 0
        // The journal's step numbers refer to the plan a case started with: it goes on with that plan or not at all.
        if (Option.isSome(earlier)) {
          if (sameChoice(earlier.value.choice, choice)) return approve({ runId, case: earlier.value.case, choice })
          if (started) {
            return `apply already started this case with the choice ${describeChoice(earlier.value.choice)} (${earlier.value.source}); keep that choice in the file (or revert the case first)`
          }
          // An earlier choice never started is replaced; taking it back stores the plan as proposed in its place.
          if (isNoChoice(choice)) return approve({ runId, case: c, choice, chosen: { choice, case: c, source: `${file} row ${d.row}`, decidedAt: now } })
        } else {
          if (isNoChoice(choice)) return approve({ runId, case: c, choice })
          if (started) return "apply already started this case with the plan as proposed; leave the choice columns empty (or revert the case first)"
        }

        const index = yield* indexOf(c.plan.snapshotId)
        if (Option.isNone(index)) {
          return `the snapshot this case was planned from (${c.plan.snapshotId}) is no longer stored (see --keep-snapshots): run again and review the new run`
        }
        const settings = Option.flatMap(yield* store.getRun(runId), (r) => decodeRunSettings(r.inputs))
        if (Option.isNone(settings)) {
          return `run ${runId} did not record the settings a choice is planned with: run again and review the new run`
        }
        const variant = planChosenVariant(index.value, c, choice, {
          snapshotId: c.plan.snapshotId,
          booksClosedThrough: settings.value.caseSettings.booksClosedThrough
        })
        if (Either.isLeft(variant)) return variant.left.join("; ")
        return approve({ runId, case: variant.right, choice, chosen: { choice, case: variant.right, source: `${file} row ${d.row}`, decidedAt: now } })
      })

    const applications = yield* journal.applicationsOf(found.map((f) => f.case.id))
    const approved: Array<ApprovedCase> = []
    const refused: Array<Refusal> = []
    for (const f of found) {
      if (f.decision.decision !== "approve") continue
      const refuse = (reason: string) => refused.push({ row: f.decision.row, caseId: f.case.id, reason })
      const done = applications.find((a) => a.caseId === f.case.id && a.status === "done")
      if (done !== undefined) {
        refuse(`already applied (${done.updatedAt})`)
        continue
      }
      // A reverted case's reviewed plan expects records as they were before apply: the revert moved them on.
      const reverted = applications.find((a) => a.caseId === f.case.id && a.runId === f.decision.runId && a.status === "reverted")
      if (reverted !== undefined) {
        refused.push({ row: f.decision.row, caseId: f.case.id, reason: `${reverted.detail ?? "reverted"}: run reconcile run and review the case again` })
        continue
      }
      const newer = yield* store.runsAfter(f.decision.runId)
      const latest = newer[0]
      if (latest !== undefined) {
        const again = yield* store.getCase(latest.id, f.case.id)
        if (Option.isNone(again) || !samePlan(again.value, f.case)) {
          refuse(
            Option.isNone(again)
              ? `the newer run ${latest.id} no longer finds this case: its records changed; review that run instead`
              : `the newer run ${latest.id} plans this case differently: review that run instead`
          )
          continue
        }
      }
      const outcome = yield* planned(f.decision.runId, f.decision, f.case)
      if (typeof outcome === "string") refuse(outcome)
      else approved.push(outcome)
    }
    return {
      approved,
      refused,
      rejected: found.filter((f) => f.decision.decision === "reject")
    } satisfies SignOff
  })
