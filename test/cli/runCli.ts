import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { bundleFile } from "../../scripts/bundleStamp.mjs"

const bin = fileURLToPath(new URL("../../bin/reconcile.mjs", import.meta.url))

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs the real CLI in a child process, as a user would with `npx reconcile ...`; `undefined` unsets a variable.
 * With `timeoutMillis`, a CLI still running then is killed and the promise rejects with what it printed so far,
 * so that a stalled run fails with its own words rather than as a silent test timeout.
 */
export const runCli = (args: ReadonlyArray<string>, env: Record<string, string | undefined> = {}, timeoutMillis?: number): Promise<CliResult> =>
  spawnNode([bin, ...args], env, timeoutMillis)

/**
 * Runs dist/reconcile.cjs itself with plain Node, without bin's check that it matches the sources nor its code
 * cache: only for tests about the bundle, after `runCli` has made sure it is fresh.
 */
export const runBundleFile = (args: ReadonlyArray<string>, env: Record<string, string | undefined> = {}): Promise<CliResult> =>
  spawnNode([bundleFile, ...args], env)

/** Runs a TypeScript script of the repository with Node, compiled by tsx as `bin/reconcile.mjs` does. */
export const runScript = (script: string, args: ReadonlyArray<string>, env: Record<string, string | undefined> = {}): Promise<CliResult> =>
  spawnNode(["--import", "tsx", script, ...args], env)

const spawnNode = (args: ReadonlyArray<string>, env: Record<string, string | undefined>, timeoutMillis?: number): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    let timedOut = false
    const merged: Record<string, string> = {}
    for (const [name, value] of Object.entries({ ...process.env, ...env })) if (value !== undefined) merged[name] = value
    const child = spawn(process.execPath, args, { env: merged, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()))
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()))
    const timer =
      timeoutMillis === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            child.kill("SIGKILL")
            const tail = (text: string) => (text.length > 4_000 ? `...${text.slice(-4_000)}` : text)
            reject(new Error(`${args.slice(1).join(" ")} still running after ${timeoutMillis} ms: killed.\nstdout:\n${tail(stdout)}\nstderr:\n${tail(stderr)}`))
          }, timeoutMillis)
    child.on("error", reject)
    child.on("close", (code) => {
      clearTimeout(timer)
      if (!timedOut) resolve({ code, stdout, stderr })
    })
  })
