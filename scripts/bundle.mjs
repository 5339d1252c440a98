// Bundles the CLI (cli/main.ts and everything it imports, dependencies included) into dist/reconcile.mjs with
// esbuild, and records in dist/reconcile.stamp.json what it was built from. `npm ci` runs this (the `prepare`
// script); bin/reconcile.mjs runs it again when the stamp no longer matches the checkout.
import * as esbuild from "esbuild"
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join, relative, sep } from "node:path"
import { fileURLToPath } from "node:url"
import { bundleFile, distDir, fingerprints, root, staleness, stampFile } from "./bundleStamp.mjs"

// The native SQLite binding cannot be inlined; Node loads it from node_modules as before.
const EXTERNAL = ["better-sqlite3"]

// A build takes seconds even on a loaded machine; a lock older than this was left by a build that was killed.
const ABANDONED_LOCK_MS = 120_000

// Besides the bundled sources: the build's own configuration, and npm's record of node_modules, which npm rewrites
// on every install or update, so that new dependency versions are bundled too.
const BUILD_INPUTS = ["scripts/bundle.mjs", "scripts/bundleStamp.mjs", "node_modules/.package-lock.json"]

const isDependency = (file) => file.split(/[\\/]/).includes("node_modules")

/**
 * The sources find their worker, the migrations and the nickname table next to themselves, with
 * `new URL("…", import.meta.url)`. In the bundle, `import.meta.url` is dist/reconcile.mjs, so each source's own
 * `import.meta.url` becomes its place in the checkout, reckoned from the bundle: those files are read where they
 * are, never copied, and the checkout can move.
 */
const sourceLocations = {
  name: "source-locations",
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, (args) => {
      if (isDependency(args.path)) return undefined
      const text = readFileSync(args.path, "utf8")
      if (/import\.meta\.(dirname|filename|resolve)/.test(text))
        return { errors: [{ text: `${relative(root, args.path)} uses import.meta.dirname, .filename or .resolve, which the bundle cannot place: use new URL("…", import.meta.url)` }] }
      const fromBundle = relative(distDir, args.path).split(sep).join("/")
      const contents = text.replaceAll("import.meta.url", `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`)
      return { contents, loader: /\.m?ts$/.test(args.path) ? "ts" : "js" }
    })
  }
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Holds dist/.building while one process builds, so that CLI starts racing after an edit build once, not each. */
const lock = async () => {
  const lockDir = join(distDir, ".building")
  mkdirSync(distDir, { recursive: true })
  for (;;) {
    try {
      mkdirSync(lockDir)
      return () => rmSync(lockDir, { recursive: true, force: true })
    } catch (error) {
      if (error.code !== "EEXIST") throw error
    }
    try {
      if (Date.now() - statSync(lockDir).mtimeMs > ABANDONED_LOCK_MS) rmSync(lockDir, { recursive: true, force: true })
    } catch {
      // Released meanwhile: try again.
    }
    await wait(100)
  }
}

// Written aside and renamed into place: a CLI starting meanwhile reads the old file or the new one, never half.
const writeAtomically = (file, contents) => {
  const aside = `${file}.${process.pid}.tmp`
  writeFileSync(aside, contents)
  renameSync(aside, file)
}

/**
 * Builds dist/reconcile.mjs and its stamp. `whenStale`: only if the bundle does not match the checkout once the
 * lock is held (another process may have just built it). esbuild's messages go to stderr at `logLevel`.
 */
export const bundle = async ({ whenStale = false, logLevel = "warning" } = {}) => {
  const release = await lock()
  try {
    if (whenStale && staleness() === undefined) return
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ["cli/main.ts"],
      outfile: bundleFile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      external: EXTERNAL,
      // Smaller text to parse at every start; names are kept as they are, so messages and tags read the same.
      minifyWhitespace: true,
      minifySyntax: true,
      // CommonJS dependencies call require() for Node's modules; an ES module has none of its own.
      banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
      plugins: [sourceLocations],
      metafile: true,
      write: false,
      logLevel
    })
    const sources = Object.keys(result.metafile.inputs).filter((file) => !isDependency(file))
    writeAtomically(bundleFile, result.outputFiles[0].contents)
    const inputs = fingerprints([...sources, ...BUILD_INPUTS, relative(root, bundleFile)])
    writeAtomically(stampFile, JSON.stringify({ builtBy: process.version, inputs }, null, 1))
  } finally {
    release()
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await bundle()
  } catch {
    // esbuild has already printed what is wrong, with file and line.
    process.exitCode = 1
  }
}
