import { Config, Context, Duration, Effect, Layer, Option, Schedule } from "effect"
import { readSettings, type SettingsError } from "../../SettingsError.ts"
import { qboSettingsGuide } from "./QboConfig.ts"
import type { QboProgress } from "./QboProgress.ts"

export interface QboLimits {
  /** QBO: 10 requests a second per company and app, counted as they arrive. */
  readonly perSecond: number
  /** QBO: 500 requests a minute per company, counted as they arrive. */
  readonly perMinute: number
  /** QBO: 40 batch requests a minute per company and app. */
  readonly batchPerMinute: number
  /** QBO (older policy, still the safe reading): 10 requests in flight at once per company and app. */
  readonly concurrent: number
  /** The windows' lengths: QBO's are 1 s and 60 s. Only a test against a local server shortens them. */
  readonly secondMillis: number
  readonly minuteMillis: number
  /**
   * Added to each window when pacing. The client counts a request when it goes on the wire (`QboWireTime`) and
   * QBO when it arrives; the margin covers how much the delay between the two varies from one request to another.
   * 10 starts per 1.2 s is exactly 500 a minute, so the second's margin costs nothing in a long pull; the
   * minute's costs under 1 %.
   */
  readonly secondMarginMillis: number
  readonly minuteMarginMillis: number
}

export interface QboClientOptions {
  /** Rows per query page; QBO's maximum is 1,000. */
  readonly pageSize: number
  /** Query pages requested at once; the limiter keeps all requests together under `limits.concurrent`. */
  readonly pageConcurrency: number
  /** QBO times requests out at 120 s on its side. */
  readonly requestTimeout: Duration.DurationInput
  /** QBO: "on HTTP 429 wait 60 s before retrying". */
  readonly throttleWait: Duration.DurationInput
  readonly maxThrottleWaits: number
  /** First back-off after a timeout, dropped connection or 5xx; it doubles on each retry. */
  readonly retryBase: Duration.DurationInput
  readonly maxRetries: number
  readonly limits: QboLimits
  readonly minorVersion: string
  readonly onProgress: (event: QboProgress) => Effect.Effect<void>
}

export const qboLimits: QboLimits = {
  perSecond: 10,
  perMinute: 500,
  batchPerMinute: 40,
  concurrent: 10,
  secondMillis: 1_000,
  minuteMillis: 60_000,
  secondMarginMillis: 200,
  minuteMarginMillis: 500
}

export const defaultQboClientOptions: QboClientOptions = {
  pageSize: 1_000,
  pageConcurrency: 10,
  requestTimeout: Duration.seconds(100),
  throttleWait: Duration.seconds(60),
  maxThrottleWaits: 5,
  retryBase: Duration.millis(500),
  maxRetries: 4,
  limits: qboLimits,
  minorVersion: "75",
  onProgress: () => Effect.void
}

/** Tuning for `QboClient`; QBO's documented values unless a test or a terminal provides its own. */
export class QboClientSettings extends Context.Reference<QboClientSettings>()("reconcile/QboClientSettings", {
  defaultValue: () => defaultQboClientOptions
}) {}

/**
 * `base` with what the environment overrides:
 * - `QBO_THROTTLE_WAIT_MS` the wait after an HTTP 429 before trying again (default QBO's 60 s). Only for a local
 *   QBO server whose throttling is being tested; against Intuit leave it unset, as a shorter wait is refused again.
 */
export const qboClientOptionsFromEnv = (base: QboClientOptions = defaultQboClientOptions): Effect.Effect<QboClientOptions, SettingsError> =>
  readSettings(
    Config.option(
      Config.integer("QBO_THROTTLE_WAIT_MS").pipe(
        Config.validate({ message: "QBO_THROTTLE_WAIT_MS must be a whole number of milliseconds, 0 or more", validation: (n) => n >= 0 })
      )
    ),
    qboSettingsGuide
  ).pipe(
    Effect.map(
      Option.match({
        onNone: () => base,
        onSome: (millis): QboClientOptions => ({ ...base, throttleWait: Duration.millis(millis) })
      })
    )
  )

/** `qboClientOptionsFromEnv(base)` as the client's settings. */
export const qboClientSettingsFromEnv = (base: QboClientOptions = defaultQboClientOptions): Layer.Layer<never, SettingsError> =>
  Layer.effect(QboClientSettings, qboClientOptionsFromEnv(base))

/** Retry policy for timeouts, dropped connections and 5xx: exponential back-off with jitter, bounded. */
export const transientRetrySchedule = (options: QboClientOptions) =>
  Schedule.exponential(options.retryBase, 2).pipe(Schedule.jittered, Schedule.intersect(Schedule.recurs(options.maxRetries)))

/** Retry policy for 429: QBO asks for a fixed 60 s wait. */
export const throttleRetrySchedule = (options: QboClientOptions) =>
  Schedule.spaced(options.throttleWait).pipe(Schedule.intersect(Schedule.recurs(options.maxThrottleWaits)))
