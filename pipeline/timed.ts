import { Clock, Effect } from "effect"

/** Runs an effect and says how long it took, in seconds, for the run summary's per-stage timings. */
export const timedSeconds = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const start = yield* Clock.currentTimeMillis
    const value = yield* effect
    return [value, ((yield* Clock.currentTimeMillis) - start) / 1000] as const
  })
