import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdtempSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { RunId } from "../../../pipeline/domain/Ids.ts"
import { Store } from "../../../sinks/store/Store.ts"

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
