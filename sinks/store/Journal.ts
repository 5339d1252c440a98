import { and, eq, inArray } from "drizzle-orm"
import { Effect, Layer } from "effect"
import { createHash } from "node:crypto"
import { CaseId, RunId } from "../../pipeline/domain/Ids.ts"
import { type PlanStep, stepSystem } from "../../pipeline/domain/PlanStep.ts"
import * as schema from "./schema.ts"
import { Store } from "./Store.ts"
import { StoreError } from "./StoreError.ts"

export type StepStatus = "pending" | "sent" | "done" | "failed" | "skipped" | "waiting"
export type CaseApplyStatus = "in-progress" | "done" | "failed" | "stale" | "waiting" | "reverted"

export interface StepKey {
  readonly runId: RunId
  readonly caseId: CaseId
  readonly stepIndex: number
}

export interface JournalStep extends StepKey {
  readonly applyId: string
  readonly kind: PlanStep["_tag"]
  readonly system: "qbo" | "pom"
  readonly targetId: string
  readonly status: StepStatus
  readonly requestId: string
  readonly before: unknown
  readonly after: unknown
  readonly error: string | null
  readonly updatedAt: string
}

export interface CaseApplication {
  readonly runId: RunId
  readonly caseId: CaseId
  readonly applyId: string
  readonly status: CaseApplyStatus
  readonly detail: string | null
  readonly updatedAt: string
}

/**
 * The idempotency key of a step: the same on every resend, so QBO's `requestid` (≤36 characters) and POM's
 * `clientMutationId` can recognise a replay. Derived, not random, so it survives a crash before it was stored.
 */
export const requestIdFor = (key: StepKey): string =>
  createHash("sha256").update(`${key.runId}|${key.caseId}|${key.stepIndex}`).digest("hex").slice(0, 32)

const targetOf = (s: PlanStep): string => {
  switch (s._tag) {
    case "move-invoice":
      return s.invoiceId
    case "move-appointment":
      return s.appointmentId
    case "move-service":
      return s.serviceId
    case "set-quickbooks-id":
    case "inactivate-pom-customer":
      return s.pomCustomerId
    case "inactivate-qbo-customer":
      return s.qboCustomerId
  }
}

const make = Effect.gen(function* () {
  const store = yield* Store
  const db = store.db
  const run = <A>(operation: string, f: () => A) =>
    Effect.try({ try: f, catch: (cause) => new StoreError({ path: store.path, operation, cause }) })
  const now = () => new Date().toISOString()
  const keyWhere = (k: StepKey) =>
    and(
      eq(schema.applySteps.runId, k.runId),
      eq(schema.applySteps.caseId, k.caseId),
      eq(schema.applySteps.stepIndex, k.stepIndex)
    )

  /** Journal rows for a case's plan, created as `pending` the first time; existing rows are left as they are. */
  const ensureSteps = (runId: RunId, caseId: CaseId, applyId: string, steps: ReadonlyArray<PlanStep>) =>
    run("write the journal", () =>
      db.transaction((tx) => {
        steps.forEach((step, stepIndex) => {
          tx.insert(schema.applySteps)
            .values({
              runId,
              caseId,
              stepIndex,
              applyId,
              kind: step._tag,
              system: stepSystem(step),
              targetId: targetOf(step),
              status: "pending",
              requestId: requestIdFor({ runId, caseId, stepIndex }),
              before: step.before,
              updatedAt: now()
            })
            .onConflictDoNothing()
            .run()
        })
      })
    )

  const stepsOf = (runId: RunId, caseId: CaseId) =>
    run("read the journal", () =>
      db
        .select()
        .from(schema.applySteps)
        .where(and(eq(schema.applySteps.runId, runId), eq(schema.applySteps.caseId, caseId)))
        .orderBy(schema.applySteps.stepIndex)
        .all()
        .map((r): JournalStep => ({ ...r, runId, caseId }))
    )

  /** Records outcomes (or the `sent` mark) of several steps in one transaction: all or none survive a crash. */
  const record = (
    updates: ReadonlyArray<{ key: StepKey; status: StepStatus; after?: unknown; error?: string | null; applyId: string }>
  ) =>
    run("write the journal", () =>
      db.transaction((tx) => {
        const at = now()
        for (const u of updates) {
          tx.update(schema.applySteps)
            .set({
              status: u.status,
              applyId: u.applyId,
              updatedAt: at,
              ...(u.after === undefined ? {} : { after: u.after }),
              ...(u.error === undefined ? {} : { error: u.error })
            })
            .where(keyWhere(u.key))
            .run()
        }
      })
    )

  const setCase = (runId: RunId, caseId: CaseId, applyId: string, status: CaseApplyStatus, detail: string | null) =>
    run("write the journal", () =>
      db.insert(schema.caseApplications)
        .values({ runId, caseId, applyId, status, detail, updatedAt: now() })
        .onConflictDoUpdate({
          target: [schema.caseApplications.runId, schema.caseApplications.caseId],
          set: { applyId, status, detail, updatedAt: now() }
        })
        .run()
    )

  /** Applications of these case ids from any run: a case applied once is never applied again. */
  const applicationsOf = (caseIds: ReadonlyArray<CaseId>) =>
    run("read the journal", () =>
      caseIds.length === 0
        ? []
        : db
            .select()
            .from(schema.caseApplications)
            .where(inArray(schema.caseApplications.caseId, [...caseIds]))
            .all()
            .map((r): CaseApplication => ({ ...r, runId: RunId.make(r.runId), caseId: CaseId.make(r.caseId) }))
    )

  return { ensureSteps, stepsOf, record, setCase, applicationsOf }
})

/** The apply journal in the store: every step's state, and every case's. */
export class Journal extends Effect.Tag("reconcile/Journal")<Journal, Effect.Effect.Success<typeof make>>() {
  static readonly layer = Layer.effect(Journal, make)
}
