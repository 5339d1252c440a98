import { NodeContext } from "@effect/platform-node"
import { Effect } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { RunId } from "../../pipeline/domain/Ids.ts"
import { Store } from "../../sinks/store/Store.ts"
import { writeCompany } from "../generator/writeCompany.ts"
import { type Sandbox, startSandbox } from "../servers/startSandbox.ts"
import { runCli } from "./runCli.ts"

let sandbox: Sandbox
let dir = ""

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reconcile-pull-"))
  sandbox = await startSandbox({ customers: 2500, seed: 23 })
  await Effect.runPromise(writeCompany(sandbox.company, join(dir, "files")).pipe(Effect.provide(NodeContext.layer)))
})
afterAll(async () => {
  await sandbox.close()
})

const casesOf = (db: string, runId: string) =>
  Effect.runPromise(Effect.scoped(Effect.flatMap(Store, (s) => s.casesOfRun(RunId.make(runId)))).pipe(Effect.provide(Store.layer(db))))

const shape = (cases: Awaited<ReturnType<typeof casesOf>>) =>
  cases.map((c) => ({ id: c.id, scenario: c.scenario, keep: c.keepPomId, correct: c.correctQboId, steps: c.plan.steps.length })).sort((a, b) => (a.id < b.id ? -1 : 1))

describe("reconcile run on the live APIs", () => {
  it("pulls a company from the local QBO and POM servers and finds exactly the cases the offline run finds", async () => {
    const liveDb = join(dir, "live.db")
    await sandbox.connectQbo(liveDb)
    const live = await runCli(["run", "--pom-api", "--qbo-api", "--out", join(dir, "live-out"), "--db", liveDb, "--json"], sandbox.env)
    expect(live.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    expect(live.code).toBe(0)
    const liveSummary = JSON.parse(live.stdout)
    expect(liveSummary.inputs).toEqual({ pom: "api:pom", qbo: "api:qbo" })
    // The two pulls overlap: together they take about as long as the slower one, not the sum.
    const t = liveSummary.timings
    expect(t.read).toBeLessThan(t.readPom + t.readQbo - Math.min(t.readPom, t.readQbo) / 2)

    const fileDb = join(dir, "files.db")
    const offline = await runCli(["run", "--pom-csv", join(dir, "files", "pom"), "--qbo-snapshot", join(dir, "files", "qbo"), "--out", join(dir, "file-out"), "--db", fileDb, "--json"])
    const fileSummary = JSON.parse(offline.stdout)

    expect(liveSummary.records).toEqual(fileSummary.records)
    const liveCases = shape(await casesOf(liveDb, liveSummary.runId))
    expect(liveCases.length).toBe(sandbox.company.truth.cases.length)
    expect(liveCases).toEqual(shape(await casesOf(fileDb, fileSummary.runId)))
    // Inactive QBO customers are pulled too (QBO leaves them out unless asked).
    const inactive = sandbox.company.qbo.customers.filter((c) => typeof c === "object" && c !== null && "Active" in c && c.Active === false)
    expect(inactive.length).toBeGreaterThan(0)
    expect(liveSummary.records.qboCustomers).toBe(sandbox.company.qbo.customers.length)
  })

  it("says what to do when neither a folder nor the API is given for a side", async () => {
    const result = await runCli(["run", "--pom-api", "--out", join(dir, "x"), "--db", join(dir, "x.db")], sandbox.env)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/--qbo-snapshot folder.*or --qbo-api/)
  })
})

describe("reconcile pull", () => {
  it("stores a snapshot of both systems, and a failed pull leaves the previous snapshot as it was", async () => {
    const db = join(dir, "pull.db")
    await sandbox.connectQbo(db)
    const env = { ...sandbox.env, POM_MAX_RETRIES: "0" }
    const first = await runCli(["pull", "--pom-api", "--qbo-api", "--db", db, "--json"], env)
    expect(first.code).toBe(0)
    const pulled = JSON.parse(first.stdout)
    expect(pulled.records.pomCustomers).toBe(sandbox.company.pom.customers.length)
    expect(pulled.records.invoices).toBe(sandbox.company.qbo.invoices.length)

    // POM answers 500 to everything: nothing of this pull is stored.
    sandbox.pom.inject({ kind: "status", status: 500, times: 50 })
    const failed = await runCli(["pull", "--pom-api", "--qbo-api", "--db", db, "--json"], env)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toMatch(/POM/)

    const runs: Array<{ kind: string; status: string; snapshotId: string | null }> = JSON.parse((await runCli(["status", "--db", db, "--json"])).stdout)
    expect(runs.filter((r) => r.kind === "pull").map((r) => r.status).sort()).toEqual(["failed", "ok"])
    const snapshot = await Effect.runPromise(
      Effect.scoped(Effect.flatMap(Store, (s) => s.loadSnapshot(pulled.snapshotId))).pipe(Effect.provide(Store.layer(db)))
    )
    expect(snapshot._tag).toBe("Some")
    expect(runs.filter((r) => r.snapshotId !== null)).toHaveLength(1)
  })

  it("waits out a 429 for QBO_THROTTLE_WAIT_MS, as apply does, and says so in its debug log", async () => {
    sandbox.pom.clearFaults()
    const db = join(dir, "throttled.db")
    await sandbox.connectQbo(db)
    const throttledBefore = sandbox.qbo.stats.throttled
    sandbox.qbo.inject({ kind: "throttle", times: 1, match: { operation: "query" } })
    const env = { ...sandbox.env, QBO_THROTTLE_WAIT_MS: "300" }
    const pulled = await runCli(["--log-level", "debug", "pull", "--pom-api", "--qbo-api", "--db", db, "--json"], env, 150_000)
    expect(pulled.code).toBe(0)
    // The local server may throttle more on a busy machine (it counts a request when its own event loop gets to it).
    expect(sandbox.qbo.stats.throttled).toBeGreaterThan(throttledBefore)
    expect(pulled.stderr).toContain("QBO asked to slow down (429): waiting 0.3 s")
    expect(pulled.stderr).not.toContain("waiting 60 s")
    expect(JSON.parse(pulled.stdout).records.invoices).toBe(sandbox.company.qbo.invoices.length)
  })
})
