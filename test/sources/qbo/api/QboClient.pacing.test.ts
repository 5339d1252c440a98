import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { QboClient } from "../../../../sources/qbo/api/QboClient.ts"
import { type QboLimits, qboLimits } from "../../../../sources/qbo/api/QboClientSettings.ts"
import type { RateLimits } from "../../../servers/qbo/RateWindow.ts"
import { localQbo, localQboLayer } from "./localQbo.ts"
import { customers } from "./rawEntities.ts"

// QBO's rules with the minute shortened to 6 s and its limit scaled with it (500 a minute is 50 in 6 s), so the
// test crosses the minute window three times in about 20 s. The second and the in-flight rule are QBO's own. The
// minute's margin must still cover a new connection's set-up (about 80 ms here on the first requests).
const minuteMillis = 6_000
const perMinute = 50
const serverLimits: RateLimits = { perSecond: 10, perMinute, batchPerMinute: 40, concurrent: 10, minuteMillis }
const clientLimits: QboLimits = { ...qboLimits, perMinute, minuteMillis, minuteMarginMillis: 250 }

/** Admitted requests in the first `windows` whole minutes from the first one: what the ceiling allowed there. */
const admittedInFirstWindows = (admittedAt: ReadonlyArray<number>, windows: number): number => {
  const first = admittedAt[0] ?? 0
  return admittedAt.filter((at) => at < first + windows * minuteMillis).length
}

describe("QboClient pacing against QBO's limits", () => {
  it.scopedLive(
    "pulls at 90 % or more of the minute's ceiling with answers taking 0.25-1 s, and is never throttled",
    () =>
      Effect.gen(function* () {
        const count = 1_795
        const server = yield* localQbo({ customers: customers(count), invoices: [], limits: serverLimits, answerLatency: { minMillis: 250, maxMillis: 1_000 } })
        const rows = yield* Effect.flatMap(QboClient, (client) => client.pullCustomers).pipe(
          Effect.provide(localQboLayer(server, { client: { pageSize: 10, pageConcurrency: 10, limits: clientLimits } }))
        )
        expect(rows).toHaveLength(count)
        expect(server.stats.throttled).toBe(0)
        const admitted = server.stats.admittedAt
        // 180 pages and a few wasted past the end: more than three windows' worth, so the third is full.
        expect(admitted.length).toBeGreaterThan(3 * perMinute)
        expect(admittedInFirstWindows(admitted, 3)).toBeGreaterThanOrEqual(Math.ceil(0.9 * 3 * perMinute))
      }),
    40_000
  )
})
