/**
 * Benchmark: a full QBO pull (100,000 customers and 300,000 invoices) from the local QBO server with QBO's limits
 * on (10 requests/s, 500/min per company). Measures and prints; asserts nothing.
 *
 *   npx tsx bench/qboPull.ts                 paced client vs a 10/s burst, 1,000 rows a page (400 requests each)
 *   npx tsx bench/qboPull.ts --long          also both at 500 rows a page (800 requests: past 500 in a minute)
 *   npx tsx bench/qboPull.ts --customers 20000 --invoices 60000
 *
 * Each scenario gets a fresh server, so one scenario's requests never count against the next one's limits.
 */
import { parseArgs } from "node:util"
import { NodeRuntime } from "@effect/platform-node"
import { Console, Effect } from "effect"
import { defaultQboClientOptions, type QboLimits, qboLimits } from "../sources/qbo/api/QboClientSettings.ts"
import type { QboProgress } from "../sources/qbo/api/QboProgress.ts"
import { pullQbo } from "../sources/qbo/api/pullQbo.ts"
import { localQbo, localQboLayer } from "../test/sources/qbo/api/localQbo.ts"
import { rawCustomer, rawInvoice } from "../test/sources/qbo/api/rawEntities.ts"

interface Scenario {
  readonly name: string
  readonly pageSize: number
  readonly limits: QboLimits
}

const burst: QboLimits = { ...qboLimits, perMinute: 1_000_000, secondMarginMillis: 0, minuteMarginMillis: 0 }

/** The most requests the server admitted in any window of `windowMillis`. */
const peak = (times: ReadonlyArray<number>, windowMillis: number): number => {
  let best = 0
  let from = 0
  for (let to = 0; to < times.length; to++) {
    while ((times[from] ?? 0) <= (times[to] ?? 0) - windowMillis) from++
    best = Math.max(best, to - from + 1)
  }
  return best
}

const seed = (customerCount: number, invoiceCount: number) => ({
  // One customer in twenty is inactive: QBO hides those unless asked, so they test the pull's WHERE clause.
  customers: Array.from({ length: customerCount }, (_, i) => rawCustomer({ id: String(i + 1), active: i % 20 !== 7 })),
  invoices: Array.from({ length: invoiceCount }, (_, i) =>
    rawInvoice({ id: String(i + 1), customerId: String(1 + (i % customerCount)), balance: i % 3 === 0 ? 0 : 100 })
  )
})

const run = (data: ReturnType<typeof seed>, scenario: Scenario) =>
  Effect.scoped(
    Effect.gen(function* () {
      const server = yield* localQbo({ ...data })
      let pages = 0
      let pacingWaits = 0
      let pacingMillis = 0
      let throttledWaits = 0
      const onProgress = (event: QboProgress) =>
        Effect.sync(() => {
          if (event._tag === "PageFetched") pages++
          if (event._tag === "RateLimitWait" && event.reason === "pacing") {
            pacingWaits++
            pacingMillis += event.millis
          }
          if (event._tag === "RateLimitWait" && event.reason === "throttled") throttledWaits++
        })
      const started = performance.now()
      const pulled = yield* pullQbo.pipe(
        Effect.provide(localQboLayer(server, { client: { ...defaultQboClientOptions, pageSize: scenario.pageSize, limits: scenario.limits, onProgress } }))
      )
      const seconds = (performance.now() - started) / 1000
      const requests = server.stats.requests
      const admitted = server.stats.admittedAt
      const perSecond = requests / seconds
      const lines = [
        `## ${scenario.name}`,
        `records      ${pulled.customers.length.toLocaleString()} customers + ${pulled.invoices.length.toLocaleString()} invoices`,
        `pages        ${pages} (${scenario.pageSize} rows a page)`,
        `requests     ${requests} sent, ${server.stats.throttled} answered 429, ${throttledWaits} waits of 60 s`,
        `wall time    ${seconds.toFixed(1)} s`,
        `rate         ${perSecond.toFixed(2)} req/s = ${(perSecond * 60).toFixed(0)} req/min averaged over the run`,
        `peak window  ${peak(admitted, 1_000)} in any 1 s (limit 10), ${peak(admitted, 60_000)} in any 60 s (limit 500)`,
        `pacing       ${pacingWaits} requests held back, ${(pacingMillis / 1000).toFixed(1)} s in total`,
        `heap         ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`,
        ""
      ]
      yield* Console.log(lines.join("\n"))
    })
  )

const main = Effect.gen(function* () {
  const { values } = parseArgs({
    options: {
      long: { type: "boolean", default: false },
      customers: { type: "string", default: "100000" },
      invoices: { type: "string", default: "300000" }
    }
  })
  const customerCount = Number(values.customers)
  const invoiceCount = Number(values.invoices)
  const generated = performance.now()
  const data = seed(customerCount, invoiceCount)
  yield* Console.log(
    `Seeded ${customerCount.toLocaleString()} customers and ${invoiceCount.toLocaleString()} invoices in ` +
      `${((performance.now() - generated) / 1000).toFixed(1)} s. QBO limits on the server: 10 req/s, 500 req/min.\n` +
      `For reference: 400 requests evenly at 500/min take 48 s; at a flat 10/s, 40 s.\n`
  )
  const scenarios: Array<Scenario> = [
    { name: "Paced client (production settings: 10 per s and 500 per min, sliding windows counted from each answer)", pageSize: 1_000, limits: qboLimits },
    { name: "10/s burst (client paces 10/s only, no per-minute pacing)", pageSize: 1_000, limits: burst }
  ]
  if (values.long) {
    scenarios.push(
      { name: "Paced client, 500 rows a page (800 requests)", pageSize: 500, limits: qboLimits },
      { name: "10/s burst, 500 rows a page (800 requests)", pageSize: 500, limits: burst }
    )
  }
  for (const scenario of scenarios) yield* run(data, scenario)
})

NodeRuntime.runMain(main)
