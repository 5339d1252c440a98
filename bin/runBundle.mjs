// Runs dist/reconcile.cjs with V8's compiled code from the previous start. Parsing and compiling the bundle's
// megabytes is most of what a start costs; Node 20 caches compiled code only for CommonJS run through node:vm
// (it has no module.enableCompileCache yet), which is why the bundle is CommonJS and is started from here.
import { closeSync, fstatSync, openSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import Module, { createRequire } from "node:module"
import { dirname } from "node:path"
import { Script, constants } from "node:vm"
import { bundleFile, codeCacheFile } from "../scripts/bundleStamp.mjs"

/** The bundle's text and the name of its code cache, both from one open file, so they always belong together. */
const readBundle = () => {
  const fd = openSync(bundleFile, "r")
  try {
    const { size, mtimeMs } = fstatSync(fd)
    // esbuild writes ASCII only (it escapes the rest), so Latin-1 reads it exactly and faster than UTF-8.
    return { source: readFileSync(fd, "latin1"), cacheFile: codeCacheFile(size, mtimeMs) }
  } finally {
    closeSync(fd)
  }
}

const readCache = (file) => {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

// Taken as the process exits, so that it holds the code of every function the command compiled, not only of those
// that load the bundle. Written aside and renamed into place, and given up silently where dist/ is read-only: the
// cache only saves time.
const saveCache = (script, file) => {
  try {
    const aside = `${file}.${process.pid}.tmp`
    writeFileSync(aside, script.createCachedData())
    renameSync(aside, file)
  } catch {
    // Next start compiles again.
  }
}

export const runBundle = () => {
  const { source, cacheFile } = readBundle()
  const cachedData = readCache(cacheFile)
  const script = new Script(Module.wrap(source), {
    filename: bundleFile,
    cachedData,
    // The bundle imports nothing dynamically today; should a dependency do so, Node's own loader answers.
    importModuleDynamically: constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  })
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(bundleFile), module, bundleFile, dirname(bundleFile))
  if (cachedData === undefined || script.cachedDataRejected === true) process.once("exit", () => saveCache(script, cacheFile))
}
