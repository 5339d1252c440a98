import { Config, Context, Duration, Layer, type Redacted } from "effect"
import { readSettings, type SettingsGuide } from "../../SettingsError.ts"

/** A token issued by POM, or a sign-in the client trades for tokens (and renews) itself. */
export type PomAuthSettings =
  | { readonly _tag: "Token"; readonly token: Redacted.Redacted }
  | {
      readonly _tag: "SignIn"
      readonly email: string
      readonly password: Redacted.Redacted
      readonly clientId: string
      readonly realm: string
      readonly redirectUri: string
    }

export interface PomRetrySettings {
  /** Retries after the first attempt, for 429, 5xx, timeouts and dropped connections. */
  readonly maxRetries: number
  /** First backoff wait; each retry doubles it. */
  readonly baseDelay: Duration.Duration
  /** No single wait is longer, whatever `Retry-After` asks for. */
  readonly maxDelay: Duration.Duration
}

export interface PomSettings {
  /** Base URL without a trailing slash: GraphQL at `${apiUrl}/graphql`, sign-in at `/m/authorize`, `/oauth/token`. */
  readonly apiUrl: string
  readonly auth: PomAuthSettings
  /** Customers per page, 1..100 (POM's maximum). */
  readonly pageSize: number
  /** Per HTTP attempt, body included. */
  readonly requestTimeout: Duration.Duration
  readonly retry: PomRetrySettings
}

export const maxPomPageSize = 100

const apiUrl = Config.string("POM_API_URL").pipe(
  Config.validate({
    message: "POM_API_URL must be an http(s) URL such as https://api.poolservicemanager.com",
    validation: (url) => /^https?:\/\/[^\s/]+/.test(url)
  }),
  Config.map((url) => url.replace(/\/+$/, ""))
)

const tokenAuth: Config.Config<PomAuthSettings> = Config.redacted("POM_API_TOKEN").pipe(
  Config.map((token) => ({ _tag: "Token", token }))
)

const signInAuth: Config.Config<PomAuthSettings> = Config.all({
  email: Config.string("POM_EMAIL"),
  password: Config.redacted("POM_PASSWORD"),
  clientId: Config.string("POM_CLIENT_ID"),
  realm: Config.string("POM_REALM"),
  // The code comes back in the JSON answer, never through a redirect; POM still wants a URI it knows.
  redirectUri: Config.string("POM_REDIRECT_URI").pipe(Config.withDefault("urn:ietf:wg:oauth:2.0:oob"))
}).pipe(Config.map((signIn) => ({ _tag: "SignIn", ...signIn })))

const positiveInteger = (name: string, fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  Config.integer(name).pipe(
    Config.withDefault(fallback),
    Config.validate({ message: `${name} must be a whole number from 1 to ${max}`, validation: (n) => n >= 1 && n <= max })
  )

/**
 * Reads the POM settings: `POM_API_URL`; either `POM_API_TOKEN`, or `POM_EMAIL` + `POM_PASSWORD` +
 * `POM_CLIENT_ID` + `POM_REALM` (+ `POM_REDIRECT_URI`); `POM_PAGE_SIZE` (default 100), `POM_REQUEST_TIMEOUT_MS`
 * (default 30000), `POM_MAX_RETRIES` (default 5), `POM_RETRY_BASE_MS` (default 500), `POM_MAX_WAIT_SECONDS`
 * (default 60).
 */
export const pomSettings: Config.Config<PomSettings> = Config.all({
  apiUrl,
  auth: Config.orElse(tokenAuth, () => signInAuth),
  pageSize: positiveInteger("POM_PAGE_SIZE", maxPomPageSize, maxPomPageSize),
  requestTimeout: positiveInteger("POM_REQUEST_TIMEOUT_MS", 30_000).pipe(Config.map(Duration.millis)),
  retry: Config.all({
    maxRetries: Config.integer("POM_MAX_RETRIES").pipe(
      Config.withDefault(5),
      Config.validate({ message: "POM_MAX_RETRIES must be 0 or more", validation: (n) => n >= 0 })
    ),
    baseDelay: positiveInteger("POM_RETRY_BASE_MS", 500).pipe(Config.map(Duration.millis)),
    maxDelay: positiveInteger("POM_MAX_WAIT_SECONDS", 60).pipe(Config.map(Duration.seconds))
  })
})

/** Every POM setting with what it is for, for the message that asks for a missing one. */
export const pomSettingsGuide: SettingsGuide = {
  system: "POM",
  readmeSection: "Connecting to POM",
  settings: {
    POM_API_URL: "POM's API address, such as https://api.poolservicemanager.com",
    POM_API_TOKEN: "an API access token from POM support",
    POM_EMAIL: "the email of the POM user to sign in as",
    POM_PASSWORD: "that user's password",
    POM_CLIENT_ID: "the API client id from POM support",
    POM_REALM: "your organization's realm in POM",
    POM_REDIRECT_URI: "the redirect URI POM knows for the client",
    POM_PAGE_SIZE: "customers per page, 1 to 100",
    POM_REQUEST_TIMEOUT_MS: "the time allowed for one request, in milliseconds",
    POM_MAX_RETRIES: "retries of a failed request",
    POM_RETRY_BASE_MS: "the first wait before a retry, in milliseconds",
    POM_MAX_WAIT_SECONDS: "the longest wait before a retry, in seconds"
  }
}

export class PomConfig extends Context.Tag("reconcile/PomConfig")<PomConfig, PomSettings>() {
  /** From the environment (or whatever ConfigProvider is installed); a missing setting says what to set. */
  static readonly layer = Layer.effect(PomConfig, readSettings(pomSettings, pomSettingsGuide))
  static readonly layerWith = (settings: PomSettings) => Layer.succeed(PomConfig, settings)
}
