import { NodeContext } from "@effect/platform-node"
import { parse } from "csv-parse/sync"
import { stringify } from "csv-stringify/sync"
import { Effect } from "effect"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Company } from "../generator/Company.ts"
import { generateCompany } from "../generator/generateCompany.ts"
import { writeCompany } from "../generator/writeCompany.ts"
import { runCli } from "./runCli.ts"

let dir = ""
let company: Company
let hook: Server
const received: Array<unknown> = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reconcile-over-time-"))
  company = generateCompany({ seed: 5, customers: 800 })
  await Effect.runPromise(writeCompany(company, join(dir, "data")).pipe(Effect.provide(NodeContext.layer)))
  hook = createServer((req, res) => {
    let body = ""
    req.on("data", (c: Buffer) => (body += c.toString()))
    req.on("end", () => {
      received.push(JSON.parse(body))
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve))
})
afterAll(() => new Promise<void>((resolve) => hook.close(() => resolve())))

const files = (d = join(dir, "data")) => ["--pom-csv", join(d, "pom"), "--qbo-snapshot", join(d, "qbo")]
const readRows = (file: string): Array<Record<string, string>> => parse(readFileSync(file), { bom: true, columns: true })

describe("runs over time", () => {
  it("runs on a cron schedule, notifies the webhook only when there are new cases, and records every run", async () => {
    const db = join(dir, "sched.db")
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`
    const result = await runCli(["schedule", "--cron", "*/1 * * * * *", "--now", "--times", "2", ...files(), "--out", join(dir, "sched-out"), "--db", db, "--notify-webhook", url])
    expect(result.code).toBe(0)
    const status = await runCli(["status", "--db", db, "--json"])
    const runs: Array<{ kind: string; status: string }> = JSON.parse(status.stdout)
    expect(runs.filter((r) => r.kind === "run" && r.status === "ok")).toHaveLength(3)
    // The first run finds every case new; the next two find nothing new, so they stay quiet.
    expect(received).toHaveLength(1)
    const body = received[0] as { event: string; diff: { new: number }; cases: { total: number } }
    expect(body.event).toBe("reconcile.run.new-cases")
    expect(body.diff.new).toBe(company.truth.cases.length)
    // No customer data leaves in the notification.
    const someName = String((company.pom.customers[0] ?? {}).lastName)
    expect(JSON.stringify(body)).not.toContain(someName)
  })

  it("signals cases needing review with exit code 2 only when asked", async () => {
    const db = join(dir, "exit.db")
    expect((await runCli(["run", ...files(), "--out", join(dir, "exit-a"), "--db", db])).code).toBe(0)
    expect((await runCli(["run", ...files(), "--out", join(dir, "exit-b"), "--db", db, "--exit-code-for-review"])).code).toBe(2)
  })

  it("never lets two runs on one store overlap", async () => {
    const db = join(dir, "lock.db")
    const [a, b] = await Promise.all([
      runCli(["run", ...files(), "--out", join(dir, "lock-a"), "--db", db]),
      runCli(["run", ...files(), "--out", join(dir, "lock-b"), "--db", db])
    ])
    const codes = [a.code, b.code].sort()
    expect(codes).toEqual([0, 1])
    expect([a.stderr, b.stderr].join("\n")).toMatch(/another reconcile run \(pid \d+ .*\) is using/)
  })

  it("remembers a rejected case: not proposed again until one of its records changes, then marked", async () => {
    const db = join(dir, "memory.db")
    const first = JSON.parse((await runCli(["run", ...files(), "--out", join(dir, "m1"), "--db", db, "--json"])).stdout)
    const rows = readRows(join(dir, "m1", "review.csv"))
    const target = rows.find((r) => r.scenario === "pom-merge")
    if (target === undefined) throw new Error("no pom-merge case to reject")
    const decided = rows.map((r) => ({ ...r, decision: r.case_id === target.case_id ? "reject" : "", note: r.case_id === target.case_id ? "two tenants" : "" }))
    writeFileSync(join(dir, "m1", "review.csv"), stringify(decided, { header: true, bom: true, record_delimiter: "windows" }))
    const applied = await runCli(["apply", "--review", join(dir, "m1", "review.csv"), "--db", db, "--json"])
    expect(applied.code).toBe(0)
    expect(JSON.parse(applied.stdout).rejected).toBe(1)

    const second = JSON.parse((await runCli(["run", ...files(), "--out", join(dir, "m2"), "--db", db, "--json"])).stdout)
    expect(second.diff.suppressed).toBe(1)
    expect(second.cases.total).toBe(first.cases.total - 1)
    expect(readRows(join(dir, "m2", "review.csv")).map((r) => r.case_id)).not.toContain(target.case_id)

    const decisions = JSON.parse((await runCli(["decisions", "--db", db, "--json"])).stdout)
    expect(decisions).toEqual([expect.objectContaining({ caseId: target.case_id, decision: "reject", note: "two tenants" })])

    // A new phone number on one of the case's accounts: the case comes back, marked as rejected before.
    const changed = join(dir, "changed")
    await Effect.runPromise(writeCompany(company, changed).pipe(Effect.provide(NodeContext.layer)))
    const customersFile = join(changed, "pom", "customers.csv")
    const customers = readRows(customersFile)
    const keep = target.keep_pom_id
    writeFileSync(customersFile, stringify(customers.map((c) => (c.id === keep ? { ...c, phone: "(555) 010-0199" } : c)), { header: true }))
    const third = JSON.parse((await runCli(["run", ...files(changed), "--out", join(dir, "m3"), "--db", db, "--json"])).stdout)
    expect(third.diff.previouslyRejected).toBe(1)
    const back = readRows(join(dir, "m3", "review.csv")).find((r) => r.case_id === target.case_id)
    expect(back?.actions).toMatch(/rejected as not the same customer on .* \("two tenants"\); proposed again because a record changed/)

    // Taking the decision back makes the case an ordinary proposal again.
    const undo = await runCli(["decisions", "--db", db, "--undo", target.case_id ?? ""])
    expect(undo.stdout).toMatch(/Took back 1 decision/)
    const fourth = JSON.parse((await runCli(["run", ...files(), "--out", join(dir, "m4"), "--db", db, "--json"])).stdout)
    expect(fourth.diff.suppressed).toBe(0)
  })
})
