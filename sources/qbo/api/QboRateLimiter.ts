import { Clock, Duration, Effect } from "effect"
import type { QboLimits } from "./QboClientSettings.ts"
import { earliestStart, forgottenCount, type WindowRule } from "./SlidingWindowLog.ts"

/** Holds each request back until it fits QBO's limits for its company. */
export interface QboRateLimiter {
  /**
   * Runs `request` once fewer than `concurrent` of the company's requests are in flight and one more start fits
   * the per-second, per-minute (and for a batch, batch-per-minute) windows. `onWait` is told how long the request
   * was held back, when it was.
   */
  readonly paced: <A, E, R>(
    realmId: string,
    isBatch: boolean,
    onWait: (millis: number) => Effect.Effect<void>,
    request: Effect.Effect<A, E, R>
  ) => Effect.Effect<A, E, R>
}

/** How often to look again when the batch window is full of batches that have not started yet. */
const batchStartPoll = Duration.millis(10)

const makeRealmPacer = (limits: QboLimits) => {
  const second = limits.secondMillis + limits.secondMarginMillis
  const minute = limits.minuteMillis + limits.minuteMarginMillis
  const requestRules: ReadonlyArray<WindowRule> = [
    { limit: limits.perSecond, windowMillis: second },
    { limit: limits.perMinute, windowMillis: minute }
  ]
  const batchRules: ReadonlyArray<WindowRule> = [{ limit: limits.batchPerMinute, windowMillis: minute }]
  const starts: Array<number> = []
  // A batch's entry is Infinity from the moment it has its batch slot until it starts: it counts against the
  // batch windows already, and for as long as it may still be arriving.
  const batchStarts: Array<{ at: number }> = []
  const inFlight = Effect.unsafeMakeSemaphore(Math.max(1, limits.concurrent))
  // Starts are claimed one at a time, in arrival order; the logs only change while holding these permits.
  const turn = Effect.unsafeMakeSemaphore(1)
  const batchTurn = Effect.unsafeMakeSemaphore(1)

  /**
   * Sleeps until `slotAt(now)` is due. The wait is recomputed from the clock after every sleep, so a timer that
   * fires late (the event loop was busy) costs only its own lateness, never a drift that adds up.
   */
  const waitFor = (slotAt: (now: number) => number): Effect.Effect<number> =>
    Effect.gen(function* () {
      let now = yield* Clock.currentTimeMillis
      for (;;) {
        const slot = slotAt(now)
        if (slot <= now) return now
        yield* Effect.sleep(slot === Infinity ? batchStartPoll : Duration.millis(slot - now))
        now = yield* Clock.currentTimeMillis
      }
    })

  const nextStart = (now: number): number => {
    starts.splice(0, forgottenCount(starts, requestRules, now))
    return earliestStart(starts, requestRules, now)
  }

  const nextBatch = (now: number): number => {
    const known = batchStarts.filter((entry) => entry.at === Infinity || entry.at + minute > now)
    batchStarts.splice(0, batchStarts.length, ...known)
    return earliestStart(known.map((entry) => entry.at).sort((a, b) => a - b), batchRules, now)
  }

  /** A batch's place in the batch windows, taken before it queues with other requests so it never blocks them. */
  const claimBatch: Effect.Effect<{ at: number }> = batchTurn.withPermits(1)(
    Effect.map(waitFor(nextBatch), () => {
      const entry = { at: Infinity }
      batchStarts.push(entry)
      return entry
    })
  )

  const claimStart: Effect.Effect<number> = turn.withPermits(1)(Effect.tap(waitFor(nextStart), (now) => void starts.push(now)))

  const start = (batch: { at: number } | null) =>
    Effect.tap(claimStart, (now) => {
      if (batch !== null) batch.at = now
    })

  return <A, E, R>(isBatch: boolean, onWait: (millis: number) => Effect.Effect<void>, request: Effect.Effect<A, E, R>) =>
    Effect.flatMap(Clock.currentTimeMillis, (asked) =>
      Effect.flatMap(isBatch ? claimBatch : Effect.succeed(null), (batch) =>
        // Held until the answer is read (or the request is interrupted), and released at once.
        inFlight.withPermits(1)(
          Effect.flatMap(start(batch), (startedAt) => (startedAt > asked ? onWait(startedAt - asked) : Effect.void).pipe(Effect.zipRight(request)))
        ).pipe(
          // A batch given up before it started no longer holds its place.
          Effect.onInterrupt(() =>
            Effect.sync(() => {
              if (batch !== null && batch.at === Infinity) batchStarts.splice(batchStarts.indexOf(batch), 1)
            })
          )
        )
      )
    )
}

export const makeQboRateLimiter = (limits: QboLimits): QboRateLimiter => {
  const realms = new Map<string, ReturnType<typeof makeRealmPacer>>()
  return {
    paced: (realmId, isBatch, onWait, request) =>
      Effect.suspend(() => {
        const existing = realms.get(realmId)
        const pacer = existing ?? makeRealmPacer(limits)
        if (existing === undefined) realms.set(realmId, pacer)
        return pacer(isBatch, onWait, request)
      })
  }
}
