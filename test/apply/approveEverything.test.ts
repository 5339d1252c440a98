import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { parse } from "csv-parse/sync"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { byHandSteps } from "../../pipeline/apply/byHandSteps.ts"
import { blockerKind } from "../../pipeline/domain/Blocker.ts"
import type { Case } from "../../pipeline/domain/Case.ts"
import type { RunSummary } from "../../pipeline/RunSummary.ts"
import { type ApplySandbox, applyJson, startApplySandbox } from "./ApplySandbox.ts"
import { approveOnly, editRows, readReview, type ReviewSheet, writeExcelUtf8 } from "./reviewFile.ts"
import { editQbo, executedWrites, invoiceCustomer, stepWriteKey, tallyWrites, writeMark } from "./serverState.ts"

/*
 * An admin who approves every row of a review file, review cases included, without doing what their blockers ask,
 * against the local QBO and POM servers. Whatever the file says, no step a blocker forbids may reach a server:
 * the servers' own write logs are the judge.
 */

let sandbox: ApplySandbox
let run: RunSummary
let sheet: ReviewSheet
let cases: ReadonlyArray<Case>

const kinds = (c: Case) => new Set(c.blockers.map(blockerKind))

beforeAll(async () => {
  sandbox = await startApplySandbox({
    seed: 73,
    customers: 600,
    rates: { "review/paid-invoice": 6, "review/open-balance": 6, "review/keeper-unclear": 6, "review/three-accounts": 6 }
  })
  run = await sandbox.run("run1")
  sheet = readReview(join(sandbox.dir, "run1", "review.csv"))
  cases = await sandbox.casesOf(run.runId)
}, 120_000)
afterAll(() => sandbox.close())

const write = (name: string, edited: ReviewSheet): string => {
  const file = join(sandbox.dir, `${name}.csv`)
  writeExcelUtf8(file, edited)
  return file
}

describe("approving every case of a review file, review cases included", () => {
  it("sends no step a blocker forbids, refuses the cases that need a choice, and lists the work by hand", async () => {
    const choiceCases = cases.filter((c) => kinds(c).has("choice") || kinds(c).has("cannot-apply"))
    const byHandCases = cases.filter((c) => !kinds(c).has("choice") && !kinds(c).has("cannot-apply") && kinds(c).has("by-hand"))
    expect(choiceCases.length).toBeGreaterThanOrEqual(6)
    expect(byHandCases.length).toBeGreaterThanOrEqual(6)
    // Nothing of a refused case, and no by-hand step of any case, may be written.
    const forbidden = new Set([
      ...choiceCases.flatMap((c) => c.plan.steps.map(stepWriteKey)),
      ...cases.flatMap((c) => [...byHandSteps(c).keys()].map((i) => stepWriteKey(c.plan.steps[i] ?? c.plan.steps[0]!)))
    ])
    expect([...forbidden].some((k) => k.startsWith("qbo:Invoice:"))).toBe(true)

    const file = write("everything", editRows(sheet, () => ({ decision: "approve" })))
    const mark = writeMark(sandbox)
    const result = await sandbox.apply(file)
    expect(result.code).toBe(1)
    const summary = applyJson(result.stdout)

    const writes = executedWrites(sandbox, mark)
    expect(writes.length).toBeGreaterThan(0)
    expect(writes.filter((w) => forbidden.has(w))).toEqual([])

    const refused = new Map(summary.refused.map((r) => [r.caseId, r.reason]))
    for (const c of choiceCases) expect(refused.get(c.id), c.id).toMatch(/needs a choice|cannot be applied/)
    expect(refused.size).toBe(choiceCases.length)

    // The fixable cases went through in full.
    const fixable = cases.filter((c) => c.blockers.length === 0)
    expect(tallyWrites(sandbox, [...fixable, ...byHandCases], mark).unexpected).toEqual([])
    expect(tallyWrites(sandbox, fixable, mark).missing).toEqual([])
    expect(summary.cases).toMatchObject({ done: fixable.length, waiting: byHandCases.length, failed: 0, stale: 0 })

    // Each by-hand step is on the QBO worklist with a link to open it.
    const worklist = summary.outputs["qboWorklist"] ?? ""
    expect(existsSync(worklist)).toBe(true)
    const rows: Array<Record<string, string>> = parse(readFileSync(worklist), { bom: true, columns: true })
    const expected = byHandCases.reduce((n, c) => n + byHandSteps(c).size, 0)
    expect(rows).toHaveLength(expected)
    for (const row of rows) expect(row["link"]).toMatch(/^https:\/\/app\.sandbox\.qbo\.intuit\.com\/app\/(invoice\?txnId|customerdetail\?nameId)=/)
  }, 180_000)

  it("carries on a waiting case once the by-hand work shows in QBO, and never sends that step itself", async () => {
    const paid = cases.find((c) => c.blockers.length > 0 && c.blockers.every((b) => b._tag === "invoice-has-payment"))
    if (paid === undefined) throw new Error("no case held only by a paid invoice")
    const relink = paid.plan.steps.findIndex((s) => s._tag === "set-quickbooks-id")
    expect(relink).toBeGreaterThan(-1)
    const byHand = [...byHandSteps(paid).keys()].map((i) => paid.plan.steps[i]).flatMap((s) => (s?._tag === "move-invoice" ? [s] : []))
    expect(byHand.length).toBeGreaterThan(0)

    // Before the work is done: the case waits, and applying again sends nothing more for it.
    const file = write("paid", approveOnly(sheet, [paid.id]))
    const first = await sandbox.apply(file)
    expect(applyJson(first.stdout).cases, first.stdout).toMatchObject({ waiting: 1 })
    const idle = writeMark(sandbox)
    const again = await sandbox.apply(file)
    expect(applyJson(again.stdout).cases, again.stdout).toMatchObject({ waiting: 1 })
    expect(executedWrites(sandbox, idle)).toEqual([])

    // The admin unapplies the payment, moves the invoice in QBO's own screens and re-applies it.
    for (const s of byHand) editQbo(sandbox, "Invoice", s.invoiceId, { CustomerRef: { value: s.to } })
    const mark = writeMark(sandbox)
    const result = await sandbox.apply(file)
    expect(result.code).toBe(0)
    expect(applyJson(result.stdout).cases).toMatchObject({ done: 1, waiting: 0 })
    const writes = executedWrites(sandbox, mark)
    expect(writes).toContain(stepWriteKey(paid.plan.steps[relink]!))
    expect(writes.filter((w) => w.startsWith("qbo:Invoice:"))).toEqual([])
    for (const s of byHand) expect(invoiceCustomer(sandbox, s.invoiceId)).toBe(s.to)
  }, 120_000)

  it("applies a choice case as the admin chose it, and refuses a choice naming a record outside the case", async () => {
    const unclear = cases.find((c) => c.blockers.length === 1 && c.blockers[0]?._tag === "keeper-unclear")
    if (unclear === undefined || unclear.keepPomId === null) throw new Error("no case held only by an unclear keeper")
    const other = unclear.mergePomIds[0]
    if (other === undefined) throw new Error("an unclear keeper without a second account")
    const otherCase = cases.find((c) => c.id !== unclear.id && c.pomIds.length > 0)
    const outsider = otherCase?.pomIds[0] ?? "cus_missing"

    const bad = write("outsider", editRows(approveOnly(sheet, [unclear.id]), (row) => (row["case_id"] === unclear.id ? { choose_keep_pom_id: outsider } : null)))
    const before = writeMark(sandbox)
    const refused = await sandbox.apply(bad)
    expect(refused.code).toBe(1)
    expect(applyJson(refused.stdout).refused[0]?.reason).toContain(`choose_keep_pom_id: ${outsider} is not a POM account of this case`)
    expect(executedWrites(sandbox, before)).toEqual([])

    // The admin keeps the account the tool would not have kept.
    const chosen = write("chosen", editRows(approveOnly(sheet, [unclear.id]), (row) => (row["case_id"] === unclear.id ? { choose_keep_pom_id: other } : null)))
    const dry = await sandbox.apply(chosen, ["--dry-run"])
    expect(dry.code).toBe(0)
    const dryRun = await import("../cli/runCli.ts").then((m) => m.runCli(["apply", "--review", chosen, "--db", sandbox.db, "--dry-run"], sandbox.env))
    expect(dryRun.stdout).toMatch(new RegExp(`${unclear.id} \\(pom-merge, confidence \\d+\\.\\d bits, p [^)]+\\) as chosen: keep POM ${other}`))
    expect(executedWrites(sandbox, before)).toEqual([])

    const result = await sandbox.apply(chosen)
    expect(result.code).toBe(0)
    expect(applyJson(result.stdout).cases).toMatchObject({ done: 1 })
    expect(sandbox.pom.state.customers.get(unclear.keepPomId)?.status).toBe("INACTIVE")
    expect(sandbox.pom.state.customers.get(other)?.status).not.toBe("INACTIVE")
    expect([...sandbox.pom.state.appointmentsOf(unclear.keepPomId), ...sandbox.pom.state.servicesOf(unclear.keepPomId)]).toEqual([])
    const decision = (await sandbox.decisions()).find((d) => d.caseId === unclear.id)
    expect(decision).toMatchObject({ decision: "approve" })
    expect(JSON.stringify(decision)).toContain(other)
  }, 120_000)
})
