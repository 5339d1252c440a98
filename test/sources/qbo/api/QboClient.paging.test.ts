import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { QboClient } from "../../../../sources/qbo/api/QboClient.ts"
import type { QboProgress } from "../../../../sources/qbo/api/QboProgress.ts"
import { pullQbo } from "../../../../sources/qbo/api/pullQbo.ts"
import { localQbo, localQboLayer } from "./localQbo.ts"
import { customers, invoices, rawCustomer } from "./rawEntities.ts"

const ids = (rows: ReadonlyArray<unknown>): Array<string> =>
  rows.map((row) => (typeof row === "object" && row !== null && "Id" in row ? String(row.Id) : "?"))

const pullCustomersFrom = (count: number, pageConcurrency: number) =>
  Effect.gen(function* () {
    const server = yield* localQbo({ customers: customers(count), invoices: [], limits: "off" })
    const rows = yield* Effect.flatMap(QboClient, (client) => client.pullCustomers).pipe(
      Effect.provide(localQboLayer(server, { client: { pageConcurrency } }))
    )
    return { rows, queries: server.stats.byOperation.query ?? 0 }
  })

describe("QboClient paging", () => {
  const edges: ReadonlyArray<{ readonly count: number; readonly expectedQueries: number }> = [
    { count: 0, expectedQueries: 1 },
    { count: 1, expectedQueries: 1 },
    { count: 1000, expectedQueries: 2 },
    { count: 1001, expectedQueries: 2 }
  ]
  for (const { count, expectedQueries } of edges) {
    it.scopedLive(`pulls ${count} customers in ${expectedQueries} page request(s) and stops on the short page`, () =>
      Effect.gen(function* () {
        const { rows, queries } = yield* pullCustomersFrom(count, 1)
        expect(rows).toHaveLength(count)
        expect(new Set(ids(rows)).size).toBe(count)
        expect(ids(rows).slice(0, 2)).toEqual(count === 0 ? [] : count === 1 ? ["1"] : ["1", "2"])
        expect(queries).toBe(expectedQueries)
      })
    )
  }

  it.scopedLive("hands each page's invoices on as the page is read, in Id order, each once, keeping none", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(10), invoices: invoices(250, 10), limits: "off", answerLatency: { minMillis: 0, maxMillis: 30 } })
      const seen: Array<string> = []
      const onProgress = (event: QboProgress) =>
        Effect.sync(() => {
          // Every row of a page is handed on by the time the page is reported.
          if (event._tag === "PageFetched") seen.push(`page at ${event.startPosition}: ${event.totalRecords}`)
        })
      const count = yield* Effect.flatMap(QboClient, (client) => client.streamInvoices((row) => void seen.push(ids([row])[0] ?? "?"))).pipe(
        Effect.provide(localQboLayer(server, { client: { pageSize: 100, pageConcurrency: 3, onProgress } }))
      )
      expect(count).toBe(250)
      expect(seen.filter((s) => !s.startsWith("page"))).toEqual(Array.from({ length: 250 }, (_, i) => String(i + 1)))
      expect(seen.filter((s) => s.startsWith("page"))).toEqual(["page at 1: 100", "page at 101: 200", "page at 201: 250"])
      expect(seen.indexOf("page at 1: 100")).toBe(100)
      expect(seen.indexOf("page at 101: 200")).toBe(201)
    })
  )

  it.scopedLive("pulls 2,500 customers with concurrent pages, in Id order, each once", () =>
    Effect.gen(function* () {
      const { rows, queries } = yield* pullCustomersFrom(2500, 4)
      expect(ids(rows)).toEqual(Array.from({ length: 2500 }, (_, i) => String(i + 1)))
      // The third page is short; of the pages asked for behind it, at most three (pageConcurrency - 1) are wasted.
      expect(queries).toBeGreaterThanOrEqual(3)
      expect(queries).toBeLessThanOrEqual(6)
    })
  )

  it.scopedLive("keeps Id order and each row once when pages answer out of order", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(2_345), invoices: [], limits: "off", answerLatency: { minMillis: 0, maxMillis: 80 } })
      const rows = yield* Effect.flatMap(QboClient, (client) => client.pullCustomers).pipe(
        Effect.provide(localQboLayer(server, { client: { pageSize: 100, pageConcurrency: 10 } }))
      )
      expect(ids(rows)).toEqual(Array.from({ length: 2_345 }, (_, i) => String(i + 1)))
      // 24 pages, the last one short; none asked for past it once it is in, so at most nine in vain.
      expect(server.stats.byOperation.query ?? 0).toBeLessThanOrEqual(24 + 9)
    })
  )

  it.scopedLive("includes inactive customers, which QBO leaves out of a plain SELECT", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({
        customers: [rawCustomer({ id: "1" }), rawCustomer({ id: "2", active: false }), rawCustomer({ id: "3" })],
        invoices: [],
        limits: "off"
      })
      const { all, plain } = yield* Effect.gen(function* () {
        const client = yield* QboClient
        return { all: yield* client.pullCustomers, plain: yield* client.query("SELECT * FROM Customer") }
      }).pipe(Effect.provide(localQboLayer(server)))
      expect(ids(all)).toEqual(["1", "2", "3"])
      expect(ids(plain)).toEqual(["1", "3"])
    })
  )

  it.scopedLive("sends minorversion=75 on every request and reports each page", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(1200), invoices: invoices(2100, 1200), limits: "off" })
      const events: Array<QboProgress> = []
      const pulled = yield* pullQbo.pipe(
        Effect.provide(localQboLayer(server, { client: { pageConcurrency: 1, onProgress: (event) => Effect.sync(() => events.push(event)) } }))
      )
      expect(pulled.customers).toHaveLength(1200)
      expect(pulled.invoices).toHaveLength(2100)
      expect([...server.stats.minorVersions]).toEqual(["75"])
      const pages = events.flatMap((event) => (event._tag === "PageFetched" ? [event] : []))
      expect(pages.map((page) => [page.entity, page.startPosition, page.records, page.totalRecords])).toEqual([
        ["Customer", 1, 1000, 1000],
        ["Customer", 1001, 200, 1200],
        ["Invoice", 1, 1000, 1000],
        ["Invoice", 1001, 1000, 2000],
        ["Invoice", 2001, 100, 2100]
      ])
    })
  )

  it.scopedLive("refuses a query that sets its own paging", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [], limits: "off" })
      const error = yield* Effect.flatMap(QboClient, (client) => client.query("SELECT * FROM Customer MAXRESULTS 5")).pipe(
        Effect.provide(localQboLayer(server)),
        Effect.flip
      )
      expect(error._tag).toBe("QboInvalidRequest")
      expect(server.stats.requests).toBe(0)
    })
  )
})
