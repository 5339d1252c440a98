/**
 * Benchmark: a full QBO pull (100,000 customers and 300,000 invoices) from the local QBO server with QBO's limits
 * on (10 starts a second, 500 a minute, 10 in flight) and every answer taking a while, as QBO's do. Measures and
 * prints; asserts nothing.
 *
 *   npm run bench:qbo                        1 s answers; 0.25-2 s answers; 1 s answers beside a CPU-heavy task
 *   npm run bench:qbo -- --customers 20000 --invoices 60000
 *   npm run bench:qbo -- --busy-slice-ms 50  the CPU-heavy task works in 50 ms slices (default 20)
 *   npm run bench:qbo -- --page-size 100     smaller pages: less JSON to write and read per request, so the
 *                                            pacing shows apart from the CPU (server and client share a process)
 *   npm run bench:qbo -- --scenarios 1s --json FILE
 *                                            only the 1 s answers (ids: 1s, 0.25-2s, busy), each scenario's figures
 *                                            also written to FILE as JSON (`npm run bench` reads them)
 *
 * Each scenario gets a fresh server, so one scenario's requests never count against the next one's limits.
 */
import { writeFileSync } from "node:fs"
import { cpus, loadavg } from "node:os"
import { monitorEventLoopDelay } from "node:perf_hooks"
import { parseArgs } from "node:util"
import { NodeRuntime } from "@effect/platform-node"
import { Console, Effect } from "effect"
import { defaultQboClientOptions } from "../sources/qbo/api/QboClientSettings.ts"
import type { QboProgress } from "../sources/qbo/api/QboProgress.ts"
import { pullQbo } from "../sources/qbo/api/pullQbo.ts"
import { localQbo, localQboLayer } from "../test/sources/qbo/api/localQbo.ts"
import { peakInWindow, type QboPullData, qboPullData, startsPerMinute } from "./qboPullData.ts"
import type { QboPullFigures } from "./QboPullFigures.ts"

interface Scenario {
  readonly id: string
  readonly name: string
  readonly latency: { readonly minMillis: number; readonly maxMillis: number }
  /** Milliseconds of busy work per slice of a CPU-heavy task running beside the pull, or null for none. */
  readonly busySliceMillis: number | null
}

const ceilingPerMinute = 500

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(" ")

/** Peak resident memory of this process so far (the server, the client and the pulled rows all live in it). */
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024

/**
 * Busy work in slices, yielding to the event loop between them, as a parser working through a big export does.
 * Returns a function that stops it and tells how many slices ran.
 */
const startBusyTask = (sliceMillis: number): (() => number) => {
  let running = true
  let slices = 0
  const slice = (): void => {
    if (!running) return
    const until = performance.now() + sliceMillis
    let x = 0
    while (performance.now() < until) x = (x * 31 + 7) % 1_000_003
    slices += x >= 0 ? 1 : 0
    setImmediate(slice)
  }
  setImmediate(slice)
  return () => {
    running = false
    return slices
  }
}

const run = (data: QboPullData, scenario: Scenario, pageSize: number) =>
  Effect.scoped(
    Effect.gen(function* () {
      const server = yield* localQbo({ ...data, answerLatency: scenario.latency })
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
      const loopDelay = monitorEventLoopDelay({ resolution: 10 })
      loopDelay.enable()
      const stopBusy = scenario.busySliceMillis === null ? null : startBusyTask(scenario.busySliceMillis)
      const started = performance.now()
      const pulled = yield* pullQbo.pipe(
        Effect.provide(localQboLayer(server, { client: { ...defaultQboClientOptions, pageSize, onProgress } })),
        Effect.ensuring(Effect.sync(() => loopDelay.disable()))
      )
      const seconds = (performance.now() - started) / 1000
      const slices = stopBusy === null ? null : stopBusy()
      const admitted = server.stats.admittedAt
      const perMinute = startsPerMinute(admitted)
      const throttledBy = Object.entries(server.stats.throttledBy).map(([rule, n]) => `${n} ${rule}`).join(", ")
      const lines = [
        `## ${scenario.name}`,
        `records      ${pulled.customers.length.toLocaleString()} customers + ${pulled.invoices.length.toLocaleString()} invoices in ${pages} pages of ${pageSize}`,
        `requests     ${server.stats.requests} sent, ${server.stats.throttled} answered 429${throttledBy === "" ? "" : ` (${throttledBy})`}, ${throttledWaits} throttle waits`,
        `wall time    ${seconds.toFixed(1)} s`,
        `rate         ${perMinute.toFixed(0)} req/min from first to last request = ${((perMinute / ceilingPerMinute) * 100).toFixed(1)} % of QBO's ${ceilingPerMinute}/min`,
        `peak window  ${peakInWindow(admitted, 1_000)} in any 1 s (limit 10), ${peakInWindow(admitted, 60_000)} in any 60 s (limit ${ceilingPerMinute})`,
        `pacing       ${pacingWaits} requests held back, ${(pacingMillis / 1000).toFixed(1)} s in total`,
        `event loop   delay p50 ${(loopDelay.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms` +
          (slices === null ? "" : `; the busy task ran ${slices.toLocaleString()} slices (${((slices * (scenario.busySliceMillis ?? 0)) / 1000).toFixed(1)} s of CPU)`),
        `memory       peak RSS ${peakRssMb().toFixed(0)} MB so far (server, client and rows in one process)`,
        `load average ${load()}`,
        ""
      ]
      yield* Console.log(lines.join("\n"))
      return {
        scenario: scenario.id,
        customers: pulled.customers.length,
        invoices: pulled.invoices.length,
        requests: server.stats.requests,
        throttled: server.stats.throttled,
        seconds,
        shareOfCeiling: perMinute / ceilingPerMinute,
        peakPerSecond: peakInWindow(admitted, 1_000),
        peakPerMinute: peakInWindow(admitted, 60_000)
      } satisfies QboPullFigures
    })
  )

const main = Effect.gen(function* () {
  const { values } = parseArgs({
    options: {
      customers: { type: "string", default: "100000" },
      invoices: { type: "string", default: "300000" },
      "busy-slice-ms": { type: "string", default: "20" },
      "page-size": { type: "string", default: "1000" },
      scenarios: { type: "string", default: "1s,0.25-2s,busy" },
      json: { type: "string" }
    }
  })
  const customerCount = Number(values.customers)
  const invoiceCount = Number(values.invoices)
  const busySliceMillis = Number(values["busy-slice-ms"])
  const pageSize = Number(values["page-size"])
  yield* Console.log(`Node ${process.version}, ${cpus().length} CPUs; load average ${load()} (other work on the machine slows every figure)`)
  const generated = performance.now()
  const data = qboPullData(customerCount, invoiceCount)
  yield* Console.log(
    `Seeded ${customerCount.toLocaleString()} customers and ${invoiceCount.toLocaleString()} invoices in ` +
      `${((performance.now() - generated) / 1000).toFixed(1)} s. Limits on the server: 10 starts/s, ${ceilingPerMinute}/min, 10 in flight.\n`
  )
  const scenarios: ReadonlyArray<Scenario> = [
    { id: "1s", name: "Answers take 1 s", latency: { minMillis: 1_000, maxMillis: 1_000 }, busySliceMillis: null },
    { id: "0.25-2s", name: "Answers take 0.25-2 s", latency: { minMillis: 250, maxMillis: 2_000 }, busySliceMillis: null },
    {
      id: "busy",
      name: `Answers take 1 s, beside a CPU-heavy task in the same process (${busySliceMillis} ms slices)`,
      latency: { minMillis: 1_000, maxMillis: 1_000 },
      busySliceMillis
    }
  ]
  const chosen = values.scenarios.split(",").map((s) => s.trim())
  const results: Array<QboPullFigures> = []
  for (const scenario of scenarios.filter((s) => chosen.includes(s.id))) results.push(yield* run(data, scenario, pageSize))
  if (values.json !== undefined) writeFileSync(values.json, JSON.stringify(results, null, 2))
})

NodeRuntime.runMain(main)
