import { HttpClient } from "@effect/platform"
import { Clock, Effect, Option, Redacted, Schema, SynchronizedRef } from "effect"
import { randomUUID } from "node:crypto"
import { PomProtocolError, PomUnauthorized, type PomApiError } from "./PomApiError.ts"
import { PomConfig, type PomAuthSettings } from "./PomConfig.ts"
import { reportPomProgress } from "./PomProgress.ts"
import { withPomRetries } from "./PomRetry.ts"
import { postPomJson, type PomAnswer } from "./postPomJson.ts"

interface Session {
  readonly access: Redacted.Redacted
  readonly refresh: Option.Option<Redacted.Redacted>
  /** Epoch millis; never for a token given in POM_API_TOKEN. */
  readonly expiresAt: number
}

const TokenAnswer = Schema.Struct({
  access_token: Schema.String,
  refresh_token: Schema.optional(Schema.String),
  expires_in: Schema.Number
})

const CodeAnswer = Schema.Struct({ code: Schema.String, state: Schema.optional(Schema.NullOr(Schema.String)) })

const OAuthFailure = Schema.Struct({
  error: Schema.optional(Schema.String),
  error_description: Schema.optional(Schema.String)
})

// Renew a little before POM's expiry, so a request never leaves with a token that dies on the way.
const expirySkewMillis = 60_000

const signInHint = "Check POM_EMAIL, POM_PASSWORD, POM_REALM and POM_CLIENT_ID, then run again."

const refusal = (answer: PomAnswer): string => {
  const body = Option.flatMap(answer.json, Schema.decodeUnknownOption(OAuthFailure))
  const error = Option.flatMap(body, (b) => Option.fromNullable(b.error))
  const description = Option.flatMap(body, (b) => Option.fromNullable(b.error_description))
  return [`HTTP ${answer.status}`, ...Option.toArray(error), ...Option.toArray(description)].join(", ")
}

/**
 * Holds the POM session: the token from POM_API_TOKEN, or one obtained by signing in (`/m/authorize` then
 * `/oauth/token`) and renewed with the refresh token. Tokens and the password stay Redacted throughout.
 */
export class PomAuth extends Effect.Service<PomAuth>()("reconcile/PomAuth", {
  effect: Effect.gen(function* () {
    const settings = yield* PomConfig
    const client = yield* HttpClient.HttpClient
    const auth: PomAuthSettings = settings.auth
    const session = yield* SynchronizedRef.make<Option.Option<Session>>(
      auth._tag === "Token" ? Option.some({ access: auth.token, refresh: Option.none(), expiresAt: Infinity }) : Option.none()
    )

    const post = (operation: string, path: string, body: unknown) =>
      postPomJson(client, { operation, url: `${settings.apiUrl}${path}`, body, timeout: settings.requestTimeout }).pipe(
        withPomRetries(settings.retry)
      )

    const sessionFrom = (operation: string, answer: PomAnswer): Effect.Effect<Session, PomApiError> =>
      Effect.gen(function* () {
        if (answer.status !== 200) return yield* new PomUnauthorized({ operation, detail: refusal(answer) })
        // The answer holds the tokens: a decoding error would quote them, so it is replaced by a plain statement.
        const tokens = yield* Option.match(Option.flatMap(answer.json, Schema.decodeUnknownOption(TokenAnswer)), {
          onNone: () => new PomProtocolError({ operation, detail: "the token answer lacks access_token or expires_in" }),
          onSome: Effect.succeed
        })
        const now = yield* Clock.currentTimeMillis
        return {
          access: Redacted.make(tokens.access_token),
          refresh: Option.map(Option.fromNullable(tokens.refresh_token), Redacted.make),
          expiresAt: now + tokens.expires_in * 1000
        }
      })

    const signIn: Effect.Effect<Session, PomApiError> = Effect.gen(function* () {
      if (auth._tag === "Token") return yield* new PomUnauthorized({ operation: "sign-in", detail: "no sign-in configured" })
      const state = randomUUID()
      const authorized = yield* post("sign-in", "/m/authorize", {
        email: auth.email,
        password: Redacted.value(auth.password),
        realm: auth.realm,
        clientId: auth.clientId,
        redirectUri: auth.redirectUri,
        state
      })
      if (authorized.status !== 200) {
        return yield* new PomUnauthorized({
          operation: "sign-in",
          detail: `POM refused the sign-in for ${auth.email} (${refusal(authorized)}). ${signInHint}`
        })
      }
      const code = yield* Option.match(Option.flatMap(authorized.json, Schema.decodeUnknownOption(CodeAnswer)), {
        onNone: () => new PomProtocolError({ operation: "sign-in", detail: "the /m/authorize answer has no code" }),
        onSome: Effect.succeed
      })
      if (code.state !== undefined && code.state !== null && code.state !== state) {
        return yield* new PomProtocolError({ operation: "sign-in", detail: "the /m/authorize answer carries another request's state" })
      }
      const exchanged = yield* post("token exchange", "/oauth/token", {
        grant_type: "authorization_code",
        code: code.code,
        redirect_uri: auth.redirectUri,
        client_id: auth.clientId
      })
      return yield* sessionFrom("token exchange", exchanged).pipe(
        Effect.catchTag("PomUnauthorized", (e) =>
          Effect.fail(new PomUnauthorized({ operation: e.operation, detail: `POM did not issue a token (${e.detail}). ${signInHint}` }))
        )
      )
    })

    const refresh = (current: Session): Effect.Effect<Session, PomApiError> =>
      Effect.gen(function* () {
        if (auth._tag === "Token") {
          return yield* new PomUnauthorized({
            operation: "renew session",
            detail:
              "POM rejected POM_API_TOKEN (expired or revoked). Issue a new token in POM, or set POM_EMAIL, POM_PASSWORD, POM_CLIENT_ID and POM_REALM instead so the session renews itself."
          })
        }
        if (Option.isNone(current.refresh)) return yield* signIn
        const answer = yield* post("renew session", "/oauth/token", {
          grant_type: "refresh_token",
          refresh_token: Redacted.value(current.refresh.value),
          client_id: auth.clientId
        })
        const renewed = yield* sessionFrom("renew session", answer).pipe(
          Effect.catchTag("PomUnauthorized", (e) =>
            Effect.fail(
              new PomUnauthorized({
                operation: e.operation,
                detail: `POM would not renew the session with the refresh token (${e.detail}); it may have been revoked or used elsewhere. ${signInHint}`
              })
            )
          )
        )
        yield* reportPomProgress({ _tag: "SessionRenewed" })
        return renewed
      })

    /** A token to send now: signs in on first use, renews one that is about to expire. */
    const accessToken: Effect.Effect<Redacted.Redacted, PomApiError> = SynchronizedRef.modifyEffect(session, (current) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const usable = Option.filter(current, (s) => s.expiresAt - expirySkewMillis > now)
        if (Option.isSome(usable)) return [usable.value.access, current] as const
        const next = Option.isSome(current) ? yield* refresh(current.value) : yield* signIn
        return [next.access, Option.some(next)] as const
      })
    )

    /**
     * POM rejected `rejected`: renew the session once. A concurrent caller that already renewed it is not
     * renewed again; its token is returned instead.
     */
    const renew = (rejected: Redacted.Redacted): Effect.Effect<Redacted.Redacted, PomApiError> =>
      SynchronizedRef.modifyEffect(session, (current) =>
        Effect.gen(function* () {
          if (Option.isSome(current) && Redacted.value(current.value.access) !== Redacted.value(rejected)) {
            return [current.value.access, current] as const
          }
          const next = Option.isSome(current) ? yield* refresh(current.value) : yield* signIn
          return [next.access, Option.some(next)] as const
        })
      )

    return { accessToken, renew } as const
  })
}) {}
