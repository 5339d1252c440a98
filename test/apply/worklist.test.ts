import { NodeContext } from "@effect/platform-node"
import { parse } from "csv-parse/sync"
import { stringify } from "csv-stringify/sync"
import { Effect } from "effect"
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "../cli/runCli.ts"
import { writeCompany } from "../generator/writeCompany.ts"
import { type Sandbox, startSandbox } from "../servers/startSandbox.ts"
import { approveOnly, readReview, writeExcelUtf8 } from "./reviewFile.ts"
import { invoiceCustomer, qboActive } from "./serverState.ts"

let sandbox: Sandbox
let dir = ""
let qboOnly: Record<string, string> = {}
/** What the first test leaves for the revert: its database, the applied case's review row, and the fresh export. */
let applied: { db: string; row: Record<string, string>; fresh: string } | null = null

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reconcile-worklist-"))
  sandbox = await startSandbox({ customers: 800, seed: 31 })
  await Effect.runPromise(writeCompany(sandbox.company, join(dir, "export")).pipe(Effect.provide(NodeContext.layer)))
  // No POM API access: only QBO is configured.
  qboOnly = Object.fromEntries(Object.entries(sandbox.env).filter(([key]) => key.startsWith("QBO_")))
})
afterAll(() => sandbox.close())

const readCsv = (file: string): Array<Record<string, string>> => parse(readFileSync(file), { bom: true, columns: true })
const writeCsv = (file: string, rows: Array<Record<string, string>>) => writeFileSync(file, stringify(rows, { header: true }))

/** An admin works a worklist through in POM; the export made afterwards, into `to`, shows it (statuses as POM exports them). */
const doWorklist = (from: string, to: string, worklist: ReadonlyArray<Record<string, string>>) => {
  cpSync(from, to, { recursive: true })
  const customers = readCsv(join(to, "customers.csv"))
  const appointments = readCsv(join(to, "appointments.csv"))
  const services = readCsv(join(to, "services.csv"))
  for (const w of worklist) {
    if (w.field === "QBO ID") customers.forEach((c) => c.id === w.customer && (c.quickbooksId = w.to ?? ""))
    if (w.field === "status") customers.forEach((c) => c.id === w.customer && (c.status = (w.to ?? "").toUpperCase()))
    if (w.record?.startsWith("appointment ")) appointments.forEach((a) => a.id === w.record?.slice(12) && (a.customerId = w.to ?? ""))
    if (w.record?.startsWith("service ")) services.forEach((s) => s.id === w.record?.slice(8) && (s.customerId = w.to ?? ""))
  }
  writeCsv(join(to, "customers.csv"), customers)
  writeCsv(join(to, "appointments.csv"), appointments)
  writeCsv(join(to, "services.csv"), services)
}

describe("apply without POM API access", () => {
  it("lists POM steps on pom-worklist.csv, keeps the wrong QBO customer until they are done, then confirms them from a fresh export", async () => {
    const db = join(dir, "r.db")
    await sandbox.connectQbo(db)
    const out = join(dir, "out")
    const run = await runCli(["run", "--pom-csv", join(dir, "export", "pom"), "--qbo-api", "--out", out, "--db", db, "--json"], qboOnly)
    expect(run.code).toBe(0)
    const review = readReview(join(out, "review.csv"))
    const target = review.rows.find((r) => r.scenario === "scenario-2")
    if (target === undefined) throw new Error("no scenario-2 case")
    writeExcelUtf8(join(out, "review.csv"), approveOnly(review, [target.case_id ?? ""]))

    const first = await runCli(["apply", "--review", join(out, "review.csv"), "--db", db, "--json"], qboOnly)
    expect(first.code).toBe(3)
    expect(JSON.parse(first.stdout).cases.waiting).toBe(1)
    const wrong = target.wrong_qbo_ids ?? ""
    const correct = target.correct_qbo_id ?? ""
    // The invoices moved in QBO; the wrong customer stays active while POM still points at it.
    for (const id of (target.invoices_to_move ?? "").split(";")) expect(invoiceCustomer(sandbox, id)).toBe(correct)
    expect(qboActive(sandbox, wrong)).toBe(true)

    const worklist = readCsv(join(out, "pom-worklist.csv"))
    expect(worklist.length).toBeGreaterThan(0)
    expect(worklist.every((w) => w.case_id === target.case_id)).toBe(true)
    expect(worklist).toContainEqual(expect.objectContaining({ customer: target.keep_pom_id, field: "QBO ID", from: wrong, to: correct }))

    // An admin does the worklist in POM; the next export shows it.
    const fresh = join(dir, "fresh")
    doWorklist(join(dir, "export", "pom"), fresh, worklist)

    const second = await runCli(["apply", "--review", join(out, "review.csv"), "--db", db, "--json", "--pom-csv", fresh], qboOnly)
    expect(second.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    expect(second.code).toBe(0)
    expect(JSON.parse(second.stdout).cases.done).toBe(1)
    expect(qboActive(sandbox, wrong)).toBe(false)
    applied = { db, row: target as Record<string, string>, fresh }
  })

  it("reverts the case the same way: POM steps on a revert worklist, the invoices held back until a fresh export shows them done", async () => {
    if (applied === null) throw new Error("the apply above did not finish")
    const { db, row, fresh } = applied
    const caseId = row.case_id ?? ""
    const wrong = row.wrong_qbo_ids ?? ""
    const correct = row.correct_qbo_id ?? ""
    const invoices = (row.invoices_to_move ?? "").split(";")
    const out = join(dir, "reverts")

    const first = await runCli(["revert", caseId, "--db", db, "--json", "--out", out], qboOnly)
    expect(first.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    const waiting = JSON.parse(first.stdout)
    expect(first.code).toBe(3)
    expect(waiting).toMatchObject({ status: "waiting", byHand: [] })
    // The retired QBO customer is back; the invoices stay where apply put them while POM still points there.
    expect(qboActive(sandbox, wrong)).toBe(true)
    for (const id of invoices) expect(invoiceCustomer(sandbox, id)).toBe(correct)
    const worklist = readCsv(waiting.outputs.pomWorklist)
    expect(worklist).toContainEqual(expect.objectContaining({ customer: row.keep_pom_id, field: "QBO ID", from: correct, to: wrong }))
    expect(worklist.every((w) => w.case_id === caseId)).toBe(true)

    // Asked again before the admin has done it: still waiting, nothing more sent.
    const unchanged = await runCli(["revert", caseId, "--db", db, "--json", "--out", out, "--pom-csv", fresh], qboOnly)
    expect(unchanged.code).toBe(3)
    expect(JSON.parse(unchanged.stdout).status).toBe("waiting")
    for (const id of invoices) expect(invoiceCustomer(sandbox, id)).toBe(correct)

    const undone = join(dir, "fresh-after-revert")
    doWorklist(fresh, undone, worklist)
    const second = await runCli(["revert", caseId, "--db", db, "--json", "--out", out, "--pom-csv", undone], qboOnly)
    expect(second.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    expect(second.code).toBe(0)
    expect(JSON.parse(second.stdout)).toMatchObject({ status: "reverted", byHand: [] })
    for (const id of invoices) expect(invoiceCustomer(sandbox, id)).toBe(wrong)
    expect(qboActive(sandbox, wrong)).toBe(true)
  })
})
