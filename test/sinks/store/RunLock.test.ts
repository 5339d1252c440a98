import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Layer, Scope } from "effect"
import { spawnSync } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { hostname, tmpdir } from "node:os"
import { join } from "node:path"
import { withRunLock } from "../../../sinks/store/RunLock.ts"
import * as schema from "../../../sinks/store/schema.ts"
import { Store } from "../../../sinks/store/Store.ts"

const dbFile = () => join(mkdtempSync(join(tmpdir(), "lock-")), "r.db")

/** Takes the lock through its own connection to the file, as a second process would; releases on scope close. */
const holdLock = (file: string, command: string, scope: Scope.Scope) =>
  Effect.gen(function* () {
    const store = yield* Layer.buildWithScope(Store.layer(file), scope)
    return yield* Effect.exit(withRunLock(command).pipe(Effect.provide(store), Scope.extend(scope)))
  })

describe("withRunLock", () => {
  it.effect("lets only one of two runs on one store hold the lock, then the next one after release", () =>
    Effect.gen(function* () {
      const file = dbFile()
      const first = yield* Scope.make()
      expect(Exit.isSuccess(yield* holdLock(file, "run", first))).toBe(true)
      const second = yield* Scope.make()
      const refused = yield* holdLock(file, "apply", second)
      expect(Exit.isFailure(refused)).toBe(true)
      if (Exit.isFailure(refused)) expect(String(refused.cause)).toMatch(/another reconcile run \(pid \d+/)
      yield* Scope.close(first, Exit.void)
      const third = yield* Scope.make()
      expect(Exit.isSuccess(yield* holdLock(file, "run", third))).toBe(true)
      yield* Scope.close(third, Exit.void)
    })
  )

  it.effect("takes over a lock left by a process that died", () =>
    Effect.gen(function* () {
      const file = dbFile()
      // A pid that certainly existed and no longer does.
      const dead = spawnSync(process.execPath, ["-e", "0"]).pid
      yield* Effect.scoped(
        Effect.gen(function* () {
          const store = yield* Store
          store.db.insert(schema.runLock).values({ id: 1, pid: dead, host: hostname(), command: "run", since: "2026-01-01T00:00:00Z" }).run()
        }).pipe(Effect.provide(Store.layer(file)))
      )
      const scope = yield* Scope.make()
      expect(Exit.isSuccess(yield* holdLock(file, "run", scope))).toBe(true)
      yield* Scope.close(scope, Exit.void)
    })
  )

  it.effect("respects a lock held from another host, whose process cannot be checked", () =>
    Effect.gen(function* () {
      const file = dbFile()
      yield* Effect.scoped(
        Effect.gen(function* () {
          const store = yield* Store
          store.db.insert(schema.runLock).values({ id: 1, pid: 1, host: "other-host", command: "schedule", since: "2026-01-01T00:00:00Z" }).run()
        }).pipe(Effect.provide(Store.layer(file)))
      )
      const scope = yield* Scope.make()
      expect(Exit.isFailure(yield* holdLock(file, "run", scope))).toBe(true)
    })
  )
})
