#!/usr/bin/env node
// Starts the CLI from dist/reconcile.cjs, the one JavaScript file scripts/bundle.mjs makes of the TypeScript
// sources: it loads in a fraction of a second, where compiling the sources at each start took seconds. `npm ci`
// builds it; when a file it was built from has changed since (an edit, a pull, another branch), it is rebuilt here
// before it runs, so the CLI never runs code older than the checkout. RECONCILE_FROM_SOURCE=1 runs the sources
// through tsx instead, as during development.
import { staleness } from "../scripts/bundleStamp.mjs"
import { runBundle } from "./runBundle.mjs"

const fromSource = async () => {
  // Compiling takes a few seconds before the CLI can say anything: tell a person at a terminal that it is starting
  // (cli/main.ts clears the line). Never in a pipe or a log, where it would be noise in the output.
  if (process.stderr.isTTY) process.stderr.write("reconcile: starting...")
  const { register } = await import("tsx/esm/api")
  register()
  await import("../cli/main.ts")
}

/** Rebuilds the bundle when it does not match the checkout; false when it cannot, with the reason on stderr. */
const bundleReady = async () => {
  const stale = staleness()
  if (stale === undefined) return true
  if (process.stderr.isTTY) process.stderr.write(`reconcile: building dist/ (${stale})...`)
  try {
    const { bundle } = await import("../scripts/bundle.mjs")
    await bundle({ whenStale: true, logLevel: "silent" })
    if (process.stderr.isTTY) process.stderr.write("\r\u001b[K")
    return true
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error)
    process.stderr.write(`${process.stderr.isTTY ? "\r\u001b[K" : ""}reconcile: could not build dist/reconcile.cjs (${reason}); running from the sources, which starts slower\n`)
    return false
  }
}

if (process.env.RECONCILE_FROM_SOURCE === "1" || !(await bundleReady())) await fromSource()
else runBundle()
