import { describe, expect, it } from "@effect/vitest"
import Database from "better-sqlite3"
import { readMigrationFiles } from "drizzle-orm/migrator"
import { Effect, Either } from "effect"
import { mkdtempSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { RunId } from "../../../pipeline/domain/Ids.ts"
import { Store } from "../../../sinks/store/Store.ts"
import { runCli } from "../../cli/runCli.ts"

describe("opening the store", () => {
  it.effect("creates the folders missing on the --db path, and the file readable by its owner only", () => {
    const path = join(mkdtempSync(join(tmpdir(), "store-")), "not", "yet", "reconcile.db")
    return Effect.gen(function* () {
      const store = yield* Store
      yield* store.startRun(RunId.make("R-1"), "run", {}, "2026-11-01T00:00:00Z")
      expect((yield* store.listRuns(5)).map((r) => r.id)).toEqual(["R-1"])
      expect(statSync(path).mode & 0o777).toBe(0o600)
      expect(statSync(join(path, "..")).mode & 0o777).toBe(0o700)
    }).pipe(Effect.provide(Store.layer(path)))
  })
})

describe("opening a store written by a newer version", () => {
  /** A store as a later build leaves it: one migration newer than any this build ships. */
  const newerStore = () => {
    const path = join(mkdtempSync(join(tmpdir(), "store-")), "reconcile.db")
    Effect.runSync(Effect.scoped(Effect.flatMap(Store, (s) => s.startRun(RunId.make("R-1"), "run", {}, "2026-11-01T00:00:00Z")).pipe(Effect.provide(Store.layer(path)))))
    const newest = Math.max(...readMigrationFiles({ migrationsFolder: fileURLToPath(new URL("../../../drizzle", import.meta.url)) }).map((m) => m.folderMillis))
    const db = new Database(path)
    db.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('a-later-migration', ?)").run(newest + 86_400_000)
    db.exec("CREATE TABLE later_feature (id TEXT)")
    db.close()
    return path
  }

  it.effect("refuses it with a message that says what to do", () => {
    const path = newerStore()
    return Effect.gen(function* () {
      const result = yield* Effect.either(Effect.scoped(Effect.flatMap(Store, (s) => s.listRuns(5)).pipe(Effect.provide(Store.layer(path)))))
      expect(Either.isLeft(result)).toBe(true)
      if (Either.isLeft(result)) {
        expect(result.left._tag).toBe("NewerStoreError")
        expect(result.left.message).toBe(`${path}: this store was written by a newer version of reconcile; use that version or another --db.`)
      }
    })
  })

  it("makes every command exit 1 with that message", async () => {
    const path = newerStore()
    const result = await runCli(["status", "--db", path])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`error: ${path}: this store was written by a newer version of reconcile; use that version or another --db.`)
  })
})
