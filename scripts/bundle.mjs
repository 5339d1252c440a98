// Bundles the CLI (cli/main.ts and everything it imports, dependencies included) into dist/reconcile.cjs with
// esbuild, and records in dist/reconcile.stamp.json what it was built from. `npm ci` runs this (the `prepare`
// script); bin/reconcile.mjs runs it again when the stamp no longer matches the checkout.
import * as esbuild from "esbuild"
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join, relative, sep } from "node:path"
import { fileURLToPath } from "node:url"
import { bundleFile, codeCachePattern, distDir, fingerprints, pomExportWorkerFile, root, staleness, stampFile } from "./bundleStamp.mjs"

// The native SQLite binding cannot be inlined; Node loads it from node_modules as before.
const EXTERNAL = ["better-sqlite3"]

// A build takes seconds even on a loaded machine; a lock older than this was left by a build that was killed.
const ABANDONED_LOCK_MS = 120_000

// Besides the bundled sources: the build's own configuration, and npm's record of node_modules, which npm rewrites
// on every install or update, so that new dependency versions are bundled too (where it exists: other installers
// keep no such file, and there a dependency update needs `npm run build`).
const BUILD_INPUTS = ["scripts/bundle.mjs", "scripts/bundleStamp.mjs", "node_modules/.package-lock.json"]

const isDependency = (file) => file.split(/[\\/]/).includes("node_modules")

/**
 * The sources find their worker, the migrations and the nickname table next to themselves, with
 * `new URL("…", import.meta.url)`. The bundle is one CommonJS file (so that bin can hand V8 its compiled code,
 * see bin/runBundle.mjs), where `import.meta` is empty: each source's `import.meta.url` becomes its place in the
 * checkout, reckoned from the bundle's own file (`__bundleUrl`, set by the banner). Those files are read where they
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
      const contents = text.replaceAll("import.meta.url", `new URL(${JSON.stringify(fromBundle)}, __bundleUrl).href`)
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

// Each bundle and the source it starts from. A worker thread runs a file of its own, so the POM export reader's
// worker is a second bundle beside the CLI's (sources/pom/files/streamPomExportOnWorker.ts finds it there).
const ENTRIES = [
  { in: "cli/main.ts", file: bundleFile },
  { in: "sources/pom/files/pomExportWorker.ts", file: pomExportWorkerFile }
]

/**
 * Builds dist/reconcile.cjs, dist/pomExportWorker.cjs and their stamp. `whenStale`: only if the bundle does not match the checkout once the
 * lock is held (another process may have just built it). esbuild's messages go to stderr at `logLevel`.
 */
export const bundle = async ({ whenStale = false, logLevel = "warning" } = {}) => {
  const release = await lock()
  try {
    if (whenStale && staleness() === undefined) return
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ENTRIES.map((entry) => ({ in: entry.in, out: relative(distDir, entry.file).replace(/\.cjs$/, "") })),
      outdir: distDir,
      outExtension: { ".js": ".cjs" },
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      external: EXTERNAL,
      // Smaller text to parse at every start; names are kept as they are, so messages and tags read the same.
      minifyWhitespace: true,
      minifySyntax: true,
      banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
      plugins: [sourceLocations],
      metafile: true,
      write: false,
      logLevel
    })
    // A dependency reading import.meta would get nothing in a CommonJS bundle: refuse rather than ship that.
    const emptyImportMeta = result.warnings.find((warning) => warning.id === "empty-import-meta")
    if (emptyImportMeta !== undefined) throw new Error(`${emptyImportMeta.location?.file ?? "a dependency"} reads import.meta, which the bundle cannot give it`)
    const sources = Object.keys(result.metafile.inputs).filter((file) => !isDependency(file))
    // Compiled code of the previous bundle is of no use to the new one (bin names it after the bundle it came from).
    for (const file of readdirSync(distDir)) if (codeCachePattern.test(file)) rmSync(join(distDir, file), { force: true })
    // The worker first: a CLI that starts on the new main bundle finds the worker that goes with it.
    const outputs = [...ENTRIES].reverse().map((entry) => entry.file)
    for (const file of outputs) {
      const output = result.outputFiles.find((o) => o.path === file)
      if (output === undefined) throw new Error(`esbuild wrote no ${relative(root, file)}`)
      writeAtomically(file, output.contents)
    }
    const buildInputs = BUILD_INPUTS.filter((file) => existsSync(join(root, file)))
    const inputs = fingerprints([...sources, ...buildInputs, ...outputs.map((file) => relative(root, file))])
    writeAtomically(stampFile, JSON.stringify({ inputs }, null, 1))
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
