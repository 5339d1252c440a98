import { randomUUID } from "node:crypto"
import { DateTime, Duration, Effect, Layer, Option, Redacted } from "effect"
import { makeIntuitOAuth } from "./IntuitOAuth.ts"
import { awaitOAuthCallback } from "./OAuthCallbackServer.ts"
import {
  QboConnectFailed,
  QboNotConnected,
  type QboReconnectRequired,
  type QboTokenRequestFailed,
  type QboTokenResponseInvalid
} from "./QboAuthErrors.ts"
import { QboConfig } from "./QboConfig.ts"
import { type QboTokenSet, tokenSetFromResponse } from "./QboTokenSet.ts"
import { QboTokenStore } from "./QboTokenStore.ts"

/** What a request needs: a bearer token and the company to address. */
export interface QboSession {
  readonly accessToken: Redacted.Redacted<string>
  readonly realmId: string
}

export interface ConnectOptions {
  /** Shows the consent URL to the person (print it, open a browser); the redirect comes back to this process. */
  readonly onAuthorizeUrl: (url: string) => Effect.Effect<void>
  /** How long to wait for the browser to come back; default 5 minutes. */
  readonly timeout?: Duration.DurationInput
}

type SessionError = QboNotConnected | QboReconnectRequired | QboTokenRequestFailed | QboTokenResponseInvalid

/** Refresh a little early, so a token never expires between the check and QBO's. */
const refreshMargin = Duration.seconds(60)

/**
 * OAuth 2.0 for QBO: `connect` runs the authorization-code flow once; `session` hands out a valid access token,
 * refreshing it when it is within 60 s of expiry and saving the rotated refresh token before anything else.
 */
export class QboAuth extends Effect.Service<QboAuth>()("reconcile/QboAuth", {
  effect: Effect.gen(function* () {
    const settings = yield* QboConfig
    const store = yield* QboTokenStore
    const intuit = makeIntuitOAuth(settings)
    // One refresh at a time: with rotation, two concurrent refreshes would race to store their tokens.
    const refreshLock = yield* Effect.makeSemaphore(1)

    const stored = Effect.flatMap(store.load, Option.match({ onNone: () => Effect.fail(new QboNotConnected()), onSome: Effect.succeed }))
    const usable = (tokens: QboTokenSet, now: DateTime.Utc): boolean =>
      DateTime.greaterThan(tokens.accessTokenExpiresAt, DateTime.addDuration(now, refreshMargin))
    const toSession = (tokens: QboTokenSet): QboSession => ({
      accessToken: tokens.accessToken,
      realmId: Option.getOrElse(settings.realmId, () => tokens.realmId)
    })

    const refreshed = (rejected: Option.Option<Redacted.Redacted<string>>) =>
      refreshLock.withPermits(1)(
        Effect.gen(function* () {
          const current = yield* stored
          const now = yield* DateTime.now
          const wasRejected = Option.exists(rejected, (token) => Redacted.value(token) === Redacted.value(current.accessToken))
          // Another fiber may have refreshed while this one waited for the lock.
          if (usable(current, now) && !wasRejected) return current
          const json = yield* intuit.refresh(current.refreshToken, current.realmId)
          const tokens = yield* tokenSetFromResponse(json, current.realmId, yield* DateTime.now)
          yield* store.save(tokens)
          yield* Effect.logInfo("QBO access token refreshed").pipe(Effect.annotateLogs("realmId", tokens.realmId))
          return tokens
        })
      )

    const session: Effect.Effect<QboSession, SessionError> = Effect.gen(function* () {
      const current = yield* stored
      const now = yield* DateTime.now
      return toSession(usable(current, now) ? current : yield* refreshed(Option.none()))
    }).pipe(Effect.withSpan("QboAuth.session"))

    const afterRejection = (rejected: Redacted.Redacted<string>): Effect.Effect<QboSession, SessionError> =>
      refreshed(Option.some(rejected)).pipe(Effect.map(toSession), Effect.withSpan("QboAuth.afterRejection"))

    const connect = (
      options: ConnectOptions
    ): Effect.Effect<QboTokenSet, QboConnectFailed | QboTokenRequestFailed | QboTokenResponseInvalid> =>
      Effect.scoped(
        Effect.gen(function* () {
          const state = randomUUID()
          const callback = yield* awaitOAuthCallback(settings.redirectUri, state)
          yield* options.onAuthorizeUrl(intuit.authorizeUrl(state))
          const timeout = options.timeout ?? Duration.minutes(5)
          const { url, realmId } = yield* callback.pipe(
            Effect.timeoutFail({
              duration: timeout,
              onTimeout: () =>
                new QboConnectFailed({ reason: `the browser did not come back within ${Duration.format(Duration.decode(timeout))}` })
            })
          )
          const json = yield* intuit.exchangeCode(url)
          const tokens = yield* tokenSetFromResponse(json, realmId, yield* DateTime.now)
          yield* store.save(tokens)
          yield* Effect.logInfo("QBO connected").pipe(Effect.annotateLogs("realmId", realmId))
          return tokens
        })
      ).pipe(Effect.withSpan("QboAuth.connect"))

    return {
      /** A valid access token and the company to address, refreshed first if needed. */
      session,
      /** After QBO answered 401 to `rejected`: refresh (unless another fiber already did) and hand out the new one. */
      afterRejection,
      connect
    }
  })
}) {
  /** A fixed session that never refreshes: for tests of code that only needs a client, not OAuth. */
  static readonly fixed = (session: QboSession): Layer.Layer<QboAuth> =>
    Layer.succeed(
      QboAuth,
      QboAuth.make({
        session: Effect.succeed(session),
        afterRejection: () => Effect.succeed(session),
        connect: () => Effect.die("QboAuth.fixed cannot connect")
      })
    )
}
