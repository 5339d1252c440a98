import { NodeContext } from "@effect/platform-node"
import { parse } from "csv-parse/sync"
import { stringify } from "csv-stringify/sync"
import { Effect, Option } from "effect"
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { PomCustomerId, RunId } from "../../pipeline/domain/Ids.ts"
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

  it("leaves a complete store when it exits: reopened, it holds every history row read, in the order read", async () => {
    const db = join(dir, "complete.db")
    const result = await runCli(runArgs(join(dir, "complete-out"), db))
    expect(result.code).toBe(0)
    const summary = JSON.parse(result.stdout)
    // Everything was checkpointed into the database file: it alone is the store.
    expect(existsSync(`${db}-wal`)).toBe(false)
    // Writing the history's last rows is part of the run, and counted in its total.
    const { read, storeHistory, total } = summary.timings
    expect(storeHistory).toBeGreaterThanOrEqual(0)
    expect(total).toBeGreaterThanOrEqual(read + storeHistory)
    const { appointments, services, invoices } = summary.records
    expect(appointments).toBe(company.pom.appointments.length)
    const byCustomer = new Map<string, Array<string>>()
    for (const a of company.pom.appointments) byCustomer.set(a.customerId, [...(byCustomer.get(a.customerId) ?? []), a.id])
    const [customer] = [...byCustomer].sort(([, a], [, b]) => b.length - a.length)
    if (customer === undefined) return expect.unreachable("the company has appointments")
    const stored = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const store = yield* Store
          const check = store.db.$client.pragma("integrity_check", { simple: true })
          const row: unknown = store.db.$client
            .prepare("SELECT sum(json_array_length(body)) AS n FROM history_rows WHERE load = (SELECT history_load FROM snapshots WHERE id = ?)")
            .get(summary.snapshotId)
          const opened = yield* store.openSnapshot(summary.snapshotId)
          const ofCustomer = Option.match(opened, { onNone: () => [], onSome: (s) => s.history.appointmentsOf(PomCustomerId.make(customer[0])) })
          return { check, row, ofCustomer: ofCustomer.map((a) => a.id) }
        })
      ).pipe(Effect.provide(Store.layer(db)))
    )
    expect(stored.check).toBe("ok")
    expect(stored.row).toEqual({ n: appointments + services + invoices })
    expect(stored.ofCustomer.length).toBeGreaterThan(1)
    expect(stored.ofCustomer).toEqual(customer[1])
  })

  it("counts the matched pairs it set aside, as many as its debug log explains, and says so in its summary", async () => {
    const out = join(dir, "set-aside")
    const db = join(dir, "set-aside.db")
    const result = await runCli(["--log-level", "debug", ...runArgs(out, db)])
    expect(result.code).toBe(0)
    const summary = JSON.parse(result.stdout)
    const explained = result.stderr.split("\n").filter((line) => line.includes(" set aside: "))
    // The generated company plants relatives next door, whose cross pairs are set aside.
    expect(summary.matching.setAsidePairs).toBeGreaterThan(0)
    expect(summary.matching.setAsidePairs).toBe(explained.length)
    const text = await runCli(runArgs(join(dir, "set-aside-text"), db).filter((arg) => arg !== "--json"))
    expect(text.stdout).toContain(`Set aside ${summary.matching.setAsidePairs.toLocaleString("en-US")} matched pairs`)
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

  it("stops when a side shrank by more than half since the previous run on the same store, unless --allow-shrink", async () => {
    const db = join(dir, "shrink.db")
    const first = await runCli(runArgs(join(dir, "shrink-out1"), db))
    expect(first.code).toBe(0)
    const before = JSON.parse(first.stdout).records.pomCustomers

    const cut = mkdtempSync(join(tmpdir(), "reconcile-cut-"))
    cpSync(join(dir, "pom"), join(cut, "pom"), { recursive: true })
    cpSync(join(dir, "qbo"), join(cut, "qbo"), { recursive: true })
    const file = join(cut, "pom", "customers.csv")
    const lines = readFileSync(file, "utf8").trimEnd().split("\n")
    // A cut-off export: the header and the first 40 % of the customers.
    writeFileSync(file, `${lines.slice(0, 1 + Math.floor((lines.length - 1) * 0.4)).join("\n")}\n`)
    const cutArgs = (out: string) => ["run", "--pom-csv", join(cut, "pom"), "--qbo-snapshot", join(cut, "qbo"), "--out", out, "--db", db]

    const refused = await runCli(cutArgs(join(cut, "out-refused")))
    expect(refused.code).toBe(1)
    const errors = refused.stderr.split("\n").filter((l) => l.startsWith("error: "))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(new RegExp(`^error: POM customers fell from ${before} \\(run R-[^)]+\\) to \\d+ in files:`))
    expect(errors[0]).toContain("run again with --allow-shrink")
    expect(existsSync(join(cut, "out-refused", "review.csv"))).toBe(false)

    const allowed = await runCli([...cutArgs(join(cut, "out-allowed")), "--allow-shrink", "--json"])
    expect(allowed.code).toBe(0)
    expect(JSON.parse(allowed.stdout).records.pomCustomers).toBeLessThan(before / 2)
  })

  it("stops when a side has no customers at all", async () => {
    const empty = mkdtempSync(join(tmpdir(), "reconcile-empty-"))
    cpSync(join(dir, "pom"), join(empty, "pom"), { recursive: true })
    cpSync(join(dir, "qbo"), join(empty, "qbo"), { recursive: true })
    writeFileSync(join(empty, "qbo", "customers.json"), "[]\n")
    writeFileSync(join(empty, "qbo", "invoices.json"), "[]\n")
    const result = await runCli(["run", "--pom-csv", join(empty, "pom"), "--qbo-snapshot", join(empty, "qbo"), "--out", join(empty, "out"), "--db", join(empty, "r.db")])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: QBO has no customers in files:.*--allow-shrink$/m)
    expect(existsSync(join(empty, "out", "review.csv"))).toBe(false)
  })

  it("keeps a customer with a bad date, and sends a case whose invoice could not be read to review naming file and line", async () => {
    const db = join(dir, "partial-base.db")
    const base = JSON.parse((await runCli(runArgs(join(dir, "partial-out1"), db))).stdout)
    const planned = (await casesOf(db, base.runId)).find(
      (c) => c.scenario === "scenario-2" && c.plan.steps.some((s) => s._tag === "inactivate-qbo-customer")
    )
    if (planned === undefined) throw new Error("the generated company has no scenario-2 case retiring a QBO customer")
    const wrong = planned.wrongQboIds[0]

    const bad = mkdtempSync(join(tmpdir(), "reconcile-partial-"))
    await Effect.runPromise(writeCompany(company, bad).pipe(Effect.provide(NodeContext.layer)))
    const invoicesFile = join(bad, "qbo", "invoices.json")
    const invoices: Array<{ Id: string; CustomerRef: { value: string }; TotalAmt: unknown }> = JSON.parse(readFileSync(invoicesFile, "utf8"))
    const position = invoices.findIndex((i) => i.CustomerRef.value === wrong) + 1
    const broken = invoices[position - 1]
    if (broken === undefined) throw new Error(`no invoice of QBO ${wrong}`)
    broken.TotalAmt = "a lot"
    writeFileSync(invoicesFile, JSON.stringify(invoices))

    const customersFile = join(bad, "pom", "customers.csv")
    const rows: Array<Array<string>> = parse(readFileSync(customersFile))
    const createdAt = (rows[0] ?? []).indexOf("createdAt")
    const dated = rows[3]
    if (dated === undefined || createdAt < 0) throw new Error("customers.csv has no createdAt column")
    dated[createdAt] = "someday"
    writeFileSync(customersFile, stringify(rows))

    const out = join(bad, "out")
    const result = await runCli(["run", "--pom-csv", join(bad, "pom"), "--qbo-snapshot", join(bad, "qbo"), "--out", out, "--db", join(bad, "r.db"), "--json"])
    expect(result.code).toBe(0)
    const summary = JSON.parse(result.stdout)
    // The customer with the bad date is kept; the invoice is not.
    expect(summary.records.pomCustomers).toBe(base.records.pomCustomers)
    expect(summary.records.invoices).toBe(base.records.invoices - 1)
    const rejected: Array<Record<string, string>> = parse(readFileSync(join(out, "rejected.csv")), { bom: true, columns: true })
    expect(Object.keys(rejected[0] ?? {})).toEqual(["file", "line", "severity", "field", "reason", "raw"])
    expect(rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "customers.csv", line: "4", severity: "field", field: "createdAt" }),
        expect.objectContaining({ file: "invoices.json", line: String(position), severity: "row", field: "TotalAmt" })
      ])
    )

    const after = (await casesOf(join(bad, "r.db"), summary.runId)).find((c) => c.id === planned.id)
    expect(after?.scenario).toBe("review")
    expect(after?.blockers).toContainEqual(
      expect.objectContaining({ _tag: "unreadable-record", system: "qbo", kind: "invoice", id: broken.Id, file: "invoices.json", line: position })
    )
    expect(after?.plan.steps.map((s) => s._tag)).not.toContain("inactivate-qbo-customer")
    const review: Array<Record<string, string>> = parse(readFileSync(join(out, "review.csv")), { bom: true, columns: true })
    expect(review.find((r) => r.case_id === planned.id)?.blockers).toContain(`invoices.json line ${position}`)
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
