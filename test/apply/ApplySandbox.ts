import { Effect } from "effect"
import { spawn } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Case } from "../../pipeline/domain/Case.ts"
import { RunId } from "../../pipeline/domain/Ids.ts"
import type { RunSummary } from "../../pipeline/RunSummary.ts"
import { Store } from "../../sinks/store/Store.ts"
import { type CliResult, runCli } from "../cli/runCli.ts"
import type { Company } from "../generator/Company.ts"
import { defaultRates, type Rates, recipes } from "../generator/Rates.ts"
import type { PomServer, PomServerOptions } from "../servers/pom/startPomServer.ts"
import type { QboServer, QboServerOptions } from "../servers/qbo/QboServer.ts"
import { startSandbox } from "../servers/startSandbox.ts"

/** What `reconcile apply --json` prints (cli/ApplyCommand.ts `ApplySummary`). */
export interface ApplyJson {
  readonly applyId: string
  readonly approved: number
  readonly rejected: number
  readonly refused: ReadonlyArray<{ readonly row: number; readonly caseId: string; readonly reason: string }>
  readonly cases: { readonly done: number; readonly waiting: number; readonly stale: number; readonly failed: number }
  readonly stepsDone: number
  readonly outputs: Readonly<Record<string, string>>
}

export const applyJson = (stdout: string): ApplyJson => JSON.parse(stdout)

export interface StatusRow {
  readonly caseId: string
  readonly apply: string
  readonly detail: string | null
  readonly steps: ReadonlyArray<{ readonly step: number; readonly kind: string; readonly target: string; readonly status: string }>
}

/** A `reconcile apply` still running, to be killed at a moment of the test's choosing. */
export interface RunningApply {
  /** SIGKILL: no finalizer runs, as when the machine loses power. */
  readonly kill: () => void
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stdout: string; readonly stderr: string }>
}

const bin = fileURLToPath(new URL("../../bin/reconcile.mjs", import.meta.url))

/** `factor` times the generator's usual fixable cases (review cases and traps as usual): more cases, same size. */
export const moreFixableCases = (factor: number): Partial<Rates> =>
  Object.fromEntries(recipes.filter((recipe) => !recipe.startsWith("review/")).map((recipe) => [recipe, factor * defaultRates[recipe]]))

export interface ApplySandboxOptions {
  readonly customers: number
  readonly seed: number
  readonly rates?: Partial<Rates>
  readonly qbo?: Omit<QboServerOptions, "customers" | "invoices">
  readonly pom?: Omit<PomServerOptions, "customers" | "appointments" | "services">
}

export interface ApplySandbox {
  readonly company: Company
  readonly qbo: QboServer
  readonly pom: PomServer
  readonly dir: string
  readonly db: string
  readonly env: Readonly<Record<string, string>>
  /** `reconcile run` on both live APIs into `dir/out`; fails the test with the CLI's stderr if it does not exit 0. */
  readonly run: (out: string) => Promise<RunSummary>
  /** `reconcile apply --review FILE --json` with the sandbox's env; `--out` defaults to the file's folder. */
  readonly apply: (review: string, args?: ReadonlyArray<string>) => Promise<CliResult>
  /** `apply` as a child process the test holds. */
  readonly startApply: (review: string) => RunningApply
  readonly status: (runId: string) => Promise<ReadonlyArray<StatusRow>>
  readonly casesOf: (runId: string) => Promise<ReadonlyArray<Case>>
  readonly decisions: () => Promise<ReadonlyArray<{ readonly caseId: string; readonly decision: string; readonly note: string }>>
  readonly close: () => Promise<void>
}

/**
 * Local QBO and POM servers seeded with one generated company (at any rates), a store connected to QBO, and the
 * CLI pointed at both: what an admin has after `reconcile qbo connect`. Retry and throttle waits are short, so
 * injected faults cost milliseconds; QBO's request limits stay on unless the options turn them off.
 */
/** Longer than any sandbox run takes on a loaded two-core machine (seconds), shorter than the hooks' timeout. */
const runTimeoutMillis = 150_000

export const startApplySandbox = async (options: ApplySandboxOptions): Promise<ApplySandbox> => {
  const sandbox = await startSandbox(options)
  const { company, qbo, pom } = sandbox
  const dir = mkdtempSync(join(tmpdir(), "reconcile-apply-"))
  const db = join(dir, "reconcile.db")
  // Short waits, so that injected faults cost little; QBO's request limits stay as configured.
  const env = { ...sandbox.env, POM_RETRY_BASE_MS: "20", POM_MAX_WAIT_SECONDS: "1" }
  await sandbox.connectQbo(db)

  const run = async (out: string): Promise<RunSummary> => {
    // Debug logs on stderr, so that a run that stalls says where (runCli shows them when it has to kill it).
    const args = ["--log-level", "debug", "run", "--pom-api", "--qbo-api", "--out", join(dir, out), "--db", db, "--json"]
    const result = await runCli(args, env, runTimeoutMillis)
    if (result.code !== 0) throw new Error(`reconcile run exited ${result.code}:\n${result.stderr}`)
    return JSON.parse(result.stdout)
  }
  const apply = (review: string, args: ReadonlyArray<string> = []) => runCli(["apply", "--review", review, "--db", db, "--json", ...args], env)
  const startApply = (review: string): RunningApply => {
    const child = spawn(process.execPath, [bin, "apply", "--review", review, "--db", db, "--json"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()))
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()))
    return {
      kill: () => void child.kill("SIGKILL"),
      exited: new Promise((resolve, reject) => {
        child.on("error", reject)
        child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }))
      })
    }
  }
  const status = async (runId: string): Promise<ReadonlyArray<StatusRow>> => {
    const result = await runCli(["status", "--run", runId, "--db", db, "--json"])
    if (result.code !== 0) throw new Error(`reconcile status exited ${result.code}:\n${result.stderr}`)
    return JSON.parse(result.stdout)
  }
  const fromStore = <A, E>(f: (store: Store["Type"]) => Effect.Effect<A, E>) => Effect.runPromise(Effect.flatMap(Store, f).pipe(Effect.provide(Store.layer(db))))
  const casesOf = (runId: string) => fromStore((s) => s.casesOfRun(RunId.make(runId)))
  const decisions = () => fromStore((s) => s.listDecisions())

  return {
    company,
    qbo,
    pom,
    dir,
    db,
    env,
    run,
    apply,
    startApply,
    status,
    casesOf,
    decisions,
    close: sandbox.close
  }
}
