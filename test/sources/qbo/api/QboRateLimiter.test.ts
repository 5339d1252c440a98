import { describe, expect, it } from "@effect/vitest"
import { Clock, Duration, Effect, Fiber, TestClock } from "effect"
import { type QboLimits, qboLimits } from "../../../../sources/qbo/api/QboClientSettings.ts"
import { makeQboRateLimiter } from "../../../../sources/qbo/api/QboRateLimiter.ts"

const exact: QboLimits = { ...qboLimits, secondMarginMillis: 0, minuteMarginMillis: 0 }

interface Ask {
  readonly isBatch?: boolean
  readonly answerMillis: number
  /** Never tells the limiter it went out, as with an HTTP client that cannot. */
  readonly unsent?: boolean
}

/** Runs the asks at once through one limiter under the test clock; the time each request started, in ask order. */
const startsOf = (limits: QboLimits, asks: ReadonlyArray<Ask>, runFor: Duration.DurationInput) =>
  Effect.gen(function* () {
    const limiter = makeQboRateLimiter(limits)
    const starts: Array<number> = asks.map(() => Number.NaN)
    const fiber = yield* Effect.fork(
      Effect.forEach(
        asks,
        (ask, i) =>
          limiter.paced(
            "realm",
            ask.isBatch === true,
            () => Effect.void,
            (onWritten) =>
              Effect.flatMap(Clock.currentTimeMillis, (now) => {
                starts[i] = now
                if (ask.unsent !== true) onWritten()
                return Effect.sleep(Duration.millis(ask.answerMillis))
              })
          ),
        { concurrency: "unbounded" }
      )
    )
    yield* TestClock.adjust(runFor)
    yield* Fiber.join(fiber)
    return starts
  })

const times = (count: number, ask: Ask): Array<Ask> => Array.from({ length: count }, () => ask)

describe("QboRateLimiter", () => {
  it.effect("counts starts in the last second, not answers: with 1 s answers it starts 10 every second", () =>
    Effect.gen(function* () {
      const starts = yield* startsOf(exact, times(30, { answerMillis: 1_000 }), Duration.seconds(10))
      expect(starts).toEqual([...times(10, { answerMillis: 0 }).map(() => 0), ...Array(10).fill(1_000), ...Array(10).fill(2_000)])
    })
  )

  it.effect("keeps at most `concurrent` requests in flight: the 11th starts when the first answer is in", () =>
    Effect.gen(function* () {
      const starts = yield* startsOf(exact, [...times(10, { answerMillis: 2_500 }), { answerMillis: 10 }], Duration.seconds(10))
      expect(starts.slice(0, 10)).toEqual(Array(10).fill(0))
      expect(starts[10]).toBe(2_500)
    })
  )

  it.effect("holds the minute's limit over a sliding window of starts, and resumes as the oldest leave it", () =>
    Effect.gen(function* () {
      const limits: QboLimits = { ...exact, perMinute: 25 }
      const starts = yield* startsOf(limits, times(30, { answerMillis: 100 }), Duration.minutes(3))
      expect(starts.slice(0, 25)).toEqual([...Array(10).fill(0), ...Array(10).fill(1_000), ...Array(5).fill(2_000)])
      expect(starts.slice(25)).toEqual(Array(5).fill(60_000))
    })
  )

  it.effect("holds batch requests to their own minute's limit while other requests go on", () =>
    Effect.gen(function* () {
      const limits: QboLimits = { ...exact, batchPerMinute: 2 }
      const starts = yield* startsOf(
        limits,
        [{ isBatch: true, answerMillis: 100 }, { isBatch: true, answerMillis: 100 }, { isBatch: true, answerMillis: 100 }, { answerMillis: 100 }],
        Duration.minutes(3)
      )
      expect(starts).toEqual([0, 0, 60_000, 0])
    })
  )

  it.effect("counts a request never known to have gone out from its answer", () =>
    Effect.gen(function* () {
      const starts = yield* startsOf(exact, times(20, { answerMillis: 500, unsent: true }), Duration.seconds(5))
      expect(starts.slice(10)).toEqual(Array(10).fill(1_500))
    })
  )

  it.effect("widens each window by its margin", () =>
    Effect.gen(function* () {
      const limits: QboLimits = { ...exact, secondMarginMillis: 200 }
      const starts = yield* startsOf(limits, times(20, { answerMillis: 50 }), Duration.seconds(5))
      expect(starts.slice(10)).toEqual(Array(10).fill(1_200))
    })
  )
})
