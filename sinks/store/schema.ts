import { sql } from "drizzle-orm"
import { blob, index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core"

/*
 * The embedded store. Every table here is read by a later stage: runs and snapshots by apply (a plan is only
 * executed against the snapshot it was computed from), cases by apply and by the run-to-run summary.
 * Change it with `npm run db:generate`, which writes a new migration under drizzle/; migrations apply on start.
 */

export const runs = sqliteTable("runs", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["run", "pull", "apply", "revert"] }).notNull(),
  status: text("status", { enum: ["running", "ok", "failed"] }).notNull(),
  startedAt: text("started_at").notNull(),
  finishedAt: text("finished_at"),
  snapshotId: text("snapshot_id"),
  /** What the run read (paths or API endpoints), never credentials. */
  inputs: text("inputs", { mode: "json" }).notNull(),
  /** The summary written to summary.json. */
  summary: text("summary", { mode: "json" })
})

export const snapshots = sqliteTable("snapshots", {
  /** A hash of the snapshot's content: the same data read twice is stored once. */
  id: text("id").primaryKey(),
  createdAt: text("created_at").notNull(),
  source: text("source", { mode: "json" }).notNull(),
  counts: text("counts", { mode: "json" }).notNull(),
  /**
   * The snapshot's customers and unreadable records as gzip-compressed JSON (one row, so 100,000 customers store
   * in a second); before history was kept in `history_rows`, its history too.
   */
  data: blob("data", { mode: "buffer" }).notNull(),
  /** The `history_loads` key of its history rows; null for a snapshot whose history is inside `data`. */
  historyLoad: integer("history_load")
})

/**
 * One reading of history into `history_rows`. Rows are written while they are read, before the snapshot they
 * belong to is named (its name is the hash of everything read), so they are filed under this key; a load no
 * snapshot points at (a failed read, a pruned snapshot) is deleted with its rows.
 */
export const historyLoads = sqliteTable("history_loads", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  createdAt: text("created_at").notNull()
})

/** Appointments, services and invoices, one row each: read back only for the customers of cases. */
export const historyRows = sqliteTable(
  "history_rows",
  {
    load: integer("load").notNull(),
    kind: text("kind", { enum: ["appointment", "service", "invoice"] }).notNull(),
    customerId: text("customer_id").notNull(),
    /** The record as JSON, as its schema encodes it. */
    body: text("body").notNull()
  },
  (t) => [index("history_rows_by_customer").on(t.load, t.kind, t.customerId)]
)

export const cases = sqliteTable(
  "cases",
  {
    runId: text("run_id")
      .notNull()
      .references(() => runs.id),
    caseId: text("case_id").notNull(),
    scenario: text("scenario").notNull(),
    confidence: real("confidence").notNull(),
    fingerprint: text("fingerprint").notNull(),
    /** The whole case, plan included, encoded with the domain `Case` schema. */
    body: text("body", { mode: "json" }).notNull()
  },
  (t) => [primaryKey({ columns: [t.runId, t.caseId] }), index("cases_case_id").on(t.caseId)]
)

/** QBO OAuth tokens per realm. Only the newest refresh token is kept: Intuit retires the previous one. */
export const qboTokens = sqliteTable("qbo_tokens", {
  realmId: text("realm_id").primaryKey(),
  accessToken: text("access_token").notNull(),
  refreshToken: text("refresh_token").notNull(),
  accessTokenExpiresAt: integer("access_token_expires_at").notNull(),
  refreshTokenExpiresAt: integer("refresh_token_expires_at").notNull(),
  createdAt: integer("created_at").notNull(),
  updatedAt: text("updated_at")
    .notNull()
    .default(sql`CURRENT_TIMESTAMP`)
})

/**
 * What admins decided in a review file. A "reject" is remembered as "not the same customer" for the records
 * involved, while their fingerprint is unchanged.
 */
export const decisions = sqliteTable(
  "decisions",
  {
    caseId: text("case_id").notNull(),
    runId: text("run_id").notNull(),
    decision: text("decision", { enum: ["approve", "reject"] }).notNull(),
    fingerprint: text("fingerprint").notNull(),
    note: text("note").notNull(),
    /** The review file and line the decision came from. */
    source: text("source").notNull(),
    decidedAt: text("decided_at").notNull(),
    /** Set when a person takes a remembered decision back (`reconcile decisions --undo`). */
    revokedAt: text("revoked_at"),
    /** What the admin chose for a case that asked for a choice (keeper, correct QBO customer, excluded records). */
    choice: text("choice", { mode: "json" })
  },
  (t) => [primaryKey({ columns: [t.caseId, t.runId] }), index("decisions_case").on(t.caseId)]
)

/**
 * The plan an admin's choice made of a case (see `planChosenVariant`), fixed the first time it is applied: the
 * journal's step indexes refer to it, so a case is never carried on under a different choice.
 */
export const chosenPlans = sqliteTable(
  "chosen_plans",
  {
    runId: text("run_id").notNull(),
    caseId: text("case_id").notNull(),
    choice: text("choice", { mode: "json" }).notNull(),
    /** The variant case, plan included, encoded with the domain `Case` schema. */
    body: text("body", { mode: "json" }).notNull(),
    /** The review file and line the choice came from. */
    source: text("source").notNull(),
    decidedAt: text("decided_at").notNull()
  },
  (t) => [primaryKey({ columns: [t.runId, t.caseId] })]
)

/**
 * The journal: one row per plan step, written before the step is sent and updated in the same transaction as
 * its outcome, so a restarted apply knows exactly what was done, what may have been sent, and what is left.
 */
export const applySteps = sqliteTable(
  "apply_steps",
  {
    runId: text("run_id").notNull(),
    caseId: text("case_id").notNull(),
    stepIndex: integer("step_index").notNull(),
    applyId: text("apply_id").notNull(),
    kind: text("kind", {
      enum: [
        "move-invoice",
        "move-appointment",
        "move-service",
        "set-quickbooks-id",
        "inactivate-pom-customer",
        "inactivate-qbo-customer"
      ]
    }).notNull(),
    system: text("system", { enum: ["qbo", "pom"] }).notNull(),
    targetId: text("target_id").notNull(),
    status: text("status", { enum: ["pending", "sent", "done", "failed", "skipped", "waiting"] }).notNull(),
    /** Idempotency key sent with the write (QBO `requestid`, POM `clientMutationId`); the same on every resend. */
    requestId: text("request_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    error: text("error"),
    updatedAt: text("updated_at").notNull()
  },
  (t) => [primaryKey({ columns: [t.runId, t.caseId, t.stepIndex] }), index("apply_steps_case").on(t.caseId)]
)

/**
 * Where each approved case stands. `done` cases are never applied again; `reverted` ones were undone by
 * `reconcile revert` and count as not applied (a newer review of the case may be applied).
 */
export const caseApplications = sqliteTable(
  "case_applications",
  {
    runId: text("run_id").notNull(),
    caseId: text("case_id").notNull(),
    applyId: text("apply_id").notNull(),
    status: text("status", { enum: ["in-progress", "done", "failed", "stale", "waiting", "reverted"] }).notNull(),
    detail: text("detail"),
    updatedAt: text("updated_at").notNull()
  },
  (t) => [primaryKey({ columns: [t.runId, t.caseId] }), index("case_applications_case").on(t.caseId)]
)

/**
 * The revert journal: one row per reverse step of an applied case (keyed by the apply step it reverses), written
 * before the step is sent and updated with its outcome, like `apply_steps`. An application is reverted at most
 * once, so the apply step's key is the revert step's key, and a crashed revert resumes on the same rows.
 */
export const revertSteps = sqliteTable(
  "revert_steps",
  {
    runId: text("run_id").notNull(),
    caseId: text("case_id").notNull(),
    stepIndex: integer("step_index").notNull(),
    revertId: text("revert_id").notNull(),
    kind: text("kind", {
      enum: [
        "reactivate-qbo-customer",
        "restore-pom-status",
        "restore-quickbooks-id",
        "move-appointment-back",
        "move-service-back",
        "move-invoice-back"
      ]
    }).notNull(),
    system: text("system", { enum: ["qbo", "pom"] }).notNull(),
    targetId: text("target_id").notNull(),
    status: text("status", { enum: ["pending", "sent", "done", "failed", "waiting"] }).notNull(),
    /** Idempotency key of the reverse write; differs from the apply step's, the same on every resend. */
    requestId: text("request_id").notNull(),
    /** What apply left, which the revert expects to find. */
    expected: text("expected", { mode: "json" }),
    after: text("after", { mode: "json" }),
    error: text("error"),
    updatedAt: text("updated_at").notNull()
  },
  (t) => [primaryKey({ columns: [t.runId, t.caseId, t.stepIndex] }), index("revert_steps_case").on(t.caseId)]
)

/** Where the revert of each applied case stands. */
export const caseReverts = sqliteTable(
  "case_reverts",
  {
    runId: text("run_id").notNull(),
    caseId: text("case_id").notNull(),
    revertId: text("revert_id").notNull(),
    status: text("status", { enum: ["in-progress", "reverted", "waiting", "failed", "stale"] }).notNull(),
    detail: text("detail"),
    updatedAt: text("updated_at").notNull()
  },
  (t) => [primaryKey({ columns: [t.runId, t.caseId] }), index("case_reverts_case").on(t.caseId)]
)

/**
 * At most one row: the process using the store now. Taken in an IMMEDIATE transaction, so two processes can
 * never both take it; a row left by a dead process on this host is taken over.
 */
export const runLock = sqliteTable("run_lock", {
  id: integer("id").primaryKey(),
  pid: integer("pid").notNull(),
  host: text("host").notNull(),
  command: text("command").notNull(),
  since: text("since").notNull()
})
