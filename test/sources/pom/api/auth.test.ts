import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer, Redacted } from "effect"
import { PomCustomerId } from "../../../../pipeline/domain/Ids.ts"
import { PomClient } from "../../../../sources/pom/api/PomClient.ts"
import { PomConfig } from "../../../../sources/pom/api/PomConfig.ts"
import { PomProgress, type PomProgressEvent } from "../../../../sources/pom/api/PomProgress.ts"
import { localPomSettings, pomClientLayerWith, scopedPomServer } from "../../../servers/pom/localPomClient.ts"
import { customerId, pomRows } from "../../../servers/pom/pomRows.ts"
import type { PomServer } from "../../../servers/pom/startPomServer.ts"

const first = PomCustomerId.make(customerId(0))

const requestsTo = (server: PomServer, path: string) => server.log.requests.filter((r) => r.path === path)

/** Reads the first customer once, lets `between` act on the server, then reads it again. */
const readTwice = (server: PomServer, between: () => void) =>
  Effect.gen(function* () {
    const client = yield* PomClient
    yield* client.readCustomer(first)
    between()
    return yield* client.readCustomer(first)
  })

const collecting = () => {
  const events: Array<PomProgressEvent> = []
  return { events, report: (event: PomProgressEvent) => Effect.sync(() => events.push(event)) }
}

describe("PomClient sign-in and session renewal", () => {
  it.scopedLive("signs in once with /m/authorize and /oauth/token, then reuses the token", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2))
      yield* Effect.gen(function* () {
        const client = yield* PomClient
        yield* client.readCustomer(first)
        yield* client.readCustomer(first)
        yield* client.pullCustomers
      }).pipe(Effect.provide(pomClientLayerWith(localPomSettings(server))))
      expect(requestsTo(server, "/m/authorize").map((r) => r.status)).toEqual([200])
      expect(requestsTo(server, "/oauth/token").map((r) => r.status)).toEqual([200])
      expect(requestsTo(server, "/graphql")).toHaveLength(3)
    })
  )

  it.scopedLive("renews an expired access token with the rotated refresh token and repeats the request", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2))
      const progress = collecting()
      const customer = yield* Effect.gen(function* () {
        const client = yield* PomClient
        yield* client.readCustomer(first)
        server.inject({ kind: "expire-tokens" })
        yield* client.readCustomer(first)
        // The first refresh token was used up by the renewal: a second renewal must use the new one.
        server.inject({ kind: "expire-tokens" })
        return yield* client.readCustomer(first)
      }).pipe(
        Effect.provideService(PomProgress, progress.report),
        Effect.provide(pomClientLayerWith(localPomSettings(server)))
      )
      expect(customer.id).toBe(first)
      expect(requestsTo(server, "/oauth/token").map((r) => r.status)).toEqual([200, 200, 200])
      expect(progress.events.filter((e) => e._tag === "SessionRenewed")).toHaveLength(2)
      expect(requestsTo(server, "/graphql")).toHaveLength(5)
    })
  )

  it.scopedLive("explains a refused renewal and stops instead of looping", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2))
      const settings = localPomSettings(server)
      const result = yield* readTwice(server, () =>
        server.inject({ kind: "expire-tokens" }, { kind: "revoke-refresh-tokens" })
      ).pipe(Effect.provide(pomClientLayerWith(settings)), Effect.flip)
      expect(result._tag).toBe("PomUnauthorized")
      expect(result.message).toContain("would not renew the session with the refresh token")
      expect(result.message).toContain("invalid_grant")
      expect(result.message).toContain("POM_PASSWORD")
      expect(JSON.stringify(result) + result.message).not.toContain(server.user.password)
      expect(requestsTo(server, "/oauth/token").map((r) => r.status)).toEqual([200, 400])
      expect(requestsTo(server, "/graphql")).toHaveLength(2)
    })
  )

  it.scopedLive("tells the user to replace a rejected POM_API_TOKEN, without quoting it", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2))
      const token = server.issueTokens().accessToken
      const settings = { ...localPomSettings(server), auth: { _tag: "Token" as const, token: Redacted.make(token) } }
      const result = yield* readTwice(server, () => server.inject({ kind: "expire-tokens" })).pipe(
        Effect.provide(pomClientLayerWith(settings)),
        Effect.flip
      )
      expect(result._tag).toBe("PomUnauthorized")
      expect(result.message).toContain("POM_API_TOKEN")
      expect(JSON.stringify(result) + result.message + String(result)).not.toContain(token)
      expect(requestsTo(server, "/oauth/token")).toHaveLength(0)
    })
  )

  it.scopedLive("reads the sign-in from the environment and names the settings to check when it is refused", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(1))
      const env = ConfigProvider.fromMap(
        new Map([
          ["POM_API_URL", `${server.url}/`],
          ["POM_EMAIL", server.user.email],
          ["POM_PASSWORD", "not-the-password"],
          ["POM_CLIENT_ID", server.user.clientId],
          ["POM_REALM", server.user.realm]
        ])
      )
      const layer = PomClient.Default.pipe(
        Layer.provide(Layer.merge(PomConfig.layer, NodeHttpClient.layerUndici)),
        Layer.provide(Layer.setConfigProvider(env))
      )
      const result = yield* PomClient.pipe(
        Effect.flatMap((client) => client.readCustomer(first)),
        Effect.provide(layer),
        Effect.flip
      )
      expect(result._tag).toBe("PomUnauthorized")
      expect(result.message).toContain(server.user.email)
      expect(result.message).toContain("invalid_credentials")
      expect(result.message).toContain("POM_PASSWORD")
      expect(JSON.stringify(result) + result.message).not.toContain("not-the-password")
      expect(requestsTo(server, "/m/authorize").map((r) => r.status)).toEqual([401])
      expect(requestsTo(server, "/graphql")).toHaveLength(0)
    })
  )
})
