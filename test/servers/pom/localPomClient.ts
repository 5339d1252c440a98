import { NodeHttpClient } from "@effect/platform-node"
import { Duration, Effect, Layer, Redacted, type Scope } from "effect"
import { PomClient } from "../../../sources/pom/api/PomClient.ts"
import { PomConfig, type PomSettings } from "../../../sources/pom/api/PomConfig.ts"
import { startPomServer, type PomServer, type PomServerOptions } from "./startPomServer.ts"

export interface LocalPomClientOptions {
  /** "sign-in" (default) uses the server's user; "token" a token issued up front, as POM_API_TOKEN. */
  readonly auth?: "sign-in" | "token"
  readonly pageSize?: number
  readonly requestTimeoutMs?: number
  readonly maxRetries?: number
  /** Small by default so retry tests stay fast. */
  readonly retryBaseMs?: number
  readonly maxWaitMs?: number
}

/** The settings the live client would read from the environment, pointed at a local server. */
export const localPomSettings = (server: PomServer, options: LocalPomClientOptions = {}): PomSettings => ({
  apiUrl: server.url,
  auth:
    options.auth === "token"
      ? { _tag: "Token", token: Redacted.make(server.issueTokens().accessToken) }
      : {
          _tag: "SignIn",
          email: server.user.email,
          password: Redacted.make(server.user.password),
          clientId: server.user.clientId,
          realm: server.user.realm,
          redirectUri: server.user.redirectUri
        },
  pageSize: options.pageSize ?? 100,
  requestTimeout: Duration.millis(options.requestTimeoutMs ?? 5_000),
  retry: {
    maxRetries: options.maxRetries ?? 4,
    baseDelay: Duration.millis(options.retryBaseMs ?? 5),
    maxDelay: Duration.millis(options.maxWaitMs ?? 2_000)
  }
})

/** The live PomClient over real HTTP with the given settings. */
export const pomClientLayerWith = (settings: PomSettings) =>
  PomClient.Default.pipe(Layer.provide(Layer.merge(PomConfig.layerWith(settings), NodeHttpClient.layerUndici)))

/** The live PomClient talking to a local server: the client's test layer. */
export const localPomClientLayer = (server: PomServer, options: LocalPomClientOptions = {}) =>
  pomClientLayerWith(localPomSettings(server, options))

/** A local server for the length of the enclosing scope. */
export const scopedPomServer = (options: PomServerOptions = {}): Effect.Effect<PomServer, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(() => startPomServer(options)),
    (server) => Effect.promise(() => server.close())
  )
