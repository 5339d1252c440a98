import { Clock, Duration, Effect } from "effect"
import type { QboLimits } from "./QboClientSettings.ts"
import { earliestStart, type WindowRule } from "./SlidingWindowLog.ts"

/** Holds each request back until it fits QBO's limits for its company. */
export interface QboRateLimiter {
  /**
   * Runs `request` once fewer than `concurrent` of the company's requests are in flight and one more start fits
   * the per-second, per-minute (and for a batch, batch-per-minute) windows. `request` is given a callback to call
   * when it goes on the wire (see `QboWireTime`): the request counts from then, as QBO counts it on arrival; one
   * that never calls it counts from its answer. `onWait` is told how long the request was held back, when it was.
   */
  readonly paced: <A, E, R>(
    realmId: string,
    isBatch: boolean,
    onWait: (millis: number) => Effect.Effect<void>,
    request: (onWritten: () => void) => Effect.Effect<A, E, R>
  ) => Effect.Effect<A, E, R>
}

/** A request in the windows: `at` is Infinity until it is known to have gone out (or finished). */
interface Entry {
  at: number
}

/** How often to look again when a window is full of requests not yet known to have gone out. */
const unsentPoll = Duration.millis(5)

const makeRealmPacer = (limits: QboLimits) => {
  const second = limits.secondMillis + limits.secondMarginMillis
  const minute = limits.minuteMillis + limits.minuteMarginMillis
  const requestRules: ReadonlyArray<WindowRule> = [
    { limit: limits.perSecond, windowMillis: second },
    { limit: limits.perMinute, windowMillis: minute }
  ]
  const batchRules: ReadonlyArray<WindowRule> = [{ limit: limits.batchPerMinute, windowMillis: minute }]
  const starts: Array<Entry> = []
  // A batch's entry is Infinity from the moment it has its batch slot until it goes out: it counts against the
  // batch windows already, and for as long as it may still be arriving.
  const batchStarts: Array<Entry> = []
  const inFlight = Effect.unsafeMakeSemaphore(Math.max(1, limits.concurrent))
  // Starts are claimed one at a time, in arrival order; the logs only change while holding these permits.
  const turn = Effect.unsafeMakeSemaphore(1)
  const batchTurn = Effect.unsafeMakeSemaphore(1)

  /** The entries a window may still see at `now`, kept in place, and their times in ascending order. */
  const visible = (log: Array<Entry>, windowMillis: number, now: number): Array<number> => {
    const kept = log.filter((entry) => entry.at + windowMillis > now)
    log.splice(0, log.length, ...kept)
    return kept.map((entry) => entry.at).sort((a, b) => a - b)
  }

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
        yield* Effect.sleep(slot === Infinity ? unsentPoll : Duration.millis(slot - now))
        now = yield* Clock.currentTimeMillis
      }
    })

  const nextStart = (now: number): number => earliestStart(visible(starts, minute, now), requestRules, now)

  const nextBatch = (now: number): number => earliestStart(visible(batchStarts, minute, now), batchRules, now)

  /** A batch's place in the batch windows, taken before it queues with other requests so it never blocks them. */
  const claimBatch: Effect.Effect<Entry> = batchTurn.withPermits(1)(
    Effect.map(waitFor(nextBatch), () => {
      const entry: Entry = { at: Infinity }
      batchStarts.push(entry)
      return entry
    })
  )

  const claimStart: Effect.Effect<{ readonly entry: Entry; readonly claimedAt: number }> = turn.withPermits(1)(
    Effect.map(waitFor(nextStart), (claimedAt) => {
      const entry: Entry = { at: Infinity }
      starts.push(entry)
      return { entry, claimedAt }
    })
  )

  return <A, E, R>(isBatch: boolean, onWait: (millis: number) => Effect.Effect<void>, request: (onWritten: () => void) => Effect.Effect<A, E, R>) =>
    Effect.clockWith((clock) =>
      Effect.flatMap(Clock.currentTimeMillis, (asked) =>
        Effect.flatMap(isBatch ? claimBatch : Effect.succeed(null), (batch) => {
          const counted = (entries: ReadonlyArray<Entry>, at: number) => {
            for (const entry of entries) entry.at = at
          }
          // Held until the answer is read (or the request is interrupted), and released at once.
          return inFlight.withPermits(1)(
            Effect.flatMap(claimStart, ({ entry, claimedAt }) => {
              const entries = batch === null ? [entry] : [entry, batch]
              // Written again (undici resends on a dropped keep-alive connection): the later time counts.
              const onWritten = () => counted(entries, clock.unsafeCurrentTimeMillis())
              return (claimedAt > asked ? onWait(claimedAt - asked) : Effect.void).pipe(
                Effect.zipRight(request(onWritten)),
                Effect.ensuring(
                  Effect.map(Clock.currentTimeMillis, (now) => {
                    // Never known to have gone out: it may have arrived at any time until now.
                    if (entries.some((e) => e.at === Infinity)) counted(entries, now)
                  })
                )
              )
            })
          ).pipe(
            // A batch given up before it started no longer holds its place.
            Effect.onInterrupt(() =>
              Effect.sync(() => {
                if (batch !== null && batch.at === Infinity) batchStarts.splice(batchStarts.indexOf(batch), 1)
              })
            )
          )
        })
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
