import Database from "better-sqlite3"
import { and, desc, eq, gt, isNull, ne, notInArray } from "drizzle-orm"
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3"
import { migrate } from "drizzle-orm/better-sqlite3/migrator"
import { readMigrationFiles } from "drizzle-orm/migrator"
import { Effect, Layer, Option, Schema } from "effect"
import { closeSync, chmodSync, mkdirSync, openSync } from "node:fs"
import { dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { gunzipSync } from "node:zlib"
import { Case } from "../../pipeline/domain/Case.ts"
import { CaseChoice } from "../../pipeline/domain/CaseChoice.ts"
import { CaseId, RunId, SnapshotId } from "../../pipeline/domain/Ids.ts"
import { Snapshot, StoredSnapshot } from "../../pipeline/domain/Snapshot.ts"
import { packSnapshot } from "./packSnapshot.ts"
import * as schema from "./schema.ts"
import { NewerStoreError } from "./NewerStoreError.ts"
import { schemaJsonPieces } from "./schemaJson.ts"
import { StoreError } from "./StoreError.ts"

const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url))

export type RunKind = "run" | "pull" | "apply" | "revert"
export type RunStatus = "running" | "ok" | "failed"

export interface RunRecord {
  readonly id: RunId
  readonly kind: RunKind
  readonly status: RunStatus
  readonly startedAt: string
  readonly finishedAt: string | null
  readonly snapshotId: SnapshotId | null
  readonly inputs: unknown
  readonly summary: unknown
}

const encodeCase = Schema.encodeSync(Case)
const decodeCase = Schema.decodeUnknownSync(Case)
const snapshotJson = schemaJsonPieces(Snapshot)
const decodeSnapshot = Schema.decodeUnknownSync(StoredSnapshot)
const encodeChoice = Schema.encodeSync(CaseChoice)
const decodeChoice = Schema.decodeUnknownSync(CaseChoice)

export interface ChosenPlan {
  readonly choice: CaseChoice
  readonly case: Case
  readonly source: string
  readonly decidedAt: string
}

type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

/**
 * Opens (creating it, and any folders missing on its path, with owner-only permissions) the SQLite file. Tokens
 * live in it.
 */
const connect = (path: string): Db => {
  if (path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    closeSync(openSync(path, "a", 0o600))
    chmodSync(path, 0o600)
  }
  const client = new Database(path)
  client.pragma("journal_mode = WAL")
  client.pragma("foreign_keys = ON")
  client.pragma("busy_timeout = 5000")
  // Durable on commit: the store holds rotated OAuth refresh tokens and the apply journal.
  client.pragma("synchronous = FULL")
  return drizzle(client, { schema })
}

/**
 * drizzle applies only migrations newer than the newest it finds recorded, so a store a newer build migrated
 * would be used as is, its unknown tables and columns misread. Such a store is refused before anything is written.
 */
const refuseNewerStore = (path: string, db: Db) =>
  Effect.gen(function* () {
    const known = yield* Effect.try({
      try: () => Math.max(0, ...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis)),
      catch: (cause) => new StoreError({ path, operation: "read its migrations", cause })
    })
    const newest = yield* Effect.try({
      try: () => {
        const table = db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get()
        if (table === undefined) return 0
        const row: unknown = db.$client.prepare("SELECT MAX(CAST(created_at AS INTEGER)) AS newest FROM __drizzle_migrations").get()
        return typeof row === "object" && row !== null && "newest" in row && typeof row.newest === "number" ? row.newest : 0
      },
      catch: (cause) => new StoreError({ path, operation: "read its migrations", cause })
    })
    if (newest > known) return yield* new NewerStoreError({ path, storeMigration: newest, knownMigration: known })
  })

const make = (path: string) =>
  Effect.gen(function* () {
    const db = yield* Effect.acquireRelease(
      Effect.try({ try: () => connect(path), catch: (cause) => new StoreError({ path, operation: "open", cause }) }),
      (db) => Effect.sync(() => db.$client.close())
    )
    yield* refuseNewerStore(path, db)
    yield* Effect.try({ try: () => migrate(db, { migrationsFolder }), catch: (cause) => new StoreError({ path, operation: "migrate", cause }) })
    const run = <A>(operation: string, f: () => A): Effect.Effect<A, StoreError> =>
      Effect.try({ try: f, catch: (cause) => new StoreError({ path, operation, cause }) })

    const saveSnapshot = (snapshot: Snapshot, now: string) =>
      Effect.gen(function* () {
        const packed = yield* Effect.tryPromise({
          try: () => packSnapshot(snapshotJson(snapshot)),
          catch: (cause) => new StoreError({ path, operation: "save a snapshot", cause })
        })
        const id = SnapshotId.make(`S${packed.sha256.slice(0, 16)}`)
        yield* run("save a snapshot", () =>
          db.insert(schema.snapshots)
            .values({
              id,
              createdAt: now,
              source: snapshot.source,
              counts: {
                pomCustomers: snapshot.pom.customers.length,
                appointments: snapshot.pom.appointments.length,
                services: snapshot.pom.services.length,
                qboCustomers: snapshot.qbo.customers.length,
                invoices: snapshot.qbo.invoices.length
              },
              data: Buffer.from(packed.gzip.buffer, packed.gzip.byteOffset, packed.gzip.byteLength)
            })
            .onConflictDoNothing()
            .run()
        )
        return id
      }).pipe(Effect.withSpan("Store.saveSnapshot"))

    const loadSnapshot = (id: SnapshotId) =>
      run("read a snapshot", () => {
        const row = db.select().from(schema.snapshots).where(eq(schema.snapshots.id, id)).get()
        return row === undefined
          ? Option.none<Snapshot>()
          : Option.some(decodeSnapshot(JSON.parse(gunzipSync(row.data).toString("utf8"))))
      })

    const startRun = (id: RunId, kind: RunKind, inputs: unknown, now: string) =>
      run("record a run", () => {
        db.insert(schema.runs).values({ id, kind, status: "running", startedAt: now, inputs }).run()
      })

    const finishRun = (
      id: RunId,
      result: { status: RunStatus; snapshotId: SnapshotId | null; summary: unknown; now: string }
    ) =>
      run("finish a run", () => {
        db.update(schema.runs)
          .set({ status: result.status, snapshotId: result.snapshotId, summary: result.summary, finishedAt: result.now })
          .where(eq(schema.runs.id, id))
          .run()
      })

    const saveCases = (runId: RunId, list: ReadonlyArray<Case>) =>
      run("save cases", () => {
        db.transaction((tx) => {
          for (const c of list) {
            tx.insert(schema.cases)
              .values({
                runId,
                caseId: c.id,
                scenario: c.scenario,
                confidence: c.confidence,
                fingerprint: c.fingerprint,
                body: encodeCase(c)
              })
              .run()
          }
        })
      }).pipe(Effect.withSpan("Store.saveCases"))

    const casesOfRun = (runId: RunId) =>
      run("read cases", () =>
        db
          .select()
          .from(schema.cases)
          .where(eq(schema.cases.runId, runId))
          .all()
          .map((row) => decodeCase(row.body))
      )

    const toRunRecord = (row: typeof schema.runs.$inferSelect): RunRecord => ({
      ...row,
      id: RunId.make(row.id),
      snapshotId: row.snapshotId === null ? null : SnapshotId.make(row.snapshotId)
    })

    const getRun = (id: RunId) =>
      run("read a run", () =>
        Option.fromNullable(db.select().from(schema.runs).where(eq(schema.runs.id, id)).get()).pipe(
          Option.map(toRunRecord)
        )
      )

    const listRuns = (limit: number) =>
      run("list runs", () =>
        db.select().from(schema.runs).orderBy(desc(schema.runs.startedAt)).limit(limit).all().map(toRunRecord)
      )

    const getCase = (runId: RunId, caseId: CaseId) =>
      run("read a case", () =>
        Option.fromNullable(
          db
            .select()
            .from(schema.cases)
            .where(and(eq(schema.cases.runId, runId), eq(schema.cases.caseId, caseId)))
            .get()
        ).pipe(Option.map((row) => decodeCase(row.body)))
      )

    /** Finished runs that started after the given run, newest first. */
    const runsAfter = (runId: RunId) =>
      run("list runs", () => {
        const ref = db.select().from(schema.runs).where(eq(schema.runs.id, runId)).get()
        if (ref === undefined) return []
        return db
          .select()
          .from(schema.runs)
          .where(and(eq(schema.runs.kind, "run"), eq(schema.runs.status, "ok"), gt(schema.runs.startedAt, ref.startedAt)))
          .orderBy(desc(schema.runs.startedAt))
          .all()
          .map(toRunRecord)
      })

    /** Remembers admins' decisions; a later decision on the same case and run replaces the earlier one. */
    const recordDecisions = (rows: ReadonlyArray<typeof schema.decisions.$inferInsert>) =>
      run("record decisions", () =>
        db.transaction((tx) => {
          for (const row of rows) {
            tx.insert(schema.decisions)
              .values(row)
              .onConflictDoUpdate({
                target: [schema.decisions.caseId, schema.decisions.runId],
                set: { decision: row.decision, note: row.note, source: row.source, decidedAt: row.decidedAt, revokedAt: null, choice: row.choice ?? null }
              })
              .run()
          }
        })
      )

    const getChosenPlan = (runId: RunId, caseId: CaseId) =>
      run("read a chosen plan", () =>
        Option.fromNullable(
          db
            .select()
            .from(schema.chosenPlans)
            .where(and(eq(schema.chosenPlans.runId, runId), eq(schema.chosenPlans.caseId, caseId)))
            .get()
        ).pipe(
          Option.map((row): ChosenPlan => ({ choice: decodeChoice(row.choice), case: decodeCase(row.body), source: row.source, decidedAt: row.decidedAt }))
        )
      )

    /** Stores the plan a choice made of a case; a later choice for a case not yet started replaces it. */
    const saveChosenPlan = (runId: RunId, plan: ChosenPlan) =>
      run("save a chosen plan", () => {
        const row = { choice: encodeChoice(plan.choice), body: encodeCase(plan.case), source: plan.source, decidedAt: plan.decidedAt }
        db.insert(schema.chosenPlans)
          .values({ runId, caseId: plan.case.id, ...row })
          .onConflictDoUpdate({ target: [schema.chosenPlans.runId, schema.chosenPlans.caseId], set: row })
          .run()
      })

    /** The newest finished run (of `reconcile run`) other than the given one. */
    const previousRun = (exclude: RunId) =>
      run("list runs", () =>
        Option.fromNullable(
          db
            .select()
            .from(schema.runs)
            .where(and(eq(schema.runs.kind, "run"), eq(schema.runs.status, "ok"), ne(schema.runs.id, exclude)))
            .orderBy(desc(schema.runs.startedAt))
            .limit(1)
            .get()
        ).pipe(Option.map(toRunRecord))
      )

    /** Remembered rejections still in force: the newest per case. */
    const activeRejections = () =>
      run("read decisions", () => {
        const rows = db
          .select()
          .from(schema.decisions)
          .where(and(eq(schema.decisions.decision, "reject"), isNull(schema.decisions.revokedAt)))
          .orderBy(schema.decisions.decidedAt)
          .all()
        return new Map(
          rows.map((r) => [CaseId.make(r.caseId), { caseId: CaseId.make(r.caseId), fingerprint: r.fingerprint, decidedAt: r.decidedAt, note: r.note }] as const)
        )
      })

    const listDecisions = () =>
      run("read decisions", () => db.select().from(schema.decisions).orderBy(desc(schema.decisions.decidedAt)).all())

    /** Takes back every remembered decision on a case; returns how many there were. */
    const revokeDecisions = (caseId: CaseId, now: string) =>
      run("update decisions", () =>
        db
          .update(schema.decisions)
          .set({ revokedAt: now })
          .where(and(eq(schema.decisions.caseId, caseId), isNull(schema.decisions.revokedAt)))
          .run().changes
      )

    /** Case ids this tool has applied to the end, in any run. */
    const appliedCaseIds = () =>
      run("read the journal", () =>
        new Set(
          db
            .select({ caseId: schema.caseApplications.caseId })
            .from(schema.caseApplications)
            .where(eq(schema.caseApplications.status, "done"))
            .all()
            .map((r) => CaseId.make(r.caseId))
        )
      )

    /**
     * Deletes the stored snapshots (the bulk of the store) of all but the `keep` most recent runs. Runs, cases,
     * plans, decisions and the journal stay: apply checks plans against the live systems, not the snapshot.
     */
    const pruneSnapshots = (keep: number) =>
      run("delete old snapshots", () => {
        const recent = db
          .select({ snapshotId: schema.runs.snapshotId })
          .from(schema.runs)
          .orderBy(desc(schema.runs.startedAt))
          .limit(Math.max(1, keep))
          .all()
          .flatMap((r) => (r.snapshotId === null ? [] : [r.snapshotId]))
        return db.delete(schema.snapshots).where(notInArray(schema.snapshots.id, recent)).run().changes
      })

    return { path, db, getCase, getChosenPlan, saveChosenPlan, pruneSnapshots, runsAfter, recordDecisions, previousRun, activeRejections, listDecisions, revokeDecisions, appliedCaseIds, saveSnapshot, loadSnapshot, startRun, finishRun, saveCases, casesOfRun, getRun, listRuns }
  })

/** The embedded SQLite store: runs, snapshots, cases and plans, and QBO tokens. */
export class Store extends Effect.Tag("reconcile/Store")<Store, Effect.Effect.Success<ReturnType<typeof make>>>() {
  /** The store at a file path (created and migrated if new). */
  static readonly layer = (path: string) => Layer.scoped(Store, make(path))
  /** A private in-memory store for tests that do not look at the file. */
  static readonly layerMemory = Layer.scoped(Store, make(":memory:"))
}
