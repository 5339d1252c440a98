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
import type { HistoryLookup } from "../../pipeline/domain/History.ts"
import type { LoadedSnapshot } from "../../pipeline/domain/LoadedSnapshot.ts"
import { PomAppointment, PomService } from "../../pipeline/domain/PomRecords.ts"
import { QboInvoice } from "../../pipeline/domain/QboRecords.ts"
import { type Snapshot, SnapshotHeads, StoredSnapshot } from "../../pipeline/domain/Snapshot.ts"
import { historyOfArrays } from "../../pipeline/cases/RecordIndex.ts"
import { createHash } from "node:crypto"
import { allStoredRows, readStoredHistory } from "./readStoredHistory.ts"
import { deleteLoad, type HistoryStage, stageHistory } from "./stageHistory.ts"
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
const headsJson = schemaJsonPieces(SnapshotHeads)
const decodeHeads = Schema.decodeUnknownSync(SnapshotHeads)
const decodeSnapshot = Schema.decodeUnknownSync(StoredSnapshot)
const encodeChoice = Schema.encodeSync(CaseChoice)
const decodeChoice = Schema.decodeUnknownSync(CaseChoice)

/** A stored snapshot opened for the case rules: customers in memory, history read by customer from the store. */
export interface OpenedSnapshot extends SnapshotHeads {
  readonly history: HistoryLookup
}

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

    /** Starts writing history rows as they are read (see `stageHistory`). */
    const stageHistoryRows = (now: string) => run("start storing history", () => stageHistory(db.$client, now))

    /** Deletes a stage's rows: the read failed. A load a snapshot already points at is kept. */
    const discardHistory = (stage: HistoryStage) => run("discard history", () => stage.discard())

    /** Writes what is left of a stage and gives its history; a stage that could not be written is discarded. */
    const finishHistory = (stage: HistoryStage) =>
      Effect.flatMap(Effect.sync(() => stage.finish()), (finished) =>
        finished._tag === "Right"
          ? Effect.succeed(finished.right)
          : Effect.zipRight(Effect.ignore(discardHistory(stage)), Effect.fail(new StoreError({ path, operation: "store history", cause: finished.left })))
      )

    /**
     * Names the snapshot by a hash of its customers, unreadable records and history rows (the same data read
     * twice is one snapshot) and stores its customers beside the history already written. A snapshot read again
     * takes the new rows and gives up its old ones, so the history of one snapshot is kept once.
     */
    const saveSnapshot = (snapshot: LoadedSnapshot, now: string) =>
      Effect.gen(function* () {
        const { history, ...rest } = snapshot
        const heads: SnapshotHeads = { source: rest.source, pom: rest.pom, qbo: rest.qbo, unreadable: rest.unreadable }
        const packed = yield* Effect.tryPromise({
          try: () => packSnapshot(headsJson(heads)),
          catch: (cause) => new StoreError({ path, operation: "save a snapshot", cause })
        })
        const id = SnapshotId.make(`S${createHash("sha256").update(`${packed.sha256}:${history.digest}`).digest("hex").slice(0, 16)}`)
        yield* run("save a snapshot", () =>
          db.transaction((tx) => {
            const before = tx.select({ historyLoad: schema.snapshots.historyLoad }).from(schema.snapshots).where(eq(schema.snapshots.id, id)).get()
            if (before === undefined) {
              tx.insert(schema.snapshots)
                .values({
                  id,
                  createdAt: now,
                  source: snapshot.source,
                  counts: {
                    pomCustomers: snapshot.pom.customers.length,
                    appointments: history.counts.appointments,
                    services: history.counts.services,
                    qboCustomers: snapshot.qbo.customers.length,
                    invoices: history.counts.invoices
                  },
                  data: Buffer.from(packed.gzip.buffer, packed.gzip.byteOffset, packed.gzip.byteLength),
                  historyLoad: history.storeKey
                })
                .run()
            } else if (before.historyLoad !== history.storeKey) {
              tx.update(schema.snapshots).set({ historyLoad: history.storeKey }).where(eq(schema.snapshots.id, id)).run()
              if (before.historyLoad !== null) deleteLoad(db.$client, before.historyLoad)
            }
          })
        )
        return id
      }).pipe(Effect.withSpan("Store.saveSnapshot"))

    /** Stores a snapshot whose history is in arrays (a small one, or a test's): its rows are written, then saved. */
    const saveSnapshotRecords = (snapshot: Snapshot, now: string) =>
      Effect.gen(function* () {
        const stage = yield* stageHistoryRows(now)
        for (const a of snapshot.pom.appointments) stage.sink.appointment(a)
        for (const s of snapshot.pom.services) stage.sink.service(s)
        for (const i of snapshot.qbo.invoices) stage.sink.invoice(i)
        const history = yield* finishHistory(stage)
        return yield* saveSnapshot({ ...snapshot, history }, now)
      })

    const snapshotRow = (id: SnapshotId) => db.select().from(schema.snapshots).where(eq(schema.snapshots.id, id)).get()

    /** A stored snapshot with its history read from the store by customer, as the case rules ask for it. */
    const openSnapshot = (id: SnapshotId) =>
      run("read a snapshot", () => {
        const row = snapshotRow(id)
        if (row === undefined) return Option.none<OpenedSnapshot>()
        const json: unknown = JSON.parse(gunzipSync(row.data).toString("utf8"))
        if (row.historyLoad === null) {
          // Stored before history had its own rows: it is all in the one document.
          const whole = decodeSnapshot(json)
          return Option.some<OpenedSnapshot>({ ...whole, history: historyOfArrays({ ...whole.pom, ...whole.qbo }) })
        }
        return Option.some<OpenedSnapshot>({ ...decodeHeads(json), history: readStoredHistory(db.$client, row.historyLoad) })
      })

    /** A stored snapshot whole, history included: for small snapshots and tests, never a company's. */
    const loadSnapshot = (id: SnapshotId) =>
      run("read a snapshot", () => {
        const row = snapshotRow(id)
        if (row === undefined) return Option.none<Snapshot>()
        const json: unknown = JSON.parse(gunzipSync(row.data).toString("utf8"))
        const load = row.historyLoad
        if (load === null) return Option.some<Snapshot>(decodeSnapshot(json))
        const heads = decodeHeads(json)
        return Option.some<Snapshot>({
          ...heads,
          pom: {
            customers: heads.pom.customers,
            appointments: allStoredRows(db.$client, load, "appointment", Schema.decodeUnknownSync(PomAppointment)),
            services: allStoredRows(db.$client, load, "service", Schema.decodeUnknownSync(PomService))
          },
          qbo: { customers: heads.qbo.customers, invoices: allStoredRows(db.$client, load, "invoice", Schema.decodeUnknownSync(QboInvoice)) }
        })
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
        const deleted = db.delete(schema.snapshots).where(notInArray(schema.snapshots.id, recent)).run().changes
        // History rows no snapshot points at any more: the pruned snapshots', and those of reads that failed.
        // Runs hold the store's lock, so no other run is writing a load at this moment.
        const orphans = db.$client
          .prepare("SELECT id FROM history_loads WHERE id NOT IN (SELECT history_load FROM snapshots WHERE history_load IS NOT NULL)")
          .all()
          .flatMap((r) => (typeof r === "object" && r !== null && "id" in r && typeof r.id === "number" ? [r.id] : []))
        for (const load of orphans) deleteLoad(db.$client, load)
        return deleted
      })

    return { path, db, getCase, getChosenPlan, saveChosenPlan, pruneSnapshots, runsAfter, recordDecisions, previousRun, activeRejections, listDecisions, revokeDecisions, appliedCaseIds, stageHistoryRows, discardHistory, finishHistory, saveSnapshot, saveSnapshotRecords, openSnapshot, loadSnapshot, startRun, finishRun, saveCases, casesOfRun, getRun, listRuns }
  })

/** The embedded SQLite store: runs, snapshots, cases and plans, and QBO tokens. */
export class Store extends Effect.Tag("reconcile/Store")<Store, Effect.Effect.Success<ReturnType<typeof make>>>() {
  /** The store at a file path (created and migrated if new). */
  static readonly layer = (path: string) => Layer.scoped(Store, make(path))
  /** A private in-memory store for tests that do not look at the file. */
  static readonly layerMemory = Layer.scoped(Store, make(":memory:"))
}
