import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { PomAppointmentId, PomCustomerId, PomServiceId } from "../../../pipeline/domain/Ids.ts"
import type { HistorySink } from "../../../pipeline/domain/History.ts"
import { type EncodedHistory, historyEncoder } from "../../../sinks/store/historyGroups.ts"
import type { HistoryStage } from "../../../sinks/store/stageHistory.ts"
import { Store } from "../../../sinks/store/Store.ts"

const ROWS = 30_000

/** A company's visits as they arrive: in date order, spread over every customer. */
const feed = (sink: HistorySink): void => {
  const customers = 977
  for (let i = 0; i < ROWS; i++) {
    const customerId = PomCustomerId.make(`c${(i * 7919) % customers}`)
    sink.appointment({ id: PomAppointmentId.make(`a${i}`), customerId, scheduledAt: i % 13 === 0 ? null : "2024-04-02T09:00:00.000Z", status: "Completed" })
    if (i % 3 === 0) sink.service({ id: PomServiceId.make(`s${i}`), customerId, appointmentId: i % 5 === 0 ? null : PomAppointmentId.make(`a${i}`), completedAt: "2024-04-02" })
  }
}

/** Rows fed into a fresh store by `write`, and what the store then holds. */
const storedBy = (write: (stage: HistoryStage) => void) =>
  Effect.gen(function* () {
    const store = yield* Store
    const stage = yield* store.stageHistoryRows("2026-12-01T00:00:00Z")
    write(stage)
    const history = yield* store.finishHistory(stage)
    const rows = store.db.$client.prepare("SELECT kind, customer_id, body FROM history_rows WHERE load = ? ORDER BY rowid").all(history.storeKey)
    return { rows, counts: history.counts, digest: history.digest }
  }).pipe(Effect.provide(Store.layerMemory))

describe("stageHistory", () => {
  it.effect("stores rows encoded on another thread, batch after batch, exactly as rows given to its own sink", () =>
    Effect.gen(function* () {
      const own = yield* storedBy((stage) => feed(stage.sink))
      const batches: Array<EncodedHistory> = []
      const elsewhere = historyEncoder((batch) => batches.push(batch), 4096)
      feed(elsewhere.sink)
      elsewhere.flush()
      expect(batches.length).toBeGreaterThan(ROWS / 4096)
      // Kinds are independent: a reader may finish one kind before the other's rows come.
      const servicesFirst = [...batches.filter((b) => b.kind === "service"), ...batches.filter((b) => b.kind === "appointment")]
      const encoded = yield* storedBy((stage) => {
        for (const batch of servicesFirst) stage.storeEncoded(batch)
        stage.kindDone("service")
      })
      expect(encoded.counts).toEqual({ appointments: ROWS, services: ROWS / 3, invoices: 0 })
      // Stored in another order, so the rows are compared by their content, as the index's key reads them.
      const byKey = (rows: ReadonlyArray<unknown>) => [...rows].map((r) => JSON.stringify(r)).sort()
      expect(byKey(encoded.rows)).toEqual(byKey(own.rows))
      expect(encoded.counts).toEqual(own.counts)
      expect(encoded.digest).toBe(own.digest)
    })
  )

  it.effect("refuses a kind's batch that does not follow the rows already stored, and keeps none of the load", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const stage = yield* store.stageHistoryRows("2026-12-01T00:00:00Z")
      stage.storeEncoded({ kind: "service", firstSeq: 0, customerIds: ["c1", "c1"], rows: ['[0,"s1",null,null]', '[1,"s2",null,null]'] })
      stage.storeEncoded({ kind: "service", firstSeq: 5, customerIds: ["c2"], rows: ['[5,"s6",null,null]'] })
      stage.kindDone("service")
      const error = yield* Effect.flip(store.finishHistory(stage))
      expect(error._tag).toBe("StoreError")
      expect(String(error.cause)).toContain("service rows from place 5 came after 2 rows of their kind")
      expect(store.db.$client.prepare("SELECT count(*) AS n FROM history_rows").get()).toEqual({ n: 0 })
    }).pipe(Effect.provide(Store.layerMemory))
  )
})
