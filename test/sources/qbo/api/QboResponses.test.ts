import { readFileSync } from "node:fs"
import { createServer } from "node:http"
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer, Option, Redacted } from "effect"
import { QboCustomerId, QboInvoiceId } from "../../../../pipeline/domain/Ids.ts"
import { QboAuth } from "../../../../sources/qbo/api/QboAuth.ts"
import { QboClient } from "../../../../sources/qbo/api/QboClient.ts"
import { QboClientSettings } from "../../../../sources/qbo/api/QboClientSettings.ts"
import { QboConfig } from "../../../../sources/qbo/api/QboConfig.ts"
import { faultFromText } from "../../../../sources/qbo/api/QboFaultBody.ts"
import { entityOf, interpretResponse, queryCount, queryRows } from "../../../../sources/qbo/api/QboResponses.ts"
import { QboBatchItem } from "../../../../sources/qbo/api/QboWrites.ts"
import { fastOptions } from "./localQbo.ts"

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")
const context = { operation: "test call", requestId: "req-1" }

const leftOf = <R, L>(either: Either.Either<R, L>): L =>
  Either.match(either, {
    onLeft: (left) => left,
    onRight: (right) => {
      throw new Error(`expected a failure, got ${JSON.stringify(right).slice(0, 200)}`)
    }
  })

const rightOf = <R, L>(either: Either.Either<R, L>): R =>
  Either.getOrElse(either, (left) => {
    throw new Error(`expected a success, got ${String(left)}`)
  })

describe("QBO answers recorded from real servers and Intuit's reference", () => {
  it("reads the recorded 5010 as a stale-object fault with QBO's detail", () => {
    const error = leftOf(interpretResponse(400, fixture("fault-stale-object-5010.recorded.json"), context))
    expect(error).toMatchObject({ _tag: "QboFault", kind: "staleObject", code: "5010", faultMessage: "Stale Object Error", faultType: "ValidationFault" })
    expect(error.message).toContain("Leo Nikkilä finished before you did")
  })

  it("reads the recorded 4000 as a query parse fault", () => {
    const error = leftOf(interpretResponse(400, fixture("fault-query-parse-4000.recorded.json"), context))
    expect(error).toMatchObject({ _tag: "QboFault", kind: "queryParse", code: "4000", faultMessage: "Error parsing query" })
  })

  it("reads the recorded XML 429 as a throttle to wait out, though JSON was asked for", () => {
    const body = fixture("fault-throttle-429.recorded.xml")
    expect(leftOf(interpretResponse(429, body, context))).toMatchObject({ _tag: "QboRetryable", reason: "throttled", status: 429 })
    expect(Option.getOrThrow(faultFromText(body))).toEqual({
      type: "SERVICE",
      errors: [
        {
          code: "3001",
          element: "",
          message: "message=ThrottleExceeded; errorCode=003001; statusCode=429",
          detail: "The request limit was reached.  Try again later"
        }
      ]
    })
  })

  it("treats the same throttle fault under an older 403 as a throttle, not a refused token", () => {
    expect(leftOf(interpretResponse(403, fixture("fault-throttle-429.recorded.xml"), context))).toMatchObject({ _tag: "QboRetryable", reason: "throttled" })
  })

  it("reads the recorded XML 6240 as a duplicate-name fault", () => {
    const error = leftOf(interpretResponse(400, fixture("fault-duplicate-name-6240.recorded.xml"), context))
    expect(error).toMatchObject({ _tag: "QboFault", kind: "duplicateName", code: "6240", faultMessage: "Duplicate Name Exists Error" })
  })

  it("reads Intuit's generic fault format, and a fault inside an HTTP 200", () => {
    const error = leftOf(interpretResponse(200, fixture("fault-generic-format.doc.json"), context))
    expect(error).toMatchObject({ _tag: "QboFault", kind: "other", code: "<code>", status: 200, requestId: "req-1" })
  })

  it("classifies Account Period Closed by its message even when QBO sends code 5010", () => {
    const body = JSON.stringify({ Fault: { Error: [{ Message: "Account Period Closed", Detail: "closed", code: "5010" }], type: "ValidationFault" } })
    expect(leftOf(interpretResponse(400, body, context))).toMatchObject({ kind: "closedPeriod", code: "5010" })
  })

  it("reads QBO's lower-case 401 body as a refused token", () => {
    const body = JSON.stringify({
      fault: { error: [{ message: "message=AuthenticationFailed; errorCode=003200; statusCode=401", detail: "Token expired", code: "3200", element: null }], type: "AUTHENTICATION" }
    })
    expect(leftOf(interpretResponse(401, body, context))).toMatchObject({ _tag: "QboRejected", status: 401 })
  })

  it("reads rows, counts and entities from the reference answers", () => {
    const customers = rightOf(queryRows(JSON.parse(fixture("customer-query-response.json")), "Customer", context))
    expect(customers.map((row) => JSON.stringify(row).includes("Amy's Bird Sanctuary"))).toEqual([true, false])
    expect(rightOf(queryRows(JSON.parse(fixture("invoice-query-response.json")), "Invoice", context))).toHaveLength(1)
    expect(rightOf(queryCount(JSON.parse(fixture("count-query-response.recorded.json")), context))).toBe(1)
    expect(rightOf(entityOf(JSON.parse(fixture("customer-read-response.json")), "Customer", context))).toMatchObject({ Id: "2", SyncToken: "0" })
    expect(rightOf(entityOf(JSON.parse(fixture("invoice-sparse-update-response.json")), "Invoice", context))).toMatchObject({ SyncToken: "1" })
    expect(rightOf(queryRows({ QueryResponse: {}, time: "2024-05-14T15:48:02.958-07:00" }, "Invoice", context))).toEqual([])
  })

  it("refuses a body that is neither the entity nor a fault", () => {
    expect(leftOf(interpretResponse(200, "<html>gateway</html>", context))).toMatchObject({ _tag: "QboUnexpectedResponse" })
    expect(leftOf(entityOf(JSON.parse(fixture("customer-read-response.json")), "Invoice", context))).toMatchObject({ _tag: "QboUnexpectedResponse" })
  })
})

/** Serves one fixed body for any request, to run a recorded answer through the whole client. */
const serving = (body: string) =>
  Effect.acquireRelease(
    Effect.async<{ url: string; close: () => void }>((resume) => {
      const server = createServer((_request, response) => {
        response.writeHead(200, { "content-type": "application/json" }).end(body)
      })
      server.listen(0, "127.0.0.1", () => {
        const address = server.address()
        const port = typeof address === "object" && address !== null ? address.port : 0
        resume(Effect.succeed({ url: `http://127.0.0.1:${port}`, close: () => server.close() }))
      })
    }),
    (server) => Effect.sync(server.close)
  )

const clientAt = (url: string) =>
  QboClient.Default.pipe(
    Layer.provide(QboAuth.fixed({ accessToken: Redacted.make("fixed"), realmId: "123" })),
    Layer.provide(QboConfig.make({ clientId: "id", clientSecret: Redacted.make("secret"), baseUrl: url })),
    Layer.provide(Layer.succeed(QboClientSettings, fastOptions)),
    Layer.provide(NodeHttpClient.layerUndici)
  )

describe("QboClient on recorded batch answers", () => {
  it.scopedLive("splits Intuit's batch example into per-item faults and a query result", () =>
    Effect.gen(function* () {
      const server = yield* serving(fixture("batch-response-with-faults.json"))
      const results = yield* Effect.flatMap(QboClient, (client) =>
        client.batch(
          [
            QboBatchItem.UpdateCustomer({ bId: "bid1", id: QboCustomerId.make("1"), syncToken: "0", fields: { DisplayName: "Smith Family Store" } }),
            QboBatchItem.UpdateInvoice({ bId: "bid2", id: QboInvoiceId.make("129"), syncToken: "0", fields: { PrivateNote: "x" } }),
            QboBatchItem.UpdateCustomer({ bId: "bid3", id: QboCustomerId.make("11"), syncToken: "0", fields: { Notes: "x" } }),
            QboBatchItem.Query({ bId: "bid4", query: "select * from SalesReceipt where TotalAmt > '300.00'" })
          ],
          "batch-doc"
        )
      ).pipe(Effect.provide(clientAt(server.url)))
      expect(results.map((r) => (r._tag === "Failed" && r.error._tag === "QboFault" ? r.error.kind : r._tag))).toEqual([
        "duplicateName",
        "objectNotFound",
        "staleObject",
        "Queried"
      ])
    })
  )

  it.scopedLive("reads the recorded sandbox batch: an empty query answer and a paid invoice", () =>
    Effect.gen(function* () {
      const server = yield* serving(fixture("batch-query-response-invoice-paid-linkedtxn.recorded.json"))
      const results = yield* Effect.flatMap(QboClient, (client) =>
        client.batch(
          [
            QboBatchItem.Query({ bId: "bid4", query: "select * from Invoice where DocNumber = 'none'" }),
            QboBatchItem.Query({ bId: "bid5", query: "select * from Invoice where Id = '99'" })
          ],
          "batch-rec"
        )
      ).pipe(Effect.provide(clientAt(server.url)))
      const rows = results.map((r) => (r._tag === "Queried" ? r.rows : []))
      expect(rows[0]).toEqual([])
      expect(rows[1]).toMatchObject([{ Id: "99", LinkedTxn: [{ TxnId: "166", TxnType: "Payment" }], Balance: 0 }])
    })
  )
})

describe("queryRows", () => {
  it("reads a live page as a snapshot file's page is read: another entity's rows or a list that is not one are refused", () => {
    const other = leftOf(queryRows({ QueryResponse: { Invoice: [{ Id: "1" }], startPosition: 1 } }, "Customer", context))
    expect(other).toMatchObject({ _tag: "QboUnexpectedResponse", expected: "Customer list" })
    expect(other.message).toContain("holds Invoice entities, not Customer")
    expect(leftOf(queryRows({ QueryResponse: { Customer: { Id: "1" } } }, "Customer", context)).message).toContain("QueryResponse.Customer is not a JSON list")
    expect(rightOf(queryRows({ QueryResponse: { customer: [{ Id: "1" }], maxResults: 1 } }, "Customer", context))).toEqual([{ Id: "1" }])
  })
})
