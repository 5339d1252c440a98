import { Command, Options } from "@effect/cli"
import { FileSystem } from "@effect/platform"
import { parse } from "csv-parse/sync"
import { stringify } from "csv-stringify/sync"
import { Console, Effect } from "effect"
import { spawn } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { type Sandbox, startSandbox } from "../test/servers/startSandbox.ts"
import { scoreAgainstTruth } from "../test/generator/scoreAgainstTruth.ts"
import { writeCompany } from "../test/generator/writeCompany.ts"
import { RunId } from "../pipeline/domain/Ids.ts"
import { Store } from "../sinks/store/Store.ts"
import { atLeastOne, decodedWith } from "./optionValues.ts"

const customers = Options.integer("customers").pipe(
  decodedWith(atLeastOne("customers", "customers in the generated company")),
  Options.withDefault(2000),
  Options.withDescription("Size of the generated company. Default: 2000")
)
const seed = Options.integer("seed").pipe(Options.withDefault(7), Options.withDescription("Seed of the generator: the same seed gives the same company. Default: 7"))

const bin = fileURLToPath(new URL("../bin/reconcile.mjs", import.meta.url))

/** Runs the real CLI as a person would, echoing the command, with the sandbox's settings in its environment. */
const reconcile = (args: ReadonlyArray<string>, env: Readonly<Record<string, string>>) =>
  Effect.async<{ code: number | null }>((resume) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] })
    child.on("close", (code) => resume(Effect.succeed({ code })))
  })

const say = (text: string) => Console.log(`\n\u001b[1m== ${text}\u001b[0m`)

/**
 * The whole loop on a generated company, with no credentials: local QBO and POM servers, a run on their APIs,
 * the review files, approval of the confident cases (by the demo itself, which a person does in real use), apply,
 * verification, and a second run that shows them resolved.
 */
export const demoCommand = Command.make("demo", { customers, seed }, (args) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const dir = yield* fs.makeTempDirectory({ directory: tmpdir(), prefix: "pom-qbo-reconcile-demo-" })
    const db = join(dir, "reconcile.db")
    yield* say(`Starting local QuickBooks Online and POM servers with a generated pool-service company (${args.customers} customers)`)
    const sandbox: Sandbox = yield* Effect.acquireRelease(
      Effect.promise(() => startSandbox({ customers: args.customers, seed: args.seed })),
      (s) => Effect.promise(() => s.close())
    )
    yield* Effect.promise(() => sandbox.connectQbo(db))
    yield* writeCompany(sandbox.company, join(dir, "company"))
    yield* Console.log(`QBO at ${sandbox.qbo.url}, POM at ${sandbox.pom.url}; a QBO connection is stored in ${db}.`)
    yield* Console.log(
      `The generator planted ${sandbox.company.truth.cases.length} duplicate or wrong-link cases and ${sandbox.company.truth.traps.length} look-alikes that are not duplicates.`
    )

    yield* say("1. Pull both systems and find the cases")
    const out1 = join(dir, "run-1")
    yield* reconcile(["run", "--pom-api", "--qbo-api", "--out", out1, "--db", db], sandbox.env)
    const summary1: { runId: string } = JSON.parse(readFileSync(join(out1, "summary.json"), "utf8"))
    const cases = yield* Effect.flatMap(Store, (s) => s.casesOfRun(RunId.make(summary1.runId))).pipe(Effect.provide(Store.layer(db)))
    const score = scoreAgainstTruth(sandbox.company.truth, cases)
    yield* Console.log(
      `\nFound ${score.found} of ${score.injected} planted cases with the right scenario, keeper and QBO customer; ${score.trapsProposed.length} look-alikes proposed.`
    )
    yield* Console.log(`Review file: ${join(out1, "review.csv")}\nReport:      ${join(out1, "report.html")}`)

    yield* say("2. Sign-off (DEMO ONLY: the demo approves every case it is sure of; in real use an admin fills the decision column)")
    const rows: Array<Record<string, string>> = parse(readFileSync(join(out1, "review.csv")), { bom: true, columns: true })
    const approved = rows.map((r) => ({ ...r, decision: r.scenario === "review" ? "" : "approve" }))
    writeFileSync(join(out1, "review.csv"), stringify(approved, { header: true, bom: true, record_delimiter: "windows" }))
    yield* Console.log(
      `Approved ${approved.filter((r) => r.decision === "approve").length} cases; left ${approved.filter((r) => r.decision === "").length} that need a person.`
    )

    yield* say("3. Apply the approved cases in QBO and POM (journaled; verified afterwards)")
    const apply = yield* reconcile(["apply", "--review", join(out1, "review.csv"), "--db", db], sandbox.env)
    yield* Console.log(`Writes the local servers executed: QBO ${sandbox.qbo.log.length}, POM ${sandbox.pom.log.writes.length}.`)

    yield* say("4. Run again: the applied cases are resolved")
    const out2 = join(dir, "run-2")
    yield* reconcile(["run", "--pom-api", "--qbo-api", "--out", out2, "--db", db], sandbox.env)

    yield* say("Done")
    yield* Console.log(
      [
        `Everything is in ${dir}:`,
        `  run-1/review.csv, run-1/report.html   the first run's cases (with the demo's approvals)`,
        `  run-1/apply-report-A-….csv             what apply did, step by step`,
        `  run-2/report.html                      the second run: what is resolved, what is still open`,
        `  reconcile.db                           the store (runs, plans, journal); try: npx reconcile status --db ${db}`,
        `  company/                               the same company as files: npx reconcile run --pom-csv ${join(dir, "company", "pom")} --qbo-snapshot ${join(dir, "company", "qbo")} --out ./out`
      ].join("\n")
    )
    if (apply.code !== 0) yield* Console.log(`(apply exited with ${apply.code}: see above)`)
  }).pipe(Effect.scoped)
).pipe(Command.withDescription("The whole loop on a generated company with local QBO and POM servers: run, review, apply, run again (no credentials needed)"))
