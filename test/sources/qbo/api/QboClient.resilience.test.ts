import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Option, Redacted } from "effect"
import { QboClient } from "../../../../sources/qbo/api/QboClient.ts"
import type { QboProgress } from "../../../../sources/qbo/api/QboProgress.ts"
import { qboLimits } from "../../../../sources/qbo/api/QboClientSettings.ts"
import { QboTokenStore } from "../../../../sources/qbo/api/QboTokenStore.ts"
import { QboCustomerId } from "../../../../pipeline/domain/Ids.ts"
import { localQbo, localQboLayer, tokensFrom } from "./localQbo.ts"
import { customers } from "./rawEntities.ts"

const one = QboCustomerId.make("1")

const recording = () => {
  const events: Array<QboProgress> = []
  return { events, onProgress: (event: QboProgress) => Effect.sync(() => events.push(event)) }
}

describe("QboClient under throttling and failures", () => {
  it.scopedLive("waits after a 429 with QBO's XML body and retries, then succeeds", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [] })
      server.inject({ kind: "throttle", times: 2 })
      const { events, onProgress } = recording()
      const started = Date.now()
      const rows = yield* Effect.flatMap(QboClient, (client) => client.pullCustomers).pipe(
        Effect.provide(localQboLayer(server, { client: { throttleWait: Duration.millis(200), pageConcurrency: 1, onProgress } }))
      )
      expect(rows).toHaveLength(3)
      expect(server.stats.throttled).toBe(2)
      expect(Date.now() - started).toBeGreaterThanOrEqual(400)
      expect(events.filter((e) => e._tag === "RateLimitWait" && e.reason === "throttled")).toHaveLength(2)
    })
  )

  it.scopedLive("gives up with QboThrottled when every wait ends in another 429", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [] })
      server.inject({ kind: "throttle", times: Infinity })
      const error = yield* Effect.flatMap(QboClient, (client) => client.readCustomer(one)).pipe(
        Effect.provide(localQboLayer(server, { client: { throttleWait: Duration.millis(10), maxThrottleWaits: 3 } })),
        Effect.flip
      )
      expect(error._tag).toBe("QboThrottled")
      expect(server.stats.throttled).toBe(4)
      expect(error.message).toContain("4 times")
    })
  )

  it.scopedLive("paces itself under 10 requests a second, so QBO never throttles it", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [] })
      const started = Date.now()
      yield* Effect.flatMap(QboClient, (client) => Effect.forEach(Array.from({ length: 25 }), () => client.readCustomer(one), { concurrency: 25 })).pipe(
        // Client and server share one event loop here: on a busy machine the server takes in a new connection's
        // request up to a few hundred ms after it was written, far more than the network varies against QBO.
        Effect.provide(localQboLayer(server, { client: { limits: { ...qboLimits, secondMarginMillis: 500 } } }))
      )
      expect(server.stats.throttled).toBe(0)
      expect(server.stats.admittedAt).toHaveLength(25)
      // 10 per second, counted from each start: the 21st request waits two full windows (of 1.5 s here).
      expect(Date.now() - started).toBeGreaterThanOrEqual(3_000)
    })
  )

  it.scopedLive("retries a 503 with back-off and reports the retry", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [], limits: "off" })
      server.inject({ kind: "status", status: 503, times: 2 })
      const { events, onProgress } = recording()
      const customer = yield* Effect.flatMap(QboClient, (client) => client.readCustomer(one)).pipe(
        Effect.provide(localQboLayer(server, { client: { onProgress } }))
      )
      expect(customer).toMatchObject({ Id: "1" })
      expect(server.stats.byOperation.read).toBe(3)
      expect(events.flatMap((e) => (e._tag === "Retrying" ? [e.reason] : []))).toEqual(["server HTTP 503", "server HTTP 503"])
    })
  )

  it.scopedLive("fails with QboUnavailable naming the operation after the last 500", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [], limits: "off" })
      server.inject({ kind: "status", status: 500, times: Infinity })
      const error = yield* Effect.flatMap(QboClient, (client) => client.readCustomer(one)).pipe(
        Effect.provide(localQboLayer(server, { client: { maxRetries: 2 } })),
        Effect.flip
      )
      expect(error._tag).toBe("QboUnavailable")
      expect(error.message).toContain("read Customer 1")
      expect(error.message).toContain("after 3 attempts")
      expect(server.stats.byOperation.read).toBe(3)
    })
  )

  it.scopedLive("retries when the connection drops before an answer", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(1500), invoices: [], limits: "off" })
      server.inject({ kind: "drop", phase: "beforeExecute", times: 2, match: { operation: "query" } })
      const rows = yield* Effect.flatMap(QboClient, (client) => client.pullCustomers).pipe(
        Effect.provide(localQboLayer(server, { client: { pageConcurrency: 1 } }))
      )
      expect(rows).toHaveLength(1500)
      expect(server.stats.byOperation.query).toBe(4)
    })
  )

  it.scopedLive("times out a slow answer and retries it", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [], limits: "off" })
      server.inject({ kind: "latency", millis: 600, times: 1 })
      const customer = yield* Effect.flatMap(QboClient, (client) => client.readCustomer(one)).pipe(
        Effect.provide(localQboLayer(server, { client: { requestTimeout: Duration.millis(200) } }))
      )
      expect(customer).toMatchObject({ Id: "1" })
      expect(server.stats.byOperation.read).toBe(2)
    })
  )
})

describe("QboClient and expired tokens", () => {
  it.scopedLive("on a 401 refreshes once, stores the rotated refresh token, and retries", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [], limits: "off" })
      const initial = tokensFrom(server)
      server.inject({ kind: "expireAccessTokens" })
      const { stored, customer } = yield* Effect.gen(function* () {
        const customer = yield* Effect.flatMap(QboClient, (client) => client.readCustomer(one))
        const stored = yield* Effect.flatMap(QboTokenStore, (store) => store.load)
        return { stored, customer }
      }).pipe(Effect.provide(localQboLayer(server, { tokens: initial })))
      expect(customer).toMatchObject({ Id: "1" })
      expect(server.oauth.grants).toEqual(["refresh_token"])
      const saved = Option.getOrThrow(stored)
      expect(Redacted.value(saved.refreshToken)).not.toBe(Redacted.value(initial.refreshToken))
      expect(Redacted.value(saved.accessToken)).not.toBe(Redacted.value(initial.accessToken))
      expect(saved.realmId).toBe(server.realmId)
    })
  )

  it.scopedLive("refreshes ahead of time when the access token is within 60 s of expiry", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [], limits: "off" })
      yield* Effect.flatMap(QboClient, (client) => client.readCustomer(one)).pipe(
        Effect.provide(localQboLayer(server, { tokens: tokensFrom(server, Duration.seconds(30)) }))
      )
      expect(server.oauth.grants).toEqual(["refresh_token"])
      // The request itself went out once, with the new token: no 401 round trip.
      expect(server.stats.byOperation.read).toBe(1)
    })
  )

  it.scopedLive("keeps the newest refresh token: a second refresh uses the rotated one", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [], limits: "off", rotationGraceMillis: 0 })
      yield* Effect.gen(function* () {
        const client = yield* QboClient
        server.inject({ kind: "expireAccessTokens" })
        yield* client.readCustomer(one)
        server.inject({ kind: "expireAccessTokens" })
        yield* client.readCustomer(one)
      }).pipe(Effect.provide(localQboLayer(server)))
      // With no grace period, the second refresh only works with the token the first one stored.
      expect(server.oauth.grants).toEqual(["refresh_token", "refresh_token"])
    })
  )

  it.scopedLive("a revoked refresh token fails with a message that says to connect again", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [], limits: "off" })
      const tokens = tokensFrom(server)
      server.inject({ kind: "expireAccessTokens" })
      server.inject({ kind: "revokeRefreshTokens" })
      const error = yield* Effect.flatMap(QboClient, (client) => client.readCustomer(one)).pipe(
        Effect.provide(localQboLayer(server, { tokens })),
        Effect.flip
      )
      expect(error._tag).toBe("QboReconnectRequired")
      expect(error.message).toContain("invalid_grant")
      expect(error.message).toContain("reconcile qbo connect")
    })
  )

  it.scopedLive("fails clearly when the token is refused even after a refresh", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [], limits: "off", accessTokenTtlSeconds: 0 })
      const error = yield* Effect.flatMap(QboClient, (client) => client.readCustomer(one)).pipe(
        Effect.provide(localQboLayer(server)),
        Effect.flip
      )
      expect(error._tag).toBe("QboUnauthorized")
      expect(error.message).toContain("reconcile qbo connect")
      expect(server.oauth.grants).toEqual(["refresh_token"])
      expect(server.stats.byOperation.read).toBe(2)
    })
  )

  it.scopedLive("with nothing stored, asks to connect first and sends nothing", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(3), invoices: [], limits: "off" })
      const error = yield* Effect.flatMap(QboClient, (client) => client.readCustomer(one)).pipe(
        Effect.provide(localQboLayer(server, { tokens: null })),
        Effect.flip
      )
      expect(error._tag).toBe("QboNotConnected")
      expect(server.stats.requests).toBe(0)
    })
  )
})
