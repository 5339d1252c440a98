import { describe, expect, it } from "@effect/vitest"
import { Effect, Option, Schema } from "effect"
import { createHash } from "node:crypto"
import { gunzipSync, gzipSync } from "node:zlib"
import { SnapshotId } from "../../../pipeline/domain/Ids.ts"
import { Snapshot } from "../../../pipeline/domain/Snapshot.ts"
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

describe("Store.saveSnapshot", () => {
  it.effect("names a large snapshot by the hash of its JSON text and reads it back unchanged", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const snapshot = largeSnapshot()
      const text = JSON.stringify(Schema.encodeSync(Snapshot)(snapshot))
      expect(text.length).toBeGreaterThan(3 * (1 << 20))
      const id = yield* store.saveSnapshot(snapshot, "2026-11-01T00:00:00Z")
      expect(id).toBe(`S${createHash("sha256").update(text).digest("hex").slice(0, 16)}`)
      const back = yield* store.loadSnapshot(id)
      expect(Option.map(back, (s) => JSON.stringify(Schema.encodeSync(Snapshot)(s)))).toEqual(Option.some(text))
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
      const id = yield* store.saveSnapshot(snapshot, "2026-11-01T00:00:00Z")
      expect(Option.map(yield* store.loadSnapshot(id), (s) => s.unreadable)).toEqual(Option.some(snapshot.unreadable))

      const { unreadable: _, ...old } = Schema.encodeSync(Snapshot)(snapshot)
      store.db.$client
        .prepare("insert into snapshots (id, created_at, source, counts, data) values (?, ?, ?, ?, ?)")
        .run("Sold", "2025-01-01T00:00:00Z", "{}", "{}", gzipSync(JSON.stringify(old)))
      const back = yield* store.loadSnapshot(SnapshotId.make("Sold"))
      expect(Option.map(back, (s) => [s.unreadable, s.pom.customers.length])).toEqual(Option.some([[], 1]))
    }).pipe(Effect.provide(Store.layerMemory))
  )

  it.effect("stores the snapshot's text as gzip, read back whole by one gunzip", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const snapshot = largeSnapshot()
      const id = yield* store.saveSnapshot(snapshot, "2026-11-01T00:00:00Z")
      const row = store.db.$client.prepare("select data from snapshots where id = ?").get(id)
      const data = typeof row === "object" && row !== null && "data" in row && row.data instanceof Uint8Array ? row.data : new Uint8Array()
      expect(gunzipSync(data).toString("utf8")).toBe(JSON.stringify(Schema.encodeSync(Snapshot)(snapshot)))
    }).pipe(Effect.provide(Store.layerMemory))
  )
})
