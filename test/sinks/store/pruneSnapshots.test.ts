import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { RunId } from "../../../pipeline/domain/Ids.ts"
import { Store } from "../../../sinks/store/Store.ts"
import { SnapshotBuilder } from "../../pipeline/cases/snapshotBuilder.ts"

describe("Store.pruneSnapshots", () => {
  it.effect("keeps the snapshots of the most recent runs and deletes the older ones, keeping the runs", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const ids = []
      for (let i = 0; i < 4; i++) {
        const snapshot = new SnapshotBuilder().pomCustomer(`p${i}`).build()
        const at = `2026-11-0${i + 1}T00:00:00Z`
        const runId = RunId.make(`R-${i}`)
        const snapshotId = yield* store.saveSnapshot(snapshot, at)
        yield* store.startRun(runId, "run", {}, at)
        yield* store.finishRun(runId, { status: "ok", snapshotId, summary: null, now: at })
        ids.push(snapshotId)
      }
      expect(yield* store.pruneSnapshots(2)).toBe(2)
      const present = yield* Effect.forEach(ids, (id) => Effect.map(store.loadSnapshot(id), Option.isSome))
      expect(present).toEqual([false, false, true, true])
      expect((yield* store.listRuns(10)).length).toBe(4)
    }).pipe(Effect.provide(Store.layerMemory))
  )
})
