import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import { PomCustomerId } from "../../../../pipeline/domain/Ids.ts"
import { PomClient } from "../../../../sources/pom/api/PomClient.ts"
import { PomProgress, type PomProgressEvent } from "../../../../sources/pom/api/PomProgress.ts"
import { localPomClientLayer, scopedPomServer, type LocalPomClientOptions } from "../../../servers/pom/localPomClient.ts"
import { customerId, pomRows } from "../../../servers/pom/pomRows.ts"
import type { PomServer } from "../../../servers/pom/startPomServer.ts"

const withClient = <A, E>(
  server: PomServer,
  use: (client: PomClient) => Effect.Effect<A, E>,
  options: LocalPomClientOptions = {}
) => {
  const events: Array<PomProgressEvent> = []
  return PomClient.pipe(
    Effect.flatMap(use),
    Effect.provideService(PomProgress, (event) => Effect.sync(() => events.push(event))),
    Effect.provide(localPomClientLayer(server, options)),
    Effect.either,
    Effect.map((result) => ({ result, events, waits: events.flatMap((e) => (e._tag === "Waiting" ? [e] : [])) }))
  )
}

const first = PomCustomerId.make(customerId(0))

const graphqlStatuses = (server: PomServer) =>
  server.log.requests.filter((r) => r.path === "/graphql").map((r) => r.status)

describe("PomClient retries", () => {
  it.scopedLive("waits as long as Retry-After says on a 429, then succeeds", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(3))
      server.inject({ kind: "rate-limit", retryAfterSeconds: 1, operation: "PullCustomersPage" })
      const started = Date.now()
      const { result, waits } = yield* withClient(server, (c) => c.pullCustomers, { retryBaseMs: 5 })
      expect(result._tag).toBe("Right")
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
      expect(waits.map((w) => [w.reason, Duration.toMillis(w.delay), w.attempt])).toEqual([["rate-limited", 1000, 1]])
      expect(graphqlStatuses(server)).toEqual([429, 200])
    })
  )

  it.scopedLive("keeps a pull going through the per-organization rate limit", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer({ ...pomRows(25), rateLimit: { requests: 3, perMs: 1000 } })
      const { result, waits } = yield* withClient(server, (c) => c.pullCustomers, { pageSize: 5 })
      expect(result._tag === "Right" ? result.right.customers.length : -1).toBe(25)
      expect(waits.length).toBeGreaterThanOrEqual(1)
      expect(waits.every((w) => w.reason === "rate-limited")).toBe(true)
    })
  )

  it.scopedLive("gives up on a lasting 429 with PomRateLimited after every retry", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(1))
      server.inject({ kind: "rate-limit", times: 10 })
      const { result } = yield* withClient(server, (c) => c.readCustomer(first), { maxRetries: 2 })
      expect(result._tag === "Left" ? result.left : null).toMatchObject({ _tag: "PomRateLimited", operation: "ReadCustomer", attempts: 3 })
      expect(graphqlStatuses(server)).toEqual([429, 429, 429])
    })
  )

  it.scopedLive("retries 5xx answers with growing backoff, then succeeds", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(1))
      server.inject({ kind: "status", status: 502, times: 2 })
      const { result, waits } = yield* withClient(server, (c) => c.readCustomer(first), { retryBaseMs: 20 })
      expect(result._tag === "Right" ? result.right.id : null).toBe(first)
      expect(waits.map((w) => [w.reason, Duration.toMillis(w.delay)])).toEqual([
        ["server-error", 20],
        ["server-error", 40]
      ])
    })
  )

  it.scopedLive("reports a lasting 5xx as PomUnavailable naming the operation and attempts", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(1))
      server.inject({ kind: "status", status: 503, times: 10 })
      const { result } = yield* withClient(server, (c) => c.readCustomer(first), { maxRetries: 3 })
      const error = result._tag === "Left" ? result.left : null
      expect(error).toMatchObject({ _tag: "PomUnavailable", operation: "ReadCustomer", attempts: 4, detail: "HTTP 503" })
      expect(error?.message).toContain("POM_API_URL")
    })
  )

  it.scopedLive("retries a dropped connection", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(150))
      server.inject({ kind: "drop", operation: "PullCustomersPage" })
      const { result, waits } = yield* withClient(server, (c) => c.pullCustomers)
      expect(result._tag === "Right" ? result.right.customers.length : -1).toBe(150)
      expect(waits.map((w) => w.reason)).toEqual(["connection"])
      expect(graphqlStatuses(server)).toEqual(["dropped", 200, 200])
    })
  )

  it.scopedLive("abandons an attempt that outlasts the request timeout and tries again", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(1))
      server.inject({ kind: "latency", ms: 1500, operation: "ReadCustomer" })
      const started = Date.now()
      const { result, waits } = yield* withClient(server, (c) => c.readCustomer(first), { requestTimeoutMs: 300 })
      expect(result._tag).toBe("Right")
      expect(waits.map((w) => w.reason)).toEqual(["timeout"])
      expect(Date.now() - started).toBeLessThan(1500)
    })
  )
})
