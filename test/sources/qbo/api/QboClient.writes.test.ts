import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { QboCustomerId, QboInvoiceId } from "../../../../pipeline/domain/Ids.ts"
import { QboClient } from "../../../../sources/qbo/api/QboClient.ts"
import { QboFault } from "../../../../sources/qbo/api/QboRequestErrors.ts"
import { QboBatchItem } from "../../../../sources/qbo/api/QboWrites.ts"
import type { QboServer } from "../../../servers/qbo/QboServer.ts"
import { localQbo, localQboLayer } from "./localQbo.ts"
import { rawCustomer, rawInvoice } from "./rawEntities.ts"

const customer = QboCustomerId.make
const invoice = QboInvoiceId.make

/** Two customers with one open invoice each, a paid invoice whose payment is deposited, and an old invoice. */
const company = () =>
  localQbo({
    customers: [
      rawCustomer({ id: "1", name: "John Doe", balance: 100 }),
      rawCustomer({ id: "2", name: "John Doe 2", balance: 100 }),
      rawCustomer({ id: "3", name: "Gone Away", active: false }),
      rawCustomer({ id: "4", name: "Paid Up", balance: 0 })
    ],
    invoices: [
      rawInvoice({ id: "10", customerId: "1", balance: 100 }),
      rawInvoice({ id: "11", customerId: "2", balance: 100 }),
      rawInvoice({ id: "12", customerId: "4", balance: 0, paymentId: "90" }),
      rawInvoice({ id: "13", customerId: "4", balance: 0, txnDate: "2023-12-15" })
    ],
    depositedPaymentIds: ["90"],
    closingDate: "2023-12-31",
    limits: "off"
  })

const withClient = <A, E>(server: QboServer, use: (client: QboClient) => Effect.Effect<A, E>) =>
  Effect.flatMap(QboClient, use).pipe(Effect.provide(localQboLayer(server)))

const moveInvoice = (client: QboClient, id: string, to: string, syncToken: string, requestId: string) =>
  client.sparseUpdateInvoice({ id: invoice(id), syncToken, fields: { CustomerRef: { value: customer(to) } }, requestId })

const faultOf = (error: unknown): QboFault => {
  if (error instanceof QboFault) return error
  throw new Error(`expected a QboFault, got ${String(error)}`)
}

describe("QboClient writes", () => {
  it.scopedLive("moves an invoice with a sparse update that carries only CustomerRef, and the balance moves with it", () =>
    Effect.gen(function* () {
      const server = yield* company()
      const updated = yield* withClient(server, (client) => moveInvoice(client, "11", "1", "0", "move-11-a"))
      expect(updated).toMatchObject({ Id: "11", SyncToken: "1", CustomerRef: { value: "1", name: "John Doe" } })
      expect(server.log).toHaveLength(1)
      expect(server.log[0]).toMatchObject({ entity: "Invoice", id: "11", requestId: "move-11-a", via: "single" })
      expect(server.log[0]?.fields).toEqual(["CustomerRef", "Id", "SyncToken", "sparse"])
      expect(server.state.invoices.get("11")?.["Line"]).toHaveLength(2)
      expect(server.state.customers.get("1")?.["Balance"]).toBe(200)
      expect(server.state.customers.get("2")?.["Balance"]).toBe(0)
    })
  )

  it.scopedLive("an old SyncToken fails as a stale-object fault that says to re-read", () =>
    Effect.gen(function* () {
      const server = yield* company()
      const error = yield* withClient(server, (client) =>
        Effect.zipRight(moveInvoice(client, "11", "1", "0", "move-11-a"), moveInvoice(client, "11", "2", "0", "move-11-b"))
      ).pipe(Effect.flip)
      const fault = faultOf(error)
      expect(fault).toMatchObject({ kind: "staleObject", code: "5010", status: 400, requestId: "move-11-b" })
      expect(fault.message).toContain("update Invoice 11")
      expect(fault.message).toContain("re-read")
      expect(server.log).toHaveLength(1)
    })
  )

  const refusals: ReadonlyArray<{
    readonly name: string
    readonly run: (client: QboClient) => Effect.Effect<unknown, { readonly _tag: string }>
    readonly kind: QboFault["kind"]
    readonly code: string
  }> = [
    {
      name: "moving an invoice whose payment is deposited",
      run: (client) => moveInvoice(client, "12", "1", "0", "r-12"),
      kind: "depositedTransaction",
      code: "6540"
    },
    {
      name: "changing an invoice dated in the closed period",
      run: (client) => moveInvoice(client, "13", "1", "0", "r-13"),
      kind: "closedPeriod",
      code: "6210"
    },
    {
      name: "moving an invoice to an inactive customer",
      run: (client) => moveInvoice(client, "10", "3", "0", "r-10a"),
      kind: "objectNotFound",
      code: "610"
    },
    {
      name: "moving an invoice to a customer that does not exist",
      run: (client) => moveInvoice(client, "10", "999", "0", "r-10b"),
      kind: "invalidReference",
      code: "2500"
    },
    {
      name: "inactivating a customer with an open balance",
      run: (client) => client.sparseUpdateCustomer({ id: customer("2"), syncToken: "0", fields: { Active: false }, requestId: "r-c2" }),
      kind: "hasBalance",
      code: "6000"
    },
    {
      name: "renaming a customer to another customer's display name",
      run: (client) =>
        client.sparseUpdateCustomer({ id: customer("2"), syncToken: "0", fields: { DisplayName: "john doe" }, requestId: "r-c2n" }),
      kind: "duplicateName",
      code: "6240"
    }
  ]

  for (const refusal of refusals) {
    it.scopedLive(`QBO refuses ${refusal.name} with a ${refusal.code} fault and nothing changes`, () =>
      Effect.gen(function* () {
        const server = yield* company()
        const before = JSON.stringify([...server.state.invoices.values(), ...server.state.customers.values()])
        const error = yield* withClient(server, refusal.run).pipe(Effect.flip)
        expect(faultOf(error)).toMatchObject({ kind: refusal.kind, code: refusal.code })
        expect(server.log).toHaveLength(0)
        expect(JSON.stringify([...server.state.invoices.values(), ...server.state.customers.values()])).toBe(before)
      })
    )
  }

  it.scopedLive("inactivates a customer once its invoices are moved away; QBO marks the name (deleted)", () =>
    Effect.gen(function* () {
      const server = yield* company()
      const inactive = yield* withClient(server, (client) =>
        Effect.zipRight(
          moveInvoice(client, "11", "1", "0", "m-11"),
          client.sparseUpdateCustomer({ id: customer("2"), syncToken: "0", fields: { Active: false }, requestId: "i-2" })
        )
      )
      expect(inactive).toMatchObject({ Id: "2", Active: false, DisplayName: "John Doe 2 (deleted)", SyncToken: "1", Balance: 0 })
    })
  )

  it.scopedLive("a write whose answer was lost is resent with the same requestid and applied once", () =>
    Effect.gen(function* () {
      const server = yield* company()
      server.inject({ kind: "drop", phase: "afterExecute", match: { operation: "update" } })
      const updated = yield* withClient(server, (client) => moveInvoice(client, "11", "1", "0", "move-11-once"))
      expect(updated).toMatchObject({ Id: "11", SyncToken: "1" })
      expect(server.stats.byOperation.update).toBe(2)
      expect(server.log.map((entry) => entry.requestId)).toEqual(["move-11-once"])
      expect(server.state.customers.get("1")?.["Balance"]).toBe(200)
    })
  )

  it.scopedLive("a rerun of the same change with the same requestid gets the first answer and writes nothing", () =>
    Effect.gen(function* () {
      const server = yield* company()
      const [first, second] = yield* withClient(server, (client) =>
        Effect.all([moveInvoice(client, "11", "1", "0", "plan-7-step-3"), moveInvoice(client, "11", "1", "0", "plan-7-step-3")])
      )
      expect(second).toEqual(first)
      expect(server.log).toHaveLength(1)
    })
  )

  it.scopedLive("a batch answers each item: updates, per-item faults and queries", () =>
    Effect.gen(function* () {
      const server = yield* company()
      const results = yield* withClient(server, (client) =>
        client.batch(
          [
            QboBatchItem.UpdateInvoice({ bId: "b1", id: invoice("11"), syncToken: "0", fields: { CustomerRef: { value: customer("1") } } }),
            QboBatchItem.UpdateInvoice({ bId: "b2", id: invoice("10"), syncToken: "7", fields: { PrivateNote: "x" } }),
            QboBatchItem.UpdateCustomer({ bId: "b3", id: customer("4"), syncToken: "0", fields: { DisplayName: "John Doe" } }),
            QboBatchItem.Query({ bId: "b4", query: "SELECT * FROM Invoice WHERE CustomerRef = '4'" })
          ],
          "batch-1"
        )
      )
      expect(results.map((result) => result._tag)).toEqual(["Updated", "Failed", "Failed", "Queried"])
      const [moved, stale, duplicate, queried] = results
      expect(moved?._tag === "Updated" && moved.entity).toMatchObject({ Id: "11", SyncToken: "1" })
      expect(stale?._tag === "Failed" && stale.error).toMatchObject({ _tag: "QboFault", kind: "staleObject", status: 200 })
      expect(duplicate?._tag === "Failed" && duplicate.error).toMatchObject({ _tag: "QboFault", kind: "duplicateName" })
      expect(queried?._tag === "Queried" && queried.rows.length).toBe(2)
      expect(server.log).toMatchObject([{ entity: "Invoice", id: "11", via: "batch", bId: "b1", requestId: "batch-1" }])
    })
  )

  it.scopedLive("refuses a batch of 31 items without sending it", () =>
    Effect.gen(function* () {
      const server = yield* company()
      const items = Array.from({ length: 31 }, (_, i) => QboBatchItem.Query({ bId: `q${i}`, query: "SELECT * FROM Customer" }))
      const error = yield* withClient(server, (client) => client.batch(items, "too-big")).pipe(Effect.flip)
      expect(error._tag).toBe("QboInvalidRequest")
      expect(error.message).toContain("at most 30")
      expect(server.stats.requests).toBe(0)
    })
  )

  it.scopedLive("reads one customer and one invoice by id", () =>
    Effect.gen(function* () {
      const server = yield* company()
      const [c, i, missing] = yield* withClient(server, (client) =>
        Effect.all([client.readCustomer(customer("3")), client.readInvoice(invoice("12")), Effect.flip(client.readCustomer(customer("77")))])
      )
      expect(c).toMatchObject({ Id: "3", Active: false, DisplayName: "Gone Away (deleted)" })
      expect(i).toMatchObject({ Id: "12", LinkedTxn: [{ TxnId: "90", TxnType: "Payment" }] })
      expect(missing).toMatchObject({ _tag: "QboFault", kind: "objectNotFound", code: "610" })
    })
  )
})
