import { readFileSync } from "node:fs"
import { afterEach, describe, expect, it } from "vitest"
import { rawCustomer, rawInvoice } from "../../sources/qbo/api/rawEntities.ts"
import { type QboServer, type QboServerOptions, startQboServer } from "./QboServer.ts"

const recorded = (name: string): string =>
  readFileSync(new URL(`../../sources/qbo/api/fixtures/${name}`, import.meta.url), "utf8")

const open: Array<QboServer> = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()))
})

const start = async (options: Partial<QboServerOptions> = {}) => {
  const server = await startQboServer({
    customers: [rawCustomer({ id: "1", name: "Amy Lauterbach" }), rawCustomer({ id: "2", name: "Bill Lucchini" }), rawCustomer({ id: "3", name: "Cara Old", active: false })],
    invoices: [rawInvoice({ id: "10", customerId: "1" }), rawInvoice({ id: "11", customerId: "2", txnDate: "2024-06-30" })],
    limits: "off",
    ...options
  })
  open.push(server)
  const token = server.issueToken()
  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}/v3/company/${server.realmId}/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token.access_token}`, accept: "application/json", ...init.headers }
    })
    return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() }
  }
  const query = async (text: string) => JSON.parse((await api(`query?query=${encodeURIComponent(text)}&minorversion=75`)).text)
  return { server, token, api, query }
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

describe("local QBO query endpoint", () => {
  it("answers GET ?query= and POST application/text alike", async () => {
    const { api, query } = await start()
    const posted = await api("query", { method: "POST", headers: { "content-type": "application/text" }, body: "SELECT * FROM Customer" })
    expect(JSON.parse(posted.text).QueryResponse).toEqual((await query("SELECT * FROM Customer")).QueryResponse)
  })

  it("leaves inactive customers out unless the query names Active", async () => {
    const { query } = await start()
    const ids = async (text: string) => ((await query(text)).QueryResponse.Customer ?? []).map((c: { Id: string }) => c.Id)
    expect(await ids("SELECT * FROM Customer")).toEqual(["1", "2"])
    expect(await ids("SELECT * FROM Customer WHERE Active IN (true, false)")).toEqual(["1", "2", "3"])
    expect(await ids("select * from Customer where Active = false")).toEqual(["3"])
  })

  it("counts, pages from a 1-based STARTPOSITION, and answers an empty page with an empty QueryResponse", async () => {
    const { query } = await start()
    expect((await query("SELECT COUNT(*) FROM Invoice")).QueryResponse).toEqual({ totalCount: 2 })
    expect((await query("SELECT * FROM Invoice STARTPOSITION 2 MAXRESULTS 1")).QueryResponse).toMatchObject({
      Invoice: [{ Id: "11" }],
      startPosition: 2,
      maxResults: 1
    })
    const empty = await query("SELECT * FROM Invoice STARTPOSITION 3")
    expect(Object.keys(empty)).toEqual(["QueryResponse", "time"])
    expect(empty.QueryResponse).toEqual({})
  })

  it("filters with LIKE, references, dates and case-insensitive field names", async () => {
    const { query } = await start()
    const ids = async (text: string, entity: string) => ((await query(text)).QueryResponse[entity] ?? []).map((c: { Id: string }) => c.Id)
    expect(await ids("SELECT * FROM Customer WHERE DisplayName LIKE '%lucch%'", "Customer")).toEqual(["2"])
    expect(await ids("SELECT * FROM Invoice WHERE CustomerRef = '2'", "Invoice")).toEqual(["11"])
    expect(await ids("SELECT * FROM Invoice WHERE TxnDate <= '2024-12-31'", "Invoice")).toEqual(["11"])
    expect(await ids("SELECT * FROM Customer WHERE Metadata.LastUpdatedTime > '2023-01-01' ORDERBY DisplayName DESC", "Customer")).toEqual(["2", "1"])
  })

  it("answers OR with a 400 shaped like the recorded 4000 fault", async () => {
    const { api } = await start()
    const answer = await api(`query?query=${encodeURIComponent("SELECT * FROM Customer WHERE Id = '1' OR Id = '2'")}`)
    const body = JSON.parse(answer.text)
    const sample = JSON.parse(recorded("fault-query-parse-4000.recorded.json"))
    expect(answer.status).toBe(400)
    expect(Object.keys(body.Fault)).toEqual(expect.arrayContaining(Object.keys(sample.Fault)))
    expect(body.Fault.Error[0]).toMatchObject({ Message: sample.Fault.Error[0].Message, code: "4000" })
    expect(body.Fault.Error[0].Detail).toMatch(/^QueryParserError: Encountered/)
  })
})

describe("local QBO limits", () => {
  it("throttles the 11th request in a second with QBO's recorded XML body", async () => {
    const { api, server } = await start({ limits: { perSecond: 10, perMinute: 500, batchPerMinute: 40, concurrent: 100 } })
    const answers = await Promise.all(Array.from({ length: 11 }, () => api("customer/1")))
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10)
    const throttled = answers.find((a) => a.status === 429)
    expect(throttled?.type).toContain("xml")
    const withoutTime = (xml: string) => xml.replace(/time="[^"]*"/, "").trim()
    expect(withoutTime(throttled?.text ?? "")).toBe(withoutTime(recorded("fault-throttle-429.recorded.xml")))
    expect(server.stats.throttled).toBe(1)
    expect(server.stats.throttledBy).toEqual({ perSecond: 1 })
  })

  it("throttles the 11th request in flight at once, and admits the next one once an answer has gone out", async () => {
    const { api, server } = await start({ limits: { perSecond: 100, perMinute: 500, batchPerMinute: 40, concurrent: 10 }, answerLatency: { minMillis: 300, maxMillis: 300 } })
    const answers = await Promise.all(Array.from({ length: 11 }, () => api("customer/1")))
    expect(answers.map((a) => a.status).sort()).toEqual([...Array.from({ length: 10 }, () => 200), 429])
    expect(server.stats.throttledBy).toEqual({ concurrent: 1 })
    expect((await api("customer/1")).status).toBe(200)
  })

  it("counts a request when it arrives, not when it is answered", async () => {
    const { api, server } = await start({ limits: { perSecond: 1, perMinute: 500, batchPerMinute: 40, concurrent: 10 }, answerLatency: { minMillis: 600, maxMillis: 600 } })
    const first = api("customer/1")
    await new Promise((resolve) => setTimeout(resolve, 450))
    // Arrived 450 ms after the first, which is still being worked on: the same second for QBO.
    expect((await api("customer/1")).status).toBe(429)
    expect((await first).status).toBe(200)
    expect(server.stats.throttledBy).toEqual({ perSecond: 1 })
  })

  it("throttles past the per-minute limit over a shortened minute, and admits again once the oldest start has left it", async () => {
    const { api, server } = await start({ limits: { perSecond: 100, perMinute: 3, batchPerMinute: 40, concurrent: 10, minuteMillis: 500 } })
    const statuses = [(await api("customer/1")).status, (await api("customer/1")).status, (await api("customer/1")).status, (await api("customer/1")).status]
    expect(statuses).toEqual([200, 200, 200, 429])
    expect(server.stats.throttledBy).toEqual({ perMinute: 1 })
    await new Promise((resolve) => setTimeout(resolve, 550))
    expect((await api("customer/1")).status).toBe(200)
  })

  it("throttles batch requests past the per-minute batch limit", async () => {
    const { api } = await start({ limits: { perSecond: 100, perMinute: 500, batchPerMinute: 2, concurrent: 100 } })
    const batch = () => api("batch", { method: "POST", body: JSON.stringify({ BatchItemRequest: [{ bId: "q", Query: "SELECT * FROM Customer" }] }) })
    const statuses = [(await batch()).status, (await batch()).status, (await batch()).status, (await api("customer/1")).status]
    expect(statuses).toEqual([200, 200, 429, 200])
  })

  it("refuses a batch of more than 30 items as a whole", async () => {
    const { api, server } = await start()
    const items = Array.from({ length: 31 }, (_, i) => ({ bId: `u${i}`, operation: "update", Customer: { Id: "1", SyncToken: "0", sparse: true } }))
    const answer = await api("batch", { method: "POST", body: JSON.stringify({ BatchItemRequest: items }) })
    expect(answer.status).toBe(400)
    expect(answer.text).toContain("maximum number of payloads")
    expect(server.log).toHaveLength(0)
  })
})

describe("local QBO writes", () => {
  it("bumps SyncToken and LastUpdatedTime, and replays a requestid instead of writing again", async () => {
    let clock = Date.parse("2025-06-01T12:00:00Z")
    const { api, server } = await start({ now: () => clock })
    const update = () =>
      api("customer?requestid=r-1", { method: "POST", body: JSON.stringify({ Id: "2", SyncToken: "0", sparse: true, Notes: "merged" }) })
    const first = await update()
    clock += 60_000
    const second = await update()
    expect(first.status).toBe(200)
    expect(second.text).toBe(first.text)
    const customer = JSON.parse(first.text).Customer
    expect(customer).toMatchObject({ SyncToken: "1", Notes: "merged", MetaData: { LastUpdatedTime: "2025-06-01T12:00:00+00:00" } })
    expect(server.log.map((entry) => [entry.id, entry.requestId])).toEqual([["2", "r-1"]])
  })

  it("reactivating a customer drops the (deleted) mark", async () => {
    const { api } = await start()
    const answer = await api("customer", { method: "POST", body: JSON.stringify({ Id: "3", SyncToken: "0", sparse: true, Active: true }) })
    expect(JSON.parse(answer.text).Customer).toMatchObject({ Active: true, DisplayName: "Cara Old", FullyQualifiedName: "Cara Old" })
  })

  it("a batch answers 200 with a Fault in each failing item", async () => {
    const { api, server } = await start()
    const answer = await api("batch?requestid=b-1", {
      method: "POST",
      body: JSON.stringify({
        BatchItemRequest: [
          { bId: "a", operation: "update", Invoice: { Id: "10", SyncToken: "0", sparse: true, CustomerRef: { value: "2" } } },
          { bId: "b", operation: "update", Invoice: { Id: "11", SyncToken: "5", sparse: true, PrivateNote: "x" } },
          { bId: "toolongforbid", Query: "SELECT * FROM Customer" }
        ]
      })
    })
    expect(answer.status).toBe(200)
    const items = JSON.parse(answer.text).BatchItemResponse
    expect(items[0]).toMatchObject({ bId: "a", Invoice: { CustomerRef: { value: "2", name: "Bill Lucchini" } } })
    expect(items[1]).toMatchObject({ bId: "b", Fault: { type: "ValidationFault", Error: [{ code: "5010" }] } })
    expect(items[2]).toMatchObject({ Fault: { Error: [{ code: "6000" }] } })
    expect(server.state.customers.get("2")?.["Balance"]).toBe(100)
  })
})

describe("local QBO OAuth", () => {
  const basic = (server: QboServer, secret = server.clientSecret) =>
    `Basic ${Buffer.from(`${server.clientId}:${secret}`).toString("base64")}`

  it("rotates refresh tokens, honours the old one for the grace period, then answers invalid_grant", async () => {
    let clock = Date.parse("2025-06-01T12:00:00Z")
    const { server, token } = await start({ now: () => clock, rotationGraceMillis: 60_000 })
    const refresh = async (refreshToken: string) => {
      const response = await fetch(`${server.url}/oauth2/v1/tokens/bearer`, {
        method: "POST",
        headers: { authorization: basic(server), "content-type": "application/x-www-form-urlencoded" },
        body: form({ grant_type: "refresh_token", refresh_token: refreshToken })
      })
      return { status: response.status, body: JSON.parse(await response.text()) }
    }
    const first = await refresh(token.refresh_token)
    expect(first.status).toBe(200)
    expect(first.body.refresh_token).not.toBe(token.refresh_token)
    clock += 30_000
    expect((await refresh(token.refresh_token)).status).toBe(200)
    clock += 31_000
    const late = await refresh(token.refresh_token)
    expect(late).toEqual({ status: 400, body: JSON.parse(recorded("oauth-error-invalid-grant.json")) })
    expect((await refresh(first.body.refresh_token)).status).toBe(200)
  })

  it("refuses a wrong client secret and a reused authorization code", async () => {
    const { server } = await start()
    const authorize = await fetch(
      `${server.url}/connect/oauth2?${form({ client_id: server.clientId, redirect_uri: "http://localhost:1/cb", response_type: "code", scope: "com.intuit.quickbooks.accounting", state: "s" })}`,
      { redirect: "manual" }
    )
    const location = new URL(authorize.headers.get("location") ?? "")
    expect(location.searchParams.get("state")).toBe("s")
    expect(location.searchParams.get("realmId")).toBe(server.realmId)
    const exchange = (secret?: string) =>
      fetch(`${server.url}/oauth2/v1/tokens/bearer`, {
        method: "POST",
        headers: { authorization: basic(server, secret), "content-type": "application/x-www-form-urlencoded" },
        body: form({ grant_type: "authorization_code", code: location.searchParams.get("code") ?? "", redirect_uri: "http://localhost:1/cb" })
      })
    expect((await exchange("wrong")).status).toBe(401)
    expect((await exchange()).status).toBe(200)
    expect((await exchange()).status).toBe(400)
  })

  it("answers an expired access token with QBO's 401 AuthenticationFailed body", async () => {
    const { api, server } = await start()
    server.inject({ kind: "expireAccessTokens" })
    const answer = await api("customer/1")
    expect(answer.status).toBe(401)
    expect(JSON.parse(answer.text).fault.error[0]).toMatchObject({ code: "3200", message: "message=AuthenticationFailed; errorCode=003200; statusCode=401" })
  })
})
