import { FileSystem } from "@effect/platform"
import { NodeFileSystem } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as path from "node:path"
import { readQboSnapshot } from "../../../../sources/qbo/files/readQboSnapshot.ts"
import { fixturePath, tempFolderWith } from "../../csv/tempFiles.ts"

const customer = (id: string, name = `Customer ${id}`) => ({ Id: id, SyncToken: "0", DisplayName: name, Active: true })
const invoice = (id: string, customerId: string) => ({
  Id: id,
  SyncToken: "0",
  CustomerRef: { value: customerId },
  TotalAmt: 50,
  Balance: 50
})
const page = (entity: string, items: ReadonlyArray<unknown>) => ({ QueryResponse: { [entity]: items, startPosition: 1 } })
const json = (value: unknown) => JSON.stringify(value, null, 2)

const snapshotOf = (customers: string, invoices: string) =>
  tempFolderWith({ "customers.json": customers, "invoices.json": invoices }).pipe(
    Effect.orDie,
    Effect.flatMap(readQboSnapshot)
  )

describe("readQboSnapshot", () => {
  it.scoped("reads plain JSON lists of entities", () =>
    Effect.gen(function* () {
      const snapshot = yield* snapshotOf(json([customer("1"), customer("2")]), json([invoice("10", "1")]))
      expect(snapshot.customers.map((c) => c.id)).toEqual(["1", "2"])
      expect(snapshot.invoices.map((i) => [i.id, i.customerId])).toEqual([["10", "1"]])
      expect(snapshot.rowsRead).toEqual({ customers: 2, invoices: 1 })
      expect(snapshot.rejected).toEqual([])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("reads a single query response page and an empty page", () =>
    Effect.gen(function* () {
      const snapshot = yield* snapshotOf(json(page("Customer", [customer("1")])), json({ QueryResponse: {}, time: "x" }))
      expect(snapshot.customers.map((c) => c.id)).toEqual(["1"])
      expect(snapshot.invoices).toEqual([])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("reads a list of pages and a batch response of query results", () =>
    Effect.gen(function* () {
      const pages = [page("Customer", [customer("1")]), { QueryResponse: {} }, page("Customer", [customer("2"), customer("3")])]
      const batch = {
        BatchItemResponse: [
          { bId: "b1", QueryResponse: { Invoice: [invoice("10", "1")] } },
          { bId: "b2", QueryResponse: {} },
          { bId: "b3", QueryResponse: { Invoice: [invoice("11", "3")] } }
        ]
      }
      const snapshot = yield* snapshotOf(json(pages), json(batch))
      expect(snapshot.customers.map((c) => c.id)).toEqual(["1", "2", "3"])
      expect(snapshot.invoices.map((i) => i.id)).toEqual(["10", "11"])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("reads a snapshot saved page by page, with sub-customers, free-form and deleted-suffixed customers", () =>
    Effect.gen(function* () {
      const snapshot = yield* readQboSnapshot(fixturePath("qbo-files", "snapshot-pages"))
      expect(snapshot.rejected).toEqual([])
      expect(snapshot.rowsRead).toEqual({ customers: 3, invoices: 2 })
      const [john, deleted, sub] = snapshot.customers
      expect(john?.emails).toEqual(["john.doe@example.com", "billing@doe.example"])
      expect(john?.createdAt).toBe("2021-03-14T13:00:00Z")
      expect([deleted?.displayName, deleted?.active]).toEqual(["John Doe", false])
      expect(sub).toMatchObject({
        isJob: true,
        parentId: "4099",
        billAddress: { street: "40 Oak Ave", city: "Dublin", state: "OH", zip: "43017" }
      })
      expect(snapshot.invoices[0]?.linkedTxns).toEqual([{ txnId: "166", txnType: "Payment" }])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("rejects a repeated Id and an undecodable entity by position, reading the rest", () =>
    Effect.gen(function* () {
      const pages = [page("Customer", [customer("1"), customer("2")]), page("Customer", [customer("2", "Again"), { Id: "4" }])]
      const snapshot = yield* snapshotOf(json(pages), json([invoice("10", "1"), { ...invoice("11", "1"), TotalAmt: "lots" }]))
      expect(snapshot.customers.map((c) => [c.id, c.displayName])).toEqual([
        ["1", "Customer 1"],
        ["2", "Customer 2"]
      ])
      expect(snapshot.rowsRead).toEqual({ customers: 4, invoices: 2 })
      expect(snapshot.rejected.map((r) => [r.file, r.line, r.field])).toEqual([
        ["customers.json", 3, "Id"],
        ["customers.json", 4, "SyncToken"],
        ["invoices.json", 2, "TotalAmt"]
      ])
      expect(snapshot.rejected[0]?.reason).toContain("already appears at position 2")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails on invalid JSON, naming the file, line and column", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({
        "customers.json": '[\n  {"Id": "1", "SyncToken": "0"},\n  {"Id": "2" "SyncToken": "0"}\n]\n',
        "invoices.json": "[]"
      })
      const error = yield* Effect.flip(readQboSnapshot(dir))
      expect(error._tag).toBe("QboSnapshotError")
      expect(error.file).toBe(path.join(dir, "customers.json"))
      expect([error.line, error.column]).toEqual([3, 14])
      expect(error.message).toContain("customers.json, line 3, column 14: the file is not valid JSON")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails on JSON cut short, pointing at its end", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(snapshotOf("[]", '{"QueryResponse": {"Invoice": [\n'))
      expect(error.file).toMatch(/invoices\.json$/)
      expect(error.line).toBe(2)
      expect(error.message).toContain("not valid JSON")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails when a file is missing, saying how to produce it", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({ "customers.json": "[]" })
      const error = yield* Effect.flip(readQboSnapshot(dir))
      expect(error.file).toBe(path.join(dir, "invoices.json"))
      expect(error.message).toContain("select * from Invoice")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails when a file cannot be read, saying so in one line rather than as a bug", () =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const dir = yield* tempFolderWith({ "customers.json": "[]" })
      yield* fs.makeDirectory(path.join(dir, "invoices.json"))
      const error = yield* Effect.flip(readQboSnapshot(dir))
      expect(error._tag).toBe("QboSnapshotError")
      expect(error.file).toBe(path.join(dir, "invoices.json"))
      expect(error.message).toContain("the file cannot be read")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails on a QBO error response, the wrong entity, or an unexpected shape", () =>
    Effect.gen(function* () {
      const fault = { Fault: { Error: [{ Message: "Stale Object Error", code: "5010" }], type: "ValidationFault" } }
      const faultError = yield* Effect.flip(snapshotOf(json(fault), "[]"))
      expect(faultError.message).toContain("QBO error response (5010: Stale Object Error)")
      const wrongEntity = yield* Effect.flip(snapshotOf("[]", json(page("Customer", [customer("1")]))))
      expect(wrongEntity.message).toContain("holds Customer entities, not Invoice")
      const batchFault = yield* Effect.flip(snapshotOf(json({ BatchItemResponse: [{ bId: "b1", ...fault }] }), "[]"))
      expect(batchFault.message).toContain("batch item 1 is a QBO error response")
      const odd = yield* Effect.flip(snapshotOf(json({ customers: [] }), "[]"))
      expect(odd.message).toContain("found an object with keys customers")
      const empty = yield* Effect.flip(snapshotOf("  \n", "[]"))
      expect(empty.message).toContain("the file is empty")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("refuses JSON nested deeper than any QBO response, naming the file, line and column", () =>
    Effect.gen(function* () {
      const deep = `[\n  ${"[".repeat(200)}${"]".repeat(200)}\n]`
      const error = yield* Effect.flip(snapshotOf("[]", deep))
      expect(error.file).toMatch(/invoices\.json$/)
      expect(error.line).toBe(2)
      expect(error.column).toBe(66)
      expect(error.message).toContain("nests more than 64 levels deep")
      // Brackets inside strings do not count, and ordinary QBO nesting is read.
      const bracketed = yield* snapshotOf(json([customer("1", "[".repeat(100))]), json([invoice("10", "1")]))
      expect(bracketed.customers[0]?.displayName).toBe("[".repeat(100))
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("names dropped invoices and customers whose Id can be read, and keeps a customer with a bad email", () =>
    Effect.gen(function* () {
      const snapshot = yield* snapshotOf(
        json([customer("1"), { ...customer("2"), Active: "yes" }, { ...customer("3"), PrimaryEmailAddr: { Address: 3 } }]),
        json([invoice("10", "1"), { ...invoice("11", "1"), TotalAmt: "50" }])
      )
      expect(snapshot.customers.map((c) => [c.id, c.emails])).toEqual([
        ["1", []],
        ["3", []]
      ])
      expect(snapshot.rejected.map((r) => [r.file, r.line, r.severity])).toEqual([
        ["customers.json", 2, "row"],
        ["customers.json", 3, "field"],
        ["invoices.json", 2, "row"]
      ])
      expect(snapshot.unreadable.map((u) => [u.kind, u.id, u.customerId, u.file, u.line])).toEqual([
        ["customer", "2", null, "customers.json", 2],
        ["invoice", "11", "1", "invoices.json", 2]
      ])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("reads a file saved with a UTF-8 byte order mark", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({
        "customers.json": new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json([customer("1", "Peña")]))]),
        "invoices.json": "[]"
      })
      const snapshot = yield* readQboSnapshot(dir)
      expect(snapshot.customers[0]?.displayName).toBe("Peña")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )
})
