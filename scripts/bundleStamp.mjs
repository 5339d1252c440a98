// Where the bundled CLI lives and whether it still matches the checkout. bin/reconcile.mjs asks at every start, so
// this stays cheap: Node's own modules only, one stat per file the bundle was built from, no hashing, no esbuild.
import { readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

export const root = fileURLToPath(new URL("..", import.meta.url))
export const distDir = join(root, "dist")
export const bundleFile = join(distDir, "reconcile.cjs")
/** The POM export reader's worker thread, bundled on its own: a worker runs a file, not a part of the CLI's bundle. */
export const pomExportWorkerFile = join(distDir, "pomExportWorker.cjs")
export const stampFile = join(distDir, "reconcile.stamp.json")
/** V8's compiled code of one build of the bundle, named after that build: `reconcile.<size>-<mtime>.v8cache`. */
export const codeCacheFile = (size, mtimeMs) => join(distDir, `reconcile.${size}-${mtimeMs}.v8cache`)
export const codeCachePattern = /^reconcile\..+\.v8cache$/

// Size and modification time, not content: a stat costs microseconds where reading and hashing the sources costs
// the start-up time the bundle is there to save. Any difference counts, earlier times too (a file restored from
// a backup or another branch is as different as an edited one).
const fingerprint = (file, base) => {
  const stat = statSync(join(base, file))
  return `${stat.size}:${stat.mtimeMs}`
}

/** `{ file: fingerprint }` for paths relative to `base` (the repository); throws when one is missing. */
export const fingerprints = (files, base = root) => Object.fromEntries(files.map((file) => [file, fingerprint(file, base)]))

/**
 * Why the bundle cannot be run as it is (said in a few words), or `undefined` when every input in the stamp
 * (`{ inputs: fingerprints(...) }`) is still as it was.
 */
export const staleness = (stamped = stampFile, base = root) => {
  let stamp
  try {
    stamp = JSON.parse(readFileSync(stamped, "utf8"))
  } catch {
    return "not built yet"
  }
  for (const [file, built] of Object.entries(stamp.inputs ?? {})) {
    let now
    try {
      now = fingerprint(file, base)
    } catch {
      return `${file} is gone`
    }
    if (now !== built) return `${file} changed`
  }
  return stamp.inputs === undefined ? "unreadable stamp" : undefined
}
