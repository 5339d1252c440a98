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
        const snapshot = new SnapshotBuilder().pomCustomer(`p${i}`, { history: 2 }).qboCustomer(`${i}`, { invoices: 1 }).build()
        const at = `2026-11-0${i + 1}T00:00:00Z`
        const runId = RunId.make(`R-${i}`)
        const snapshotId = yield* store.saveSnapshotRecords(snapshot, at)
        yield* store.startRun(runId, "run", {}, at)
        yield* store.finishRun(runId, { status: "ok", snapshotId, summary: null, now: at })
        ids.push(snapshotId)
      }
      expect(yield* store.pruneSnapshots(2)).toBe(2)
      const present = yield* Effect.forEach(ids, (id) => Effect.map(store.loadSnapshot(id), Option.isSome))
      expect(present).toEqual([false, false, true, true])
      expect((yield* store.listRuns(10)).length).toBe(4)
      // The pruned snapshots' history rows go with them; a failed read's rows, orphaned, go too.
      const orphan = yield* store.stageHistoryRows("2026-11-05T00:00:00Z")
      yield* store.finishHistory(orphan)
      yield* store.pruneSnapshots(2)
      const count = (table: string) => {
        const row = store.db.$client.prepare(`select count(*) as n from ${table}`).get()
        return typeof row === "object" && row !== null && "n" in row ? row.n : null
      }
      expect([count("history_loads"), count("history_rows")]).toEqual([2, 2 * (2 + 1)])
    }).pipe(Effect.provide(Store.layerMemory))
  )
})
