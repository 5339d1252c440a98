/**
 * Benchmark: reading a QBO snapshot folder as `reconcile run` does on its main thread (customers.json, then
 * invoices.json decoded and grouped for the store), without the store. Measures and prints; asserts nothing.
 *
 *   npx tsx bench/qboSnapshotRead.ts --dir DIR/qbo [--rounds 3]
 *
 * CPU seconds (this process's, the collector's helper threads included) and the collector's pauses on this thread
 * are printed beside wall seconds: on a shared machine the wall time says more about the neighbours.
 */
import { NodeFileSystem } from "@effect/platform-node"
import { Effect } from "effect"
import { loadavg } from "node:os"
import { PerformanceObserver } from "node:perf_hooks"
import { parseArgs } from "node:util"
import { historyGrouper } from "../sinks/store/historyGroups.ts"
import { streamQboSnapshot } from "../sources/qbo/files/readQboSnapshot.ts"

const { values } = parseArgs({ options: { dir: { type: "string" }, rounds: { type: "string" } } })
if (values.dir === undefined) throw new Error("give --dir, a QBO snapshot folder (customers.json and invoices.json)")
const dir = values.dir
const rounds = Number(values.rounds ?? 3)

let gcMs = 0
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration
}).observe({ entryTypes: ["gc"] })

const load = (): string => loadavg()[0]?.toFixed(1) ?? "?"

for (let round = 1; round <= rounds; round++) {
  let rows = 0
  const grouper = historyGrouper((batch) => {
    rows += batch.rows
  })
  const loadBefore = load()
  const gcBefore = gcMs
  const cpu = process.cpuUsage()
  const started = performance.now()
  const read = await Effect.runPromise(streamQboSnapshot(dir, grouper.sink).pipe(Effect.provide(NodeFileSystem.layer)))
  grouper.flush("invoice")
  const used = process.cpuUsage(cpu)
  const wall = (performance.now() - started) / 1000
  // The collector reports its pauses a turn later.
  await new Promise((resolve) => setTimeout(resolve, 20))
  process.stdout.write(
    `round ${round}: ${read.customers.length} customers, ${rows} invoices; CPU ${((used.user + used.system) / 1e6).toFixed(2)} s, wall ${wall.toFixed(2)} s, collector ${((gcMs - gcBefore) / 1000).toFixed(2)} s; load ${loadBefore} → ${load()}\n`
  )
}
