import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Duration, Effect, Option, Redacted } from "effect"
import { QboCustomerId } from "../../../../pipeline/domain/Ids.ts"
import { QboAuth } from "../../../../sources/qbo/api/QboAuth.ts"
import { QboClient } from "../../../../sources/qbo/api/QboClient.ts"
import { qboSettingsConfig } from "../../../../sources/qbo/api/QboConfig.ts"
import { QboTokenStore } from "../../../../sources/qbo/api/QboTokenStore.ts"
import { freePort, localQbo, localQboLayer } from "./localQbo.ts"
import { customers } from "./rawEntities.ts"

/** What a browser does with the consent URL against the local server: follow its redirect to our callback. */
const browse = (url: string) =>
  Effect.promise(() => fetch(url, { redirect: "follow" }).then(async (response) => ({ status: response.status, text: await response.text() })))

describe("qbo connect", () => {
  it.scopedLive("runs the authorization-code flow, stores the tokens and realm, and the client can then read", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: customers(2), invoices: [], limits: "off" })
      const redirectUri = `http://localhost:${yield* Effect.promise(freePort)}/callback`
      const pages: Array<{ status: number; text: string }> = []
      const { tokens, stored, customer } = yield* Effect.gen(function* () {
        const auth = yield* QboAuth
        const tokens = yield* auth.connect({ onAuthorizeUrl: (url) => Effect.map(browse(url), (page) => void pages.push(page)) })
        const stored = yield* Effect.flatMap(QboTokenStore, (store) => store.load)
        const customer = yield* Effect.flatMap(QboClient, (client) => client.readCustomer(QboCustomerId.make("2")))
        return { tokens, stored, customer }
      }).pipe(Effect.provide(localQboLayer(server, { tokens: null, redirectUri })))
      expect(pages).toMatchObject([{ status: 200 }])
      expect(pages[0]?.text).toContain("connected")
      expect(tokens.realmId).toBe(server.realmId)
      expect(Option.getOrThrow(stored)).toEqual(tokens)
      expect(server.oauth.grants).toEqual(["authorization_code"])
      expect(customer).toMatchObject({ Id: "2" })
    })
  )

  it.scopedLive("refuses a callback whose state was not sent by this run", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: [], invoices: [], limits: "off" })
      const port = yield* Effect.promise(freePort)
      const error = yield* Effect.flatMap(QboAuth, (auth) =>
        auth.connect({ onAuthorizeUrl: () => Effect.asVoid(browse(`http://127.0.0.1:${port}/callback?code=forged&state=other&realmId=1`)) })
      ).pipe(Effect.provide(localQboLayer(server, { tokens: null, redirectUri: `http://localhost:${port}/callback` })), Effect.flip)
      expect(error._tag).toBe("QboConnectFailed")
      expect(error.message).toContain("state")
      expect(server.oauth.grants).toEqual([])
    })
  )

  it.scopedLive("reports a refused consent and says to connect again", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: [], invoices: [], limits: "off" })
      const port = yield* Effect.promise(freePort)
      const error = yield* Effect.flatMap(QboAuth, (auth) =>
        auth.connect({
          onAuthorizeUrl: (url) => {
            const state = new URL(url).searchParams.get("state") ?? ""
            return Effect.asVoid(browse(`http://127.0.0.1:${port}/callback?error=access_denied&state=${state}`))
          }
        })
      ).pipe(Effect.provide(localQboLayer(server, { tokens: null, redirectUri: `http://localhost:${port}/callback` })), Effect.flip)
      expect(error.message).toContain("access_denied")
      expect(error.message).toContain("reconcile qbo connect")
    })
  )

  it.scopedLive("gives up when the browser never comes back", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: [], invoices: [], limits: "off" })
      const port = yield* Effect.promise(freePort)
      const error = yield* Effect.flatMap(QboAuth, (auth) => auth.connect({ onAuthorizeUrl: () => Effect.void, timeout: Duration.millis(100) })).pipe(
        Effect.provide(localQboLayer(server, { tokens: null, redirectUri: `http://localhost:${port}/callback` })),
        Effect.flip
      )
      expect(error._tag).toBe("QboConnectFailed")
      expect(error.message).toContain("did not come back")
    })
  )

  it.scopedLive("the authorize URL asks for the accounting scope at the configured endpoint", () =>
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: [], invoices: [], limits: "off" })
      const port = yield* Effect.promise(freePort)
      const seen: Array<string> = []
      yield* Effect.flatMap(QboAuth, (auth) =>
        auth.connect({ onAuthorizeUrl: (url) => Effect.sync(() => void seen.push(url)), timeout: Duration.millis(50) })
      ).pipe(Effect.provide(localQboLayer(server, { tokens: null, redirectUri: `http://localhost:${port}/callback` })), Effect.ignore)
      const url = new URL(seen[0] ?? "")
      expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/connect/oauth2`)
      expect(url.searchParams.get("scope")).toBe("com.intuit.quickbooks.accounting")
      expect(url.searchParams.get("client_id")).toBe(server.clientId)
      expect(url.searchParams.get("redirect_uri")).toBe(`http://localhost:${port}/callback`)
    })
  )
})

describe("QBO settings from the environment", () => {
  const read = (env: Record<string, string>) =>
    Effect.withConfigProvider(qboSettingsConfig, ConfigProvider.fromMap(new Map(Object.entries(env))))

  it.effect("defaults to the sandbox and Intuit's endpoints, with the secret redacted", () =>
    Effect.gen(function* () {
      const settings = yield* read({ QBO_CLIENT_ID: "abc", QBO_CLIENT_SECRET: "s3cret" })
      expect(settings.environment).toBe("sandbox")
      expect(settings.redirectUri).toBe("http://localhost:8765/callback")
      expect(settings.endpoints.api).toBe("https://sandbox-quickbooks.api.intuit.com")
      expect(settings.endpoints.token).toBe("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer")
      expect(Redacted.value(settings.clientSecret)).toBe("s3cret")
      expect(JSON.stringify(settings)).not.toContain("s3cret")
      expect(String(settings.clientSecret)).not.toContain("s3cret")
    })
  )

  it.effect("QBO_BASE_URL points the API and every OAuth endpoint at one server", () =>
    Effect.gen(function* () {
      const settings = yield* read({
        QBO_CLIENT_ID: "abc",
        QBO_CLIENT_SECRET: "s",
        QBO_ENVIRONMENT: "production",
        QBO_BASE_URL: "http://127.0.0.1:8766/",
        QBO_REALM_ID: "42"
      })
      expect(settings.endpoints).toEqual({
        api: "http://127.0.0.1:8766",
        authorize: "http://127.0.0.1:8766/connect/oauth2",
        token: "http://127.0.0.1:8766/oauth2/v1/tokens/bearer",
        revoke: "http://127.0.0.1:8766/oauth2/v1/tokens/revoke",
        userInfo: "http://127.0.0.1:8766/v1/openid_connect/userinfo"
      })
      expect(settings.realmId).toEqual(Option.some("42"))
    })
  )

  it.effect("fails without a client secret, naming the variable", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(read({ QBO_CLIENT_ID: "abc" }))
      expect(String(error)).toContain("QBO_CLIENT_SECRET")
    })
  )
})
