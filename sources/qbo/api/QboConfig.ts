import { Config, Context, Effect, Layer, Option, type Redacted } from "effect"
import { readSettings, type SettingsError, type SettingsGuide } from "../../SettingsError.ts"

/**
 * How to reach QuickBooks Online. Every setting the QBO side reads, all from the environment:
 *
 * - `QBO_CLIENT_ID`     OAuth client id of the Intuit app (required).
 * - `QBO_CLIENT_SECRET` its client secret (required; held as `Redacted`, never logged).
 * - `QBO_REDIRECT_URI`  where Intuit sends the browser back after consent; must match the app's settings exactly.
 *                       Default `http://localhost:8765/callback` (`reconcile qbo connect` listens there).
 * - `QBO_ENVIRONMENT`   `sandbox` (default) or `production`.
 * - `QBO_BASE_URL`      points the whole client, Accounting API and OAuth endpoints alike, at another server,
 *                       e.g. the local QBO server (`test/servers/qbo/main.ts`). Unset for Intuit.
 * - `QBO_REALM_ID`      the company to work on. Default: the company the stored token was issued for.
 * - `QBO_THROTTLE_WAIT_MS` the wait after a 429 (default 60000), for a local server's throttling tests only; read by
 *                       `qboClientSettingsFromEnv` in QboClientSettings.ts.
 */
export type QboEnvironment = "sandbox" | "production"

export interface QboEndpoints {
  /** Accounting API root; requests go to `{api}/v3/company/{realmId}/...`. */
  readonly api: string
  readonly authorize: string
  readonly token: string
  readonly revoke: string
  readonly userInfo: string
}

export interface QboSettings {
  readonly clientId: string
  readonly clientSecret: Redacted.Redacted<string>
  readonly redirectUri: string
  readonly environment: QboEnvironment
  readonly baseUrl: Option.Option<string>
  readonly realmId: Option.Option<string>
  readonly endpoints: QboEndpoints
}

// Intuit's published endpoints (intuit-oauth 4.2.5 `OAuthClient` statics).
const intuitEndpoints = (environment: QboEnvironment): QboEndpoints => ({
  api: environment === "production" ? "https://quickbooks.api.intuit.com" : "https://sandbox-quickbooks.api.intuit.com",
  authorize: "https://appcenter.intuit.com/connect/oauth2",
  token: "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
  revoke: "https://developer.api.intuit.com/v2/oauth2/tokens/revoke",
  userInfo:
    environment === "production"
      ? "https://accounts.platform.intuit.com/v1/openid_connect/userinfo"
      : "https://sandbox-accounts.platform.intuit.com/v1/openid_connect/userinfo"
})

/** The same paths on another host: the local QBO server serves all of them. */
const endpointsAt = (baseUrl: string): QboEndpoints => {
  const base = baseUrl.replace(/\/+$/, "")
  return {
    api: base,
    authorize: `${base}/connect/oauth2`,
    token: `${base}/oauth2/v1/tokens/bearer`,
    revoke: `${base}/oauth2/v1/tokens/revoke`,
    userInfo: `${base}/v1/openid_connect/userinfo`
  }
}

export const makeQboSettings = (input: {
  readonly clientId: string
  readonly clientSecret: Redacted.Redacted<string>
  readonly redirectUri?: string
  readonly environment?: QboEnvironment
  readonly baseUrl?: string
  readonly realmId?: string
}): QboSettings => {
  const environment = input.environment ?? "sandbox"
  const baseUrl = Option.fromNullable(input.baseUrl)
  return {
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    redirectUri: input.redirectUri ?? "http://localhost:8765/callback",
    environment,
    baseUrl,
    realmId: Option.fromNullable(input.realmId),
    endpoints: Option.match(baseUrl, { onNone: () => intuitEndpoints(environment), onSome: endpointsAt })
  }
}

/** The QBO settings read from the environment (see the list above). */
export const qboSettingsConfig: Config.Config<QboSettings> = Config.all({
  clientId: Config.string("QBO_CLIENT_ID"),
  clientSecret: Config.redacted("QBO_CLIENT_SECRET"),
  redirectUri: Config.string("QBO_REDIRECT_URI").pipe(Config.withDefault("http://localhost:8765/callback")),
  environment: Config.literal("sandbox", "production")("QBO_ENVIRONMENT").pipe(Config.withDefault("sandbox")),
  baseUrl: Config.option(
    Config.string("QBO_BASE_URL").pipe(
      Config.validate({
        message: "QBO_BASE_URL must be an http(s) address such as http://localhost:8766 (or unset, for Intuit)",
        validation: (url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)
      })
    )
  ),
  realmId: Config.option(Config.string("QBO_REALM_ID"))
}).pipe(
  Config.map(({ baseUrl, realmId, ...rest }) =>
    makeQboSettings({
      ...rest,
      ...Option.match(baseUrl, { onNone: () => ({}), onSome: (url) => ({ baseUrl: new URL(url).toString() }) }),
      ...Option.match(realmId, { onNone: () => ({}), onSome: (id) => ({ realmId: id }) })
    })
  )
)

/** Every QBO setting with what it is for, for the message that asks for a missing one. */
export const qboSettingsGuide: SettingsGuide = {
  system: "QuickBooks Online",
  readmeSection: "Connecting to QuickBooks Online",
  settings: {
    QBO_CLIENT_ID: "the client id of your Intuit app, under Keys & credentials at developer.intuit.com",
    QBO_CLIENT_SECRET: "that app's client secret",
    QBO_REDIRECT_URI: "the redirect URI registered in the app, default http://localhost:8765/callback",
    QBO_ENVIRONMENT: "sandbox or production",
    QBO_BASE_URL: "another server to use instead of Intuit's; unset for Intuit",
    QBO_REALM_ID: "the QuickBooks company to work on",
    QBO_THROTTLE_WAIT_MS: "the wait after QBO answers 429, for a local test server only"
  }
}

export class QboConfig extends Context.Tag("reconcile/QboConfig")<QboConfig, QboSettings>() {
  /** Reads the settings from the environment; a missing or unusable one is a `SettingsError` saying what to set. */
  static readonly layer: Layer.Layer<QboConfig, SettingsError> = Layer.effect(
    QboConfig,
    Effect.gen(function* () {
      return yield* readSettings(qboSettingsConfig, qboSettingsGuide)
    })
  )

  static readonly make = (input: Parameters<typeof makeQboSettings>[0]): Layer.Layer<QboConfig> =>
    Layer.succeed(QboConfig, makeQboSettings(input))
}
