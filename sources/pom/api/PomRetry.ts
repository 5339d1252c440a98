import { Duration, Effect, Option, Schedule, Schema } from "effect"
import { PomRateLimited, PomUnavailable, type PomApiError } from "./PomApiError.ts"
import type { PomRetrySettings } from "./PomConfig.ts"
import { reportPomProgress } from "./PomProgress.ts"

/**
 * A failed attempt worth repeating: 429, 5xx, a timeout or a dropped connection. Never leaves this module's
 * callers: once retries run out it becomes PomRateLimited or PomUnavailable.
 */
export class PomTransient extends Schema.TaggedError<PomTransient>()("PomTransient", {
  operation: Schema.String,
  reason: Schema.Literal("rate-limited", "server-error", "timeout", "connection"),
  detail: Schema.String,
  /** From the server's `Retry-After`, when it sent one. */
  retryAfterMillis: Schema.NullOr(Schema.Number)
}) {}

/** `Retry-After` is either whole seconds or an HTTP date; fractions of seconds are accepted too. */
export const parseRetryAfter = (header: string | undefined, now: number): Option.Option<Duration.Duration> => {
  const value = header?.trim() ?? ""
  if (value === "") return Option.none()
  if (/^\d+(\.\d+)?$/.test(value)) return Option.some(Duration.seconds(Number(value)))
  const at = Date.parse(value)
  return Number.isNaN(at) ? Option.none() : Option.some(Duration.millis(Math.max(0, at - now)))
}

const waitBefore = (failure: unknown, backoff: Duration.Duration, settings: PomRetrySettings): Duration.Duration => {
  const asked = failure instanceof PomTransient && failure.retryAfterMillis !== null ? Duration.millis(failure.retryAfterMillis) : backoff
  return Duration.min(asked, settings.maxDelay)
}

/**
 * Exponential backoff from `baseDelay`, doubled per retry and capped at `maxDelay`, for `maxRetries` retries.
 * When POM says how long to wait (`Retry-After` on a 429) that wait is used instead. Each wait is reported
 * through PomProgress before it starts.
 */
export const pomRetryPolicy = <E>(settings: PomRetrySettings) =>
  Schedule.identity<E>().pipe(
    Schedule.zipWith(Schedule.exponential(settings.baseDelay, 2), (failure, backoff) => ({ failure, backoff })),
    Schedule.zipWith(Schedule.recurs(settings.maxRetries), ({ failure, backoff }, retry) => ({
      failure,
      attempt: retry + 1,
      delay: waitBefore(failure, backoff, settings)
    })),
    Schedule.modifyDelay(({ delay }) => delay),
    Schedule.tapOutput(({ failure, attempt, delay }) =>
      failure instanceof PomTransient
        ? reportPomProgress({ _tag: "Waiting", operation: failure.operation, reason: failure.reason, attempt, delay })
        : Effect.void
    )
  )

/** Runs `self` again on transient failures per `pomRetryPolicy`; what still fails after that is reported as final. */
export const withPomRetries =
  (settings: PomRetrySettings) =>
  <A, R>(self: Effect.Effect<A, PomTransient | PomApiError, R>): Effect.Effect<A, PomApiError, R> =>
    self.pipe(
      Effect.retry({
        schedule: pomRetryPolicy<PomTransient | PomApiError>(settings),
        while: (error) => error instanceof PomTransient
      }),
      Effect.catchTag("PomTransient", (last) => {
        const attempts = settings.maxRetries + 1
        return Effect.fail(
          last.reason === "rate-limited"
            ? new PomRateLimited({ operation: last.operation, attempts })
            : new PomUnavailable({ operation: last.operation, attempts, detail: last.detail })
        )
      })
    )
