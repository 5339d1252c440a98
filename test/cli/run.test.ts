import { NodeContext } from "@effect/platform-node"
import { parse } from "csv-parse/sync"
import { Effect } from "effect"
import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { RunId } from "../../pipeline/domain/Ids.ts"
import { Store } from "../../sinks/store/Store.ts"
import { generateCompany } from "../generator/generateCompany.ts"
import { scoreAgainstTruth } from "../generator/scoreAgainstTruth.ts"
import type { Company } from "../generator/Company.ts"
import { writeCompany } from "../generator/writeCompany.ts"
import { runCli } from "./runCli.ts"

let dir = ""
let company: Company

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reconcile-run-"))
  company = generateCompany({ seed: 11, customers: 2000 })
  await Effect.runPromise(writeCompany(company, dir).pipe(Effect.provide(NodeContext.layer)))
})

const runArgs = (out: string, db: string) => ["run", "--pom-csv", join(dir, "pom"), "--qbo-snapshot", join(dir, "qbo"), "--out", out, "--db", db, "--json"]

const casesOf = (db: string, runId: string) =>
  Effect.runPromise(Effect.scoped(Effect.flatMap(Store, (s) => s.casesOfRun(RunId.make(runId)))).pipe(Effect.provide(Store.layer(db))))

describe("reconcile run", () => {
  it("finds every injected case with the right scenario, keeper and QBO customer, and proposes no trap", async () => {
    const out = join(dir, "out1")
    const db = join(dir, "one.db")
    const result = await runCli(runArgs(out, db))
    expect(result.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    expect(result.code).toBe(0)
    const summary = JSON.parse(result.stdout)
    const cases = await casesOf(db, summary.runId)
    const score = scoreAgainstTruth(company.truth, cases)
    expect(score.misses).toEqual([])
    expect(score.trapsProposed).toEqual([])
    expect(score.found).toBe(company.truth.cases.length)
    for (const scenario of ["scenario-1", "scenario-2", "pom-merge", "qbo-merge", "review"]) {
      expect(summary.cases.byScenario[scenario]).toBeGreaterThan(0)
    }

    const rows: Array<Record<string, string>> = parse(readFileSync(join(out, "review.csv")), { bom: true, columns: true })
    expect(rows).toHaveLength(cases.length)
    expect(new Set(rows.map((r) => r.case_id))).toEqual(new Set(cases.map((c) => c.id)))
    expect(JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).runId).toBe(summary.runId)
    // Tokens will live in the store: only its owner may read it.
    expect(statSync(db).mode & 0o777).toBe(0o600)
  })

  it("gives the same case ids to the same records in a later run", async () => {
    const db = join(dir, "two.db")
    const first = JSON.parse((await runCli(runArgs(join(dir, "out2a"), db))).stdout)
    const second = JSON.parse((await runCli(runArgs(join(dir, "out2b"), db))).stdout)
    expect(second.runId).not.toBe(first.runId)
    const ids = async (runId: string) => (await casesOf(db, runId)).map((c) => c.id).sort()
    expect(await ids(second.runId)).toEqual(await ids(first.runId))
  })

  it("rejects malformed rows into rejected.csv with file, line and reason, and goes on", async () => {
    const bad = mkdtempSync(join(tmpdir(), "reconcile-bad-"))
    await Effect.runPromise(writeCompany(company, bad).pipe(Effect.provide(NodeContext.layer)))
    const file = join(bad, "pom", "customers.csv")
    const lines = readFileSync(file, "utf8").split("\n")
    const header = (lines[0] ?? "").split(",")
    const statusAt = header.indexOf("status")
    const cells = (lines[5] ?? "").split(",")
    cells[statusAt] = "MAYBE"
    lines[5] = cells.join(",")
    writeFileSync(file, lines.join("\n"))
    const out = join(bad, "out")
    const result = await runCli(["run", "--pom-csv", join(bad, "pom"), "--qbo-snapshot", join(bad, "qbo"), "--out", out, "--db", join(bad, "r.db"), "--json"])
    expect(result.code).toBe(0)
    const rejected: Array<Record<string, string>> = parse(readFileSync(join(out, "rejected.csv")), { bom: true, columns: true })
    expect(JSON.parse(result.stdout).rejected).toBe(rejected.length)
    const customerRows = rejected.filter((r) => r.file === "customers.csv")
    expect(customerRows).toEqual([expect.objectContaining({ line: "6" })])
    expect(customerRows[0]?.reason).toMatch(/MAYBE/)
    // The rejected customer's appointments and services cannot be placed either, and say so.
    for (const r of rejected.filter((x) => x.file !== "customers.csv")) expect(r.reason).toMatch(/customer/i)
  })

  it("fails with a message naming the file and column when a required column is missing", async () => {
    const bad = mkdtempSync(join(tmpdir(), "reconcile-nocol-"))
    await Effect.runPromise(writeCompany(company, bad).pipe(Effect.provide(NodeContext.layer)))
    const file = join(bad, "pom", "customers.csv")
    writeFileSync(file, readFileSync(file, "utf8").replace(/^id,firstName,lastName,companyName,email,phone,mobilePhone,street,city,state,zipCode,status,quickbooksId/, "id,firstName,lastName,companyName,email,phone,mobilePhone,street,city,state,zipCode,status,qb"))
    const result = await runCli(["run", "--pom-csv", join(bad, "pom"), "--qbo-snapshot", join(bad, "qbo"), "--out", join(bad, "out"), "--db", join(bad, "r.db")])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/customers\.csv/)
    expect(result.stderr).toMatch(/quickbooksId/)
    expect(existsSync(join(bad, "out", "review.csv"))).toBe(false)
  })
})
