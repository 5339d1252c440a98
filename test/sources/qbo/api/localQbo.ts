import { createServer } from "node:net"
import { DateTime, Duration, Effect, Layer, Redacted, type Scope } from "effect"
import { QboAuth } from "../../../../sources/qbo/api/QboAuth.ts"
import { QboClient } from "../../../../sources/qbo/api/QboClient.ts"
import { defaultQboClientOptions, type QboClientOptions, QboClientSettings } from "../../../../sources/qbo/api/QboClientSettings.ts"
import { QboConfig } from "../../../../sources/qbo/api/QboConfig.ts"
import { QboTokenSet } from "../../../../sources/qbo/api/QboTokenSet.ts"
import { QboTokenStore } from "../../../../sources/qbo/api/QboTokenStore.ts"
import { qboHttpClientLayer } from "../../../../sources/qbo/api/QboWireTime.ts"
import { type QboServer, type QboServerOptions, startQboServer } from "../../../servers/qbo/QboServer.ts"

/** A local QBO server for the length of the test's scope. */
export const localQbo = (options: QboServerOptions): Effect.Effect<QboServer, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(() => startQboServer(options)),
    (server) => Effect.promise(() => server.close())
  )

/** A token set as `qbo connect` would have stored it, issued by the server now. */
export const tokensFrom = (server: QboServer, accessTokenLifetime: Duration.DurationInput = Duration.hours(1)): QboTokenSet => {
  const token = server.issueToken()
  const now = DateTime.unsafeNow()
  return new QboTokenSet({
    realmId: server.realmId,
    accessToken: Redacted.make(token.access_token),
    refreshToken: Redacted.make(token.refresh_token),
    accessTokenExpiresAt: DateTime.addDuration(now, accessTokenLifetime),
    refreshTokenExpiresAt: DateTime.add(now, { seconds: token.x_refresh_token_expires_in }),
    createdAt: now
  })
}

/** Short waits so that retries and 429s take milliseconds, with QBO's real limits. */
export const fastOptions: QboClientOptions = {
  ...defaultQboClientOptions,
  throttleWait: Duration.millis(150),
  retryBase: Duration.millis(10),
  requestTimeout: Duration.seconds(2)
}

export interface LocalQboLayerOptions {
  /** The stored token set; `null` for "never connected". Default: a fresh one from the server. */
  readonly tokens?: QboTokenSet | null
  readonly client?: Partial<QboClientOptions>
  readonly redirectUri?: string
}

/** QboClient, QboAuth and an in-memory QboTokenStore, all pointed at the local server by QBO_BASE_URL. */
export const localQboLayer = (server: QboServer, options: LocalQboLayerOptions = {}) => {
  const tokens = options.tokens === undefined ? tokensFrom(server) : options.tokens
  const config = QboConfig.make({
    clientId: server.clientId,
    clientSecret: Redacted.make(server.clientSecret),
    baseUrl: server.url,
    ...(options.redirectUri === undefined ? {} : { redirectUri: options.redirectUri })
  })
  const auth = QboAuth.Default.pipe(Layer.provideMerge(QboTokenStore.memory(tokens ?? undefined)))
  return QboClient.Default.pipe(
    Layer.provideMerge(auth),
    Layer.provide(Layer.succeed(QboClientSettings, { ...fastOptions, ...options.client })),
    Layer.provide(qboHttpClientLayer),
    Layer.provideMerge(config)
  )
}

/** A port that was free a moment ago, for a redirect URI the callback listener can bind. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
