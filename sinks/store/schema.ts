import { sql } from "drizzle-orm"
import { blob, index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core"

/*
 * The embedded store. Every table here is read by a later stage: runs and snapshots by apply (a plan is only
 * executed against the snapshot it was computed from), cases by apply and by the run-to-run summary.
 * Change it with `npm run db:generate`, which writes a new migration under drizzle/; migrations apply on start.
 */

export const runs = sqliteTable("runs", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["run", "pull", "apply"] }).notNull(),
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
  /** The whole snapshot as gzip-compressed JSON: one row, so 100,000 customers store in a second. */
  data: blob("data", { mode: "buffer" }).notNull()
})

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
