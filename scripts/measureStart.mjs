// How long `reconcile --help` takes to answer: from the bundle (as `npx reconcile` runs) and from the TypeScript
// sources (RECONCILE_FROM_SOURCE=1), side by side, with the machine's load, which on a shared machine moves the
// wall time far more than anything in the CLI does. A measurement to read, not a test: it asserts nothing.
//   node scripts/measureStart.mjs [bundle runs, default 10] [source runs, default 3]
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { availableParallelism, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const bin = fileURLToPath(new URL("../bin/reconcile.mjs", import.meta.url))
const [bundleRuns = 10, sourceRuns = 3] = process.argv.slice(2).map(Number)

// The child's own CPU time (all its threads), which a loaded machine inflates far less than the wall time.
const scratch = mkdtempSync(join(tmpdir(), "reconcile-start-"))
const preload = join(scratch, "cpu.cjs")
writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(process.env.RECONCILE_CPU_FILE, String(Object.values(process.cpuUsage()).reduce((a, b) => a + b, 0) / 1e6)))\n`)

const once = (env) => {
  const cpuFile = join(scratch, "cpu.txt")
  const started = process.hrtime.bigint()
  const child = spawnSync(process.execPath, [bin, "--help"], { env: { ...process.env, ...env, NODE_OPTIONS: `--require=${preload}`, RECONCILE_CPU_FILE: cpuFile }, stdio: ["ignore", "ignore", "pipe"] })
  const wall = Number(process.hrtime.bigint() - started) / 1e9
  if (child.status !== 0) throw new Error(`reconcile --help exited ${child.status}: ${child.stderr}`)
  return { wall, cpu: Number(readFileSync(cpuFile, "utf8")) }
}

const say = (line) => process.stdout.write(`${line}\n`)
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]
const seconds = (value) => `${value.toFixed(2)} s`

const measure = (label, runs, env) => {
  const times = Array.from({ length: runs }, () => once(env))
  const walls = times.map((t) => t.wall)
  say(
    `${label.padEnd(8)} wall median ${seconds(median(walls))} (best ${seconds(Math.min(...walls))}), CPU median ${seconds(median(times.map((t) => t.cpu)))}, ${runs} runs`
  )
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(" ")
say(`reconcile --help on ${availableParallelism()} cores, load average ${load()}`)
// One start first, which builds the bundle if a source changed and leaves V8's compiled code for the next ones.
once({})
measure("bundle", bundleRuns, {})
// `npm run bench` asks for no source runs: it holds the bundle to the target and has no use for three slow starts.
if (sourceRuns > 0) measure("source", sourceRuns, { RECONCILE_FROM_SOURCE: "1" })
say(`load average afterwards ${load()}`)
rmSync(scratch, { recursive: true, force: true })
