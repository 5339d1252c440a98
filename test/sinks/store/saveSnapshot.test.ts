import { describe, expect, it } from "@effect/vitest"
import { Effect, Option, Schema } from "effect"
import { gunzipSync, gzipSync } from "node:zlib"
import { QboCustomerId, SnapshotId } from "../../../pipeline/domain/Ids.ts"
import { Snapshot, SnapshotHeads } from "../../../pipeline/domain/Snapshot.ts"
import { Store } from "../../../sinks/store/Store.ts"
import { SnapshotBuilder } from "../../pipeline/cases/snapshotBuilder.ts"
import { schemaJsonPieces } from "../../../sinks/store/schemaJson.ts"

/** A snapshot whose text runs to a few megabytes, so that it is hashed and compressed in several pieces. */
const largeSnapshot = (): Snapshot => {
  const builder = new SnapshotBuilder()
  for (let i = 0; i < 4000; i++) builder.pomCustomer(`p${i}`, { link: `${i}`, history: 3, street: `${i} Peña Ct` })
  for (let i = 0; i < 4000; i++) builder.qboCustomer(`${i}`, { invoices: 2, paid: i % 2 === 0 })
  return builder.build()
}

const count = (store: Store["Type"], sql: string): number => {
  const row = store.db.$client.prepare(sql).get()
  return typeof row === "object" && row !== null && "n" in row && typeof row.n === "number" ? row.n : -1
}

/** History records in the store: a stored row holds a list of one customer's records. */
const historyRows = (store: Store["Type"]): number => count(store, "select sum(json_array_length(body)) as n from history_rows")

describe("Store.saveSnapshot", () => {
  it.effect("reads a large snapshot back unchanged, history in the order it was read", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const snapshot = largeSnapshot()
      const text = JSON.stringify(Schema.encodeSync(Snapshot)(snapshot))
      expect(text.length).toBeGreaterThan(3 * (1 << 20))
      const id = yield* store.saveSnapshotRecords(snapshot, "2026-11-01T00:00:00Z")
      const back = yield* store.loadSnapshot(id)
      expect(Option.map(back, (s) => JSON.stringify(Schema.encodeSync(Snapshot)(s)))).toEqual(Option.some(text))
    }).pipe(Effect.provide(Store.layerMemory))
  )

  it.effect("names a snapshot by its content: the same data saved twice is one snapshot, its history stored once", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const snapshot = largeSnapshot()
      const rows = snapshot.pom.appointments.length + snapshot.pom.services.length + snapshot.qbo.invoices.length
      const first = yield* store.saveSnapshotRecords(snapshot, "2026-11-01T00:00:00Z")
      const again = yield* store.saveSnapshotRecords(snapshot, "2026-11-02T00:00:00Z")
      expect(again).toBe(first)
      expect(historyRows(store)).toBe(rows)

      const [invoice, ...rest] = snapshot.qbo.invoices
      if (invoice === undefined) return expect.unreachable("the snapshot has invoices")
      const changed: Snapshot = { ...snapshot, qbo: { ...snapshot.qbo, invoices: [{ ...invoice, balance: invoice.balance + 1 }, ...rest] } }
      expect(yield* store.saveSnapshotRecords(changed, "2026-11-03T00:00:00Z")).not.toBe(first)
      expect(historyRows(store)).toBe(2 * rows)
    }).pipe(Effect.provide(Store.layerMemory))
  )

  it.effect("opens a snapshot with each customer's history read from the store as it is asked for", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const snapshot = largeSnapshot()
      const id = yield* store.saveSnapshotRecords(snapshot, "2026-11-01T00:00:00Z")
      const opened = yield* store.openSnapshot(id)
      if (Option.isNone(opened)) return expect.unreachable("the snapshot was just saved")
      const customer = snapshot.pom.customers[17]
      const payer = snapshot.qbo.customers[3999]
      if (customer === undefined || payer === undefined) return expect.unreachable("the snapshot has these customers")
      expect(opened.value.pom.customers).toEqual(snapshot.pom.customers)
      expect(opened.value.history.appointmentsOf(customer.id)).toEqual(snapshot.pom.appointments.filter((a) => a.customerId === customer.id))
      expect(opened.value.history.servicesOf(customer.id)).toEqual(snapshot.pom.services.filter((s) => s.customerId === customer.id))
      expect(opened.value.history.invoicesOf(payer.id)).toEqual(snapshot.qbo.invoices.filter((i) => i.customerId === payer.id))
      expect(opened.value.history.invoicesOf(QboCustomerId.make("nobody"))).toEqual([])
    }).pipe(Effect.provide(Store.layerMemory))
  )

  it.effect("deletes the rows of a read that failed, and keeps those a snapshot points at", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const snapshot = largeSnapshot()
      const saved = yield* store.saveSnapshotRecords(snapshot, "2026-11-01T00:00:00Z")
      const stage = yield* store.stageHistoryRows("2026-11-02T00:00:00Z")
      for (const a of snapshot.pom.appointments) stage.sink.appointment(a)
      yield* store.discardHistory(stage)
      const rows = snapshot.pom.appointments.length + snapshot.pom.services.length + snapshot.qbo.invoices.length
      expect(historyRows(store)).toBe(rows)
      expect(Option.isSome(yield* store.loadSnapshot(saved))).toBe(true)
    }).pipe(Effect.provide(Store.layerMemory))
  )

  it.effect("gives history back in the order read when it arrives spread over the customers, as a company's does", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const built = largeSnapshot()
      // Each customer's visits in date order, all customers' interleaved: the first visit of every customer, then the second.
      const byTurn = <A extends { readonly customerId: string }>(rows: ReadonlyArray<A>): Array<A> => {
        const turn = new Map<string, number>()
        const numbered = rows.map((row, i) => {
          const t = turn.get(row.customerId) ?? 0
          turn.set(row.customerId, t + 1)
          return { row, t, i }
        })
        return numbered.sort((a, b) => a.t - b.t || a.i - b.i).map((n) => n.row)
      }
      const snapshot: Snapshot = {
        ...built,
        pom: { ...built.pom, appointments: byTurn(built.pom.appointments), services: byTurn(built.pom.services) },
        qbo: { ...built.qbo, invoices: byTurn(built.qbo.invoices) }
      }
      expect(snapshot.pom.appointments[1]?.customerId).not.toBe(snapshot.pom.appointments[0]?.customerId)
      const id = yield* store.saveSnapshotRecords(snapshot, "2026-11-01T00:00:00Z")
      const back = yield* store.loadSnapshot(id)
      expect(Option.map(back, (s) => [s.pom.appointments, s.pom.services, s.qbo.invoices])).toEqual(
        Option.some([snapshot.pom.appointments, snapshot.pom.services, snapshot.qbo.invoices])
      )
      const opened = yield* store.openSnapshot(id)
      const customer = snapshot.pom.appointments[0]?.customerId
      if (Option.isNone(opened) || customer === undefined) return expect.unreachable("the snapshot was saved")
      expect(opened.value.history.appointmentsOf(customer)).toEqual(snapshot.pom.appointments.filter((a) => a.customerId === customer))
    }).pipe(Effect.provide(Store.layerMemory))
  )

  it.effect("reads history an earlier version stored one record per row", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const snapshot = largeSnapshot()
      const id = yield* store.saveSnapshotRecords(snapshot, "2026-11-01T00:00:00Z")
      const client = store.db.$client
      const loadRow = client.prepare("select history_load as load from snapshots where id = ?").get(id)
      const load = typeof loadRow === "object" && loadRow !== null && "load" in loadRow ? loadRow.load : null
      client.prepare("delete from history_rows where load = ?").run(load)
      const insert = client.prepare("insert into history_rows (load, kind, customer_id, body) values (?, ?, ?, ?)")
      for (const a of snapshot.pom.appointments) insert.run(load, "appointment", a.customerId, JSON.stringify(a))
      for (const s of snapshot.pom.services) insert.run(load, "service", s.customerId, JSON.stringify(s))
      for (const i of snapshot.qbo.invoices) insert.run(load, "invoice", i.customerId, JSON.stringify(i))
      const back = yield* store.loadSnapshot(id)
      expect(Option.map(back, (s) => [s.pom.appointments, s.pom.services, s.qbo.invoices])).toEqual(
        Option.some([snapshot.pom.appointments, snapshot.pom.services, snapshot.qbo.invoices])
      )
      const opened = yield* store.openSnapshot(id)
      const payer = snapshot.qbo.invoices[0]?.customerId
      if (Option.isNone(opened) || payer === undefined) return expect.unreachable("the snapshot was saved")
      expect(opened.value.history.invoicesOf(payer)).toEqual(snapshot.qbo.invoices.filter((i) => i.customerId === payer))
    }).pipe(Effect.provide(Store.layerMemory))
  )

  it.effect("keeps unreadable records, and reads a snapshot stored before they were kept as having none", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const snapshot = new SnapshotBuilder()
        .pomCustomer("a", { link: "1" })
        .unreadable("qbo", "invoice", "77", { customerId: "1", file: "invoices.json", line: 3 })
        .build()
      // Still written as plain JSON, in pieces, without going through the encoder.
      expect([...schemaJsonPieces(Snapshot)(snapshot)].length).toBeGreaterThan(1)
      const id = yield* store.saveSnapshotRecords(snapshot, "2026-11-01T00:00:00Z")
      expect(Option.map(yield* store.loadSnapshot(id), (s) => s.unreadable)).toEqual(Option.some(snapshot.unreadable))

      const { unreadable: _, ...old } = Schema.encodeSync(Snapshot)(snapshot)
      store.db.$client
        .prepare("insert into snapshots (id, created_at, source, counts, data) values (?, ?, ?, ?, ?)")
        .run("Sold", "2025-01-01T00:00:00Z", "{}", "{}", gzipSync(JSON.stringify(old)))
      const back = yield* store.loadSnapshot(SnapshotId.make("Sold"))
      expect(Option.map(back, (s) => [s.unreadable, s.pom.customers.length])).toEqual(Option.some([[], 1]))
    }).pipe(Effect.provide(Store.layerMemory))
  )

  it.effect("stores customers as gzip JSON and history as each customer's records together, without field names or customer ids", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const snapshot = largeSnapshot()
      const id = yield* store.saveSnapshotRecords(snapshot, "2026-11-01T00:00:00Z")
      const row = store.db.$client.prepare("select data from snapshots where id = ?").get(id)
      const data = typeof row === "object" && row !== null && "data" in row && row.data instanceof Uint8Array ? row.data : new Uint8Array()
      const { source, pom, qbo, unreadable } = snapshot
      expect(gunzipSync(data).toString("utf8")).toBe(
        JSON.stringify(Schema.encodeSync(SnapshotHeads)({ source, pom: { customers: pom.customers }, qbo: { customers: qbo.customers }, unreadable }))
      )
      expect(historyRows(store)).toBe(pom.appointments.length + pom.services.length + qbo.invoices.length)
      // 4,000 customers of each side, each with its appointments, services or invoices in one stored row.
      expect(count(store, "select count(*) as n from history_rows")).toBe(3 * 4000)
      expect(count(store, "select count(*) as n from history_rows where body like '%customerId%' or body like '%\"p1\"%'")).toBe(0)
    }).pipe(Effect.provide(Store.layerMemory))
  )
})
