import { Clock, Duration, Effect } from "effect"
import type { QboLimits } from "./QboClientSettings.ts"
import { earliestSlot, forgotten, type WindowRule } from "./SlidingWindowLog.ts"

/** Holds each request back until it fits QBO's limits for its company. */
export interface QboRateLimiter {
  /**
   * Runs `request` in the next free slot of the company's windows, and counts it until a window has passed
   * since it finished. `onWait` is told how long the request was held back, when it was.
   */
  readonly paced: <A, E, R>(
    realmId: string,
    isBatch: boolean,
    onWait: (millis: number) => Effect.Effect<void>,
    request: Effect.Effect<A, E, R>
  ) => Effect.Effect<A, E, R>
}

/** How often to look again when every slot is taken by a request still in flight. */
const inFlightPoll = Duration.millis(5)

interface Entry {
  answeredAt: number
}

const makeRealmPacer = (limits: QboLimits) => {
  const requestRules: ReadonlyArray<WindowRule> = [
    { limit: limits.perSecond, windowMillis: 1_000 + limits.secondMarginMillis },
    { limit: limits.perMinute, windowMillis: 60_000 + limits.minuteMarginMillis }
  ]
  const batchRules: ReadonlyArray<WindowRule> = [{ limit: limits.batchPerMinute, windowMillis: 60_000 + limits.minuteMarginMillis }]
  let requests: Array<Entry> = []
  let batches: Array<Entry> = []
  // Slots are claimed one at a time, in arrival order; the logs are only changed while holding the permit
  // (answers only ever lower an entry from Infinity to the time they came back).
  const turn = Effect.unsafeMakeSemaphore(1)

  const nextSlot = (isBatch: boolean, now: number): number => {
    requests = requests.filter((entry) => !forgotten(entry.answeredAt, requestRules, now))
    batches = batches.filter((entry) => !forgotten(entry.answeredAt, batchRules, now))
    const forRequests = earliestSlot(requests.map((entry) => entry.answeredAt), requestRules, now)
    return isBatch ? Math.max(forRequests, earliestSlot(batches.map((entry) => entry.answeredAt), batchRules, now)) : forRequests
  }

  const claim = (isBatch: boolean): Effect.Effect<{ readonly entry: Entry; readonly waited: number }> =>
    turn.withPermits(1)(
      Effect.gen(function* () {
        const started = yield* Clock.currentTimeMillis
        for (;;) {
          const now = yield* Clock.currentTimeMillis
          const slot = nextSlot(isBatch, now)
          if (slot <= now) break
          yield* Effect.sleep(slot === Infinity ? inFlightPoll : Duration.millis(slot - now))
        }
        const entry: Entry = { answeredAt: Infinity }
        requests.push(entry)
        if (isBatch) batches.push(entry)
        return { entry, waited: (yield* Clock.currentTimeMillis) - started }
      })
    )

  return <A, E, R>(isBatch: boolean, onWait: (millis: number) => Effect.Effect<void>, request: Effect.Effect<A, E, R>) =>
    Effect.flatMap(claim(isBatch), ({ entry, waited }) =>
      (waited > 0 ? onWait(waited) : Effect.void).pipe(
        Effect.zipRight(request),
        Effect.ensuring(Effect.map(Clock.currentTimeMillis, (now) => void (entry.answeredAt = now)))
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
