import { HttpClient, HttpClientRequest } from "@effect/platform"
import { Duration, Effect, Redacted, Ref, Schedule, ScheduleDecision } from "effect"
import { QboAuth, type QboSession } from "./QboAuth.ts"
import { type QboClientOptions, QboClientSettings, throttleRetrySchedule, transientRetrySchedule } from "./QboClientSettings.ts"
import { QboConfig } from "./QboConfig.ts"
import { QboProgress } from "./QboProgress.ts"
import { makeQboRateLimiter } from "./QboRateLimiter.ts"
import { type QboRequestError, QboThrottled, QboUnauthorized, QboUnavailable } from "./QboRequestErrors.ts"
import { type InterpretError, interpretResponse, type QboRejected, QboRetryable } from "./QboResponses.ts"
import { tellWhenWritten } from "./QboWireTime.ts"

/** One Accounting API call, addressed relative to `/v3/company/{realmId}/`. */
export interface QboCall {
  /** For people: what is being done, e.g. "update Invoice 239". */
  readonly operation: string
  readonly method: "GET" | "POST"
  readonly path: string
  readonly params?: Readonly<Record<string, string>>
  readonly body?: unknown
  /** Sent as `requestid`, so that QBO answers a resend with the first answer instead of acting again. */
  readonly requestId?: string
  readonly isBatch?: boolean
}

export interface QboHttpShape {
  /** Sends the call with pacing, retries and token refresh; the answer is QBO's JSON. */
  readonly send: (call: QboCall) => Effect.Effect<unknown, QboRequestError>
  readonly options: QboClientOptions
}

const isRetryable = (error: InterpretError): error is QboRetryable => error._tag === "QboRetryable"

/** Per call: how many attempts were made, and why the last one failed (for progress and the final error). */
interface Tries {
  readonly count: number
  readonly lastFailure: string
}

const describeFailure = (error: InterpretError): string =>
  error._tag === "QboRetryable" ? `${error.reason}${error.status === null ? "" : ` HTTP ${error.status}`}` : error._tag

/**
 * The transport under `QboClient`: every request is paced under QBO's limits for its company, carries
 * `minorversion`, is retried with back-off on timeouts, dropped connections and 5xx, waits out 429s, and
 * refreshes the token once on 401.
 */
export const makeQboHttp: Effect.Effect<QboHttpShape, never, HttpClient.HttpClient | QboAuth | QboConfig> = Effect.gen(function* () {
  const http = yield* HttpClient.HttpClient
  const auth = yield* QboAuth
  const settings = yield* QboConfig
  const options = yield* QboClientSettings
  const limiter = makeQboRateLimiter(options.limits)
  const throttleWaitMillis = Duration.toMillis(Duration.decode(options.throttleWait))
  const onPacingWait = (millis: number) => options.onProgress(QboProgress.RateLimitWait({ millis, reason: "pacing" }))

  const attempt = (call: QboCall, session: QboSession, tries: Ref.Ref<Tries>): Effect.Effect<unknown, InterpretError> =>
    Effect.gen(function* () {
      yield* Ref.update(tries, (t) => ({ ...t, count: t.count + 1 }))
      const url = `${settings.endpoints.api}/v3/company/${encodeURIComponent(session.realmId)}/${call.path}`
      const base = HttpClientRequest.make(call.method)(url, {
        urlParams: {
          ...call.params,
          minorversion: options.minorVersion,
          ...(call.requestId === undefined ? {} : { requestid: call.requestId })
        },
        acceptJson: true
      }).pipe(HttpClientRequest.bearerToken(Redacted.value(session.accessToken)))
      const request = call.body === undefined ? base : HttpClientRequest.bodyUnsafeJson(base, call.body)
      const exchange = http.execute(request).pipe(
        Effect.flatMap((response) => Effect.map(response.text, (text) => ({ status: response.status, text }))),
        Effect.timeoutFail({
          duration: options.requestTimeout,
          onTimeout: () => new QboRetryable({ reason: "timeout", status: null, detail: "no answer in time" })
        }),
        Effect.catchTags({
          RequestError: (error) => Effect.fail(new QboRetryable({ reason: "connection", status: null, detail: error.reason })),
          ResponseError: (error) => Effect.fail(new QboRetryable({ reason: "connection", status: error.response.status, detail: error.reason }))
        })
      )
      const answer = yield* limiter.paced(session.realmId, call.isBatch === true, onPacingWait, (onWritten) => tellWhenWritten(exchange, onWritten))
      return yield* interpretResponse(answer.status, answer.text, { operation: call.operation, requestId: call.requestId ?? null })
    }).pipe(Effect.tapError((error) => Ref.update(tries, (t) => ({ ...t, lastFailure: describeFailure(error) }))))

  const withRetries = (call: QboCall, session: QboSession, tries: Ref.Ref<Tries>): Effect.Effect<unknown, InterpretError> =>
    attempt(call, session, tries).pipe(
      Effect.retry({
        schedule: transientRetrySchedule(options).pipe(
          Schedule.onDecision((_, decision) =>
            ScheduleDecision.isContinue(decision)
              ? Effect.flatMap(Ref.get(tries), (t) => options.onProgress(QboProgress.Retrying({ operation: call.operation, reason: t.lastFailure })))
              : Effect.void
          )
        ),
        while: (error) => isRetryable(error) && error.reason !== "throttled"
      }),
      Effect.retry({
        schedule: throttleRetrySchedule(options).pipe(
          Schedule.onDecision((_, decision) =>
            ScheduleDecision.isContinue(decision)
              ? options.onProgress(QboProgress.RateLimitWait({ millis: throttleWaitMillis, reason: "throttled" }))
              : Effect.void
          )
        ),
        while: (error) => isRetryable(error) && error.reason === "throttled"
      })
    )

  const send = (call: QboCall): Effect.Effect<unknown, QboRequestError> =>
    Effect.gen(function* () {
      const tries = yield* Ref.make<Tries>({ count: 0, lastFailure: "" })
      const session = yield* auth.session
      const giveUp = (error: QboRetryable | QboRejected, realmId: string) =>
        Effect.flatMap(Ref.get(tries), ({ count }) =>
          Effect.fail(
            error._tag === "QboRejected"
              ? new QboUnauthorized({ operation: call.operation, realmId, status: error.status, detail: error.detail })
              : error.reason === "throttled"
                ? new QboThrottled({ operation: call.operation, attempts: count })
                : new QboUnavailable({ operation: call.operation, reason: error.reason, status: error.status, attempts: count, detail: error.detail })
          )
        )
      return yield* withRetries(call, session, tries).pipe(
        Effect.catchTag("QboRejected", (rejected) =>
          rejected.status !== 401
            ? Effect.fail(rejected)
            : auth.afterRejection(session.accessToken).pipe(
                Effect.tap((renewed) => options.onProgress(QboProgress.TokenRefreshed({ realmId: renewed.realmId }))),
                Effect.flatMap((renewed) => withRetries(call, renewed, tries))
              )
        ),
        Effect.catchTags({
          QboRetryable: (error) => giveUp(error, session.realmId),
          QboRejected: (error) => giveUp(error, session.realmId)
        })
      )
    }).pipe(Effect.withSpan("QboHttp.send", { attributes: { operation: call.operation } }))

  return { send, options }
})
