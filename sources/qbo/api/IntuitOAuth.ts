import { Duration, Effect, Redacted } from "effect"
import OAuthClient from "intuit-oauth"
import { QboConnectFailed, QboReconnectRequired, QboTokenRequestFailed } from "./QboAuthErrors.ts"
import type { QboSettings } from "./QboConfig.ts"

/** intuit-oauth's token calls have no timeout of their own (axios default); this bounds them. */
const tokenCallTimeout = Duration.seconds(30)

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null

const stringField = (value: unknown, key: string): string => {
  if (!isRecord(value)) return ""
  const field = value[key]
  return typeof field === "string" ? field : ""
}

/**
 * What intuit-oauth threw, reduced to the fields that are safe to show. Its errors carry the axios request,
 * whose Authorization header holds the client secret, so they are never kept whole.
 */
const describe = (thrown: unknown): { error: string; description: string; status: number | null } => {
  const authResponse = isRecord(thrown) ? thrown["authResponse"] : undefined
  const response = isRecord(authResponse) ? authResponse["response"] : undefined
  const status = isRecord(response) && typeof response["status"] === "number" ? response["status"] : null
  const error = stringField(thrown, "error") || stringField(thrown, "code") || "request_failed"
  const description = stringField(thrown, "error_description") || stringField(thrown, "originalMessage")
  return { error, description, status }
}

/**
 * The token side of OAuth, through intuit-oauth (accounting scope, logging off). Only token calls go through it;
 * the Accounting API goes through `QboClient`.
 */
export interface IntuitOAuth {
  readonly authorizeUrl: (state: string) => string
  /** Exchanges the code in the callback URL; the JSON is the token endpoint's answer. */
  readonly exchangeCode: (callbackUrl: string) => Effect.Effect<unknown, QboConnectFailed | QboTokenRequestFailed>
  readonly refresh: (
    refreshToken: Redacted.Redacted<string>,
    realmId: string
  ) => Effect.Effect<unknown, QboReconnectRequired | QboTokenRequestFailed>
}

export const makeIntuitOAuth = (settings: QboSettings): IntuitOAuth => {
  const client = new OAuthClient({
    clientId: settings.clientId,
    clientSecret: Redacted.value(settings.clientSecret),
    environment: settings.environment,
    redirectUri: settings.redirectUri,
    logging: false
  })
  // intuit-oauth keeps its endpoints in class-level statics shared by every client in the process, so they are
  // set, all four, right before each call (its calls read them synchronously).
  const pointAtEndpoints = (): void => {
    client.setAuthorizeURLs({
      authorizeEndpoint: settings.endpoints.authorize,
      tokenEndpoint: settings.endpoints.token,
      revokeEndpoint: settings.endpoints.revoke,
      userInfoEndpoint: settings.endpoints.userInfo
    })
  }
  const call = <E>(
    run: () => Promise<{ readonly json: unknown }>,
    onError: (failure: { error: string; description: string; status: number | null }) => E,
    onTimeout: () => E
  ): Effect.Effect<unknown, E> =>
    Effect.tryPromise({ try: run, catch: (thrown) => onError(describe(thrown)) }).pipe(
      Effect.timeoutFail({ duration: tokenCallTimeout, onTimeout }),
      Effect.map((response) => response.json)
    )

  return {
    authorizeUrl: (state) => {
      pointAtEndpoints()
      return client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state })
    },
    exchangeCode: (callbackUrl) =>
      call(
        () => {
          pointAtEndpoints()
          return client.createToken(callbackUrl)
        },
        (failure) =>
          failure.error === "invalid_grant"
            ? new QboConnectFailed({ reason: "Intuit rejected the authorization code (invalid_grant); it is single-use and expires after a few minutes" })
            : new QboTokenRequestFailed({ operation: "exchange code", ...failure }),
        () => new QboTokenRequestFailed({ operation: "exchange code", error: "timeout", description: "no answer in 30 s", status: null })
      ).pipe(Effect.withSpan("IntuitOAuth.exchangeCode")),
    refresh: (refreshToken, realmId) =>
      call(
        () => {
          pointAtEndpoints()
          // refreshUsingToken, not refresh(): refresh() first checks expiry by the local clock and throws a
          // plain Error, hiding Intuit's own verdict.
          return client.refreshUsingToken(Redacted.value(refreshToken))
        },
        (failure) =>
          failure.error === "invalid_grant"
            ? new QboReconnectRequired({ realmId, error: failure.error, description: failure.description || "Token invalid" })
            : new QboTokenRequestFailed({ operation: "refresh", ...failure }),
        () => new QboTokenRequestFailed({ operation: "refresh", error: "timeout", description: "no answer in 30 s", status: null })
      ).pipe(Effect.withSpan("IntuitOAuth.refresh"))
  }
}
