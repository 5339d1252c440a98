import { eq, and } from "drizzle-orm"
import { Effect, Schema } from "effect"
import { hostname } from "node:os"
import * as schema from "./schema.ts"
import { Store } from "./Store.ts"

export class LockHeld extends Schema.TaggedError<LockHeld>()("LockHeld", {
  store: Schema.String,
  pid: Schema.Number,
  host: Schema.String,
  command: Schema.String,
  since: Schema.String
}) {
  override get message(): string {
    return `another reconcile ${this.command} (pid ${this.pid} on ${this.host}, since ${this.since}) is using ${this.store}; this one did nothing. Wait for it to finish.`
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user, so it is alive.
    return error instanceof Error && "code" in error && error.code === "EPERM"
  }
}

/**
 * Holds the store's run lock for the length of the scope, so two runs never overlap (cron and a person at a
 * terminal, or a slow run and the next tick). A lock left by a process that no longer exists on this host is
 * taken over; one held from another host is respected, since that process cannot be checked from here.
 */
export const withRunLock = (command: string) =>
  Effect.gen(function* () {
    const store = yield* Store
    const db = store.db
    const me = { id: 1, pid: process.pid, host: hostname(), command, since: new Date().toISOString() }
    const take = db.$client.transaction(() => {
      const holder = db.select().from(schema.runLock).where(eq(schema.runLock.id, 1)).get()
      if (holder !== undefined && (holder.host !== me.host || alive(holder.pid))) return holder
      db.insert(schema.runLock).values(me).onConflictDoUpdate({ target: schema.runLock.id, set: me }).run()
      return null
    })
    const held = yield* Effect.try({
      // IMMEDIATE takes SQLite's write lock at BEGIN: the read and the write above are one atomic step.
      try: () => take.immediate(),
      catch: (cause) => new LockHeld({ store: store.path, pid: -1, host: "unknown", command: "unknown", since: String(cause) })
    })
    if (held !== null) return yield* new LockHeld({ store: store.path, ...held })
    yield* Effect.addFinalizer(() =>
      Effect.try(() =>
        db.delete(schema.runLock)
          .where(and(eq(schema.runLock.id, 1), eq(schema.runLock.pid, me.pid)))
          .run()
      ).pipe(Effect.ignore)
    )
  })
