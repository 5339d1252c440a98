import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { buildCases, buildCasesFromIndex } from "../../../pipeline/cases/buildCases.ts"
import { indexRecords } from "../../../pipeline/cases/RecordIndex.ts"
import { SnapshotId } from "../../../pipeline/domain/Ids.ts"
import { Store } from "../../../sinks/store/Store.ts"
import { SnapshotBuilder } from "../../pipeline/cases/snapshotBuilder.ts"

describe("planning from history kept in the store", () => {
  it.effect("plans the same cases, moves in the same order, as from the history in arrays", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const builder = new SnapshotBuilder().articlePair(3)
      // Ordinary customers around the case, each with history of its own interleaved with the case's.
      for (let i = 0; i < 50; i++) builder.pomCustomer(`bg${i}`, { link: `${9000 + i}`, history: 4 }).qboCustomer(`${9000 + i}`, { invoices: 3 })
      builder
        .pomCustomer("dup1", { link: "77", history: 5, createdAt: "2019-01-01" })
        .pomCustomer("dup2", { link: "77", history: 3 })
        .qboCustomer("77", { invoices: 2 })
        .match("pom:dup1", "pom:dup2", 0.99999)
      const snapshot = builder.build()
      const matches = builder.matches
      const settings = { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.999, booksClosedThrough: null }

      const id = yield* store.saveSnapshotRecords(snapshot, "2026-11-01T00:00:00Z")
      const opened = yield* store.openSnapshot(id)
      if (Option.isNone(opened)) return expect.unreachable("the snapshot was just saved")
      const fromStore = buildCasesFromIndex(indexRecords(opened.value, opened.value.history), matches, settings)
      expect(fromStore.length).toBeGreaterThanOrEqual(2)
      expect(fromStore).toEqual(buildCases(snapshot, matches, settings))
    }).pipe(Effect.provide(Store.layerMemory))
  )
})
