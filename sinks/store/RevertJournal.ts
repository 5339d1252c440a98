import { and, eq, isNull } from "drizzle-orm"
import { Effect, Layer } from "effect"
import { createHash } from "node:crypto"
import { CaseId, RunId } from "../../pipeline/domain/Ids.ts"
import { type ReverseStep, reverseSystem, reverseTarget } from "../../pipeline/domain/ReverseStep.ts"
import type { StepKey } from "./Journal.ts"
import * as schema from "./schema.ts"
import { Store } from "./Store.ts"
import { StoreError } from "./StoreError.ts"

export type RevertStepStatus = "pending" | "sent" | "done" | "failed" | "waiting"
export type CaseRevertStatus = "in-progress" | "reverted" | "waiting" | "failed" | "stale"

export interface RevertJournalStep extends StepKey {
  readonly revertId: string
  readonly kind: ReverseStep["_tag"]
  readonly status: RevertStepStatus
  readonly requestId: string
  readonly after: unknown
  readonly error: string | null
}

export interface CaseRevert {
  readonly runId: RunId
  readonly caseId: CaseId
  readonly revertId: string
  readonly status: CaseRevertStatus
  readonly detail: string | null
  readonly updatedAt: string
}

/**
 * The idempotency key of a reverse step: derived like apply's (so a resend after a crash is a replay), and never
 * equal to the key of the apply step it undoes, which QBO and POM would answer as a replay of that step.
 */
export const revertRequestIdFor = (key: StepKey): string =>
  createHash("sha256").update(`revert|${key.runId}|${key.caseId}|${key.stepIndex}`).digest("hex").slice(0, 32)

const make = Effect.gen(function* () {
  const store = yield* Store
  const db = store.db
  const run = <A>(operation: string, f: () => A) =>
    Effect.try({ try: f, catch: (cause) => new StoreError({ path: store.path, operation, cause }) })
  const now = () => new Date().toISOString()
  const keyWhere = (k: StepKey) =>
    and(eq(schema.revertSteps.runId, k.runId), eq(schema.revertSteps.caseId, k.caseId), eq(schema.revertSteps.stepIndex, k.stepIndex))

  /** Rows for the reverse steps, created as `pending` the first time; existing rows are left as they are. */
  const ensureSteps = (runId: RunId, caseId: CaseId, revertId: string, steps: ReadonlyArray<ReverseStep>) =>
    run("write the revert journal", () =>
      db.transaction((tx) => {
        for (const step of steps) {
          const key = { runId, caseId, stepIndex: step.stepIndex }
          tx.insert(schema.revertSteps)
            .values({
              ...key,
              revertId,
              kind: step._tag,
              system: reverseSystem(step),
              targetId: reverseTarget(step),
              status: "pending",
              requestId: revertRequestIdFor(key),
              expected: step.expect,
              updatedAt: now()
            })
            .onConflictDoNothing()
            .run()
        }
      })
    )

  const stepsOf = (runId: RunId, caseId: CaseId) =>
    run("read the revert journal", () =>
      db
        .select()
        .from(schema.revertSteps)
        .where(and(eq(schema.revertSteps.runId, runId), eq(schema.revertSteps.caseId, caseId)))
        .orderBy(schema.revertSteps.stepIndex)
        .all()
        .map((r): RevertJournalStep => ({ ...r, runId, caseId }))
    )

  /** Records outcomes (or the `sent` mark) of several steps in one transaction. */
  const record = (
    updates: ReadonlyArray<{ key: StepKey; status: RevertStepStatus; after?: unknown; error?: string | null; revertId: string }>
  ) =>
    run("write the revert journal", () =>
      db.transaction((tx) => {
        const at = now()
        for (const u of updates) {
          tx.update(schema.revertSteps)
            .set({
              status: u.status,
              revertId: u.revertId,
              updatedAt: at,
              ...(u.after === undefined ? {} : { after: u.after }),
              ...(u.error === undefined ? {} : { error: u.error })
            })
            .where(keyWhere(u.key))
            .run()
        }
      })
    )

  const setCase = (runId: RunId, caseId: CaseId, revertId: string, status: Exclude<CaseRevertStatus, "reverted">, detail: string | null) =>
    run("write the revert journal", () =>
      db.insert(schema.caseReverts)
        .values({ runId, caseId, revertId, status, detail, updatedAt: now() })
        .onConflictDoUpdate({ target: [schema.caseReverts.runId, schema.caseReverts.caseId], set: { revertId, status, detail, updatedAt: now() } })
        .run()
    )

  /**
   * Closes a revert, in one transaction: the revert is done, the application no longer counts as applied (so a
   * newer review of the case may be applied), and the approval it came from is taken back.
   */
  const finish = (runId: RunId, caseId: CaseId, revertId: string, detail: string) =>
    run("write the revert journal", () =>
      db.transaction((tx) => {
        const at = now()
        tx.insert(schema.caseReverts)
          .values({ runId, caseId, revertId, status: "reverted", detail, updatedAt: at })
          .onConflictDoUpdate({ target: [schema.caseReverts.runId, schema.caseReverts.caseId], set: { revertId, status: "reverted", detail, updatedAt: at } })
          .run()
        tx.update(schema.caseApplications)
          .set({ status: "reverted", detail: `reverted by ${revertId} on ${at}`, updatedAt: at })
          .where(and(eq(schema.caseApplications.runId, runId), eq(schema.caseApplications.caseId, caseId)))
          .run()
        tx.update(schema.decisions)
          .set({ revokedAt: at })
          .where(
            and(
              eq(schema.decisions.runId, runId),
              eq(schema.decisions.caseId, caseId),
              eq(schema.decisions.decision, "approve"),
              isNull(schema.decisions.revokedAt)
            )
          )
          .run()
      })
    )

  /** Reverts of this case id, from any run. */
  const revertsOf = (caseId: CaseId) =>
    run("read the revert journal", () =>
      db
        .select()
        .from(schema.caseReverts)
        .where(eq(schema.caseReverts.caseId, caseId))
        .all()
        .map((r): CaseRevert => ({ ...r, runId: RunId.make(r.runId), caseId: CaseId.make(r.caseId) }))
    )

  /** The runs whose plan for this case apply started (journal rows exist), whether or not it finished. */
  const appliedRunsOf = (caseId: CaseId) =>
    run("read the journal", () =>
      db
        .selectDistinct({ runId: schema.applySteps.runId })
        .from(schema.applySteps)
        .where(eq(schema.applySteps.caseId, caseId))
        .all()
        .map((r) => RunId.make(r.runId))
    )

  return { ensureSteps, stepsOf, record, setCase, finish, revertsOf, appliedRunsOf }
})

/** The revert journal in the store: every reverse step's state, and every reverted case's. */
export class RevertJournal extends Effect.Tag("reconcile/RevertJournal")<RevertJournal, Effect.Effect.Success<typeof make>>() {
  static readonly layer = Layer.effect(RevertJournal, make)
}
