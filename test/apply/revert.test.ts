import { parse } from "csv-parse/sync"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Case } from "../../pipeline/domain/Case.ts"
import type { PlanStep } from "../../pipeline/domain/PlanStep.ts"
import type { RunSummary } from "../../pipeline/RunSummary.ts"
import { runCli } from "../cli/runCli.ts"
import { type ApplySandbox, applyJson, moreFixableCases, startApplySandbox } from "./ApplySandbox.ts"
import { approveOnly, readReview, writeExcelUtf8 } from "./reviewFile.ts"
import { editQbo, executedWrites, invoiceCustomer, stepWriteKey, writeMark } from "./serverState.ts"

/** What `reconcile revert --json` prints (cli/RevertCommand.ts `RevertSummary`). */
interface RevertJson {
  readonly revertId: string
  readonly caseId: string
  readonly runId: string | null
  readonly status: string
  readonly detail: string | null
  readonly stepsDone: number
  readonly steps: ReadonlyArray<{ readonly applyStep: number; readonly action: string; readonly description: string; readonly status: string }>
  readonly byHand: ReadonlyArray<unknown>
  readonly outputs: Readonly<Record<string, string>>
}

let sandbox: ApplySandbox
let run: RunSummary
/** Scenario-2 cases with every kind of QBO step, each test taking its own. */
let scenario2: Array<Case> = []
let others: Array<Case> = []

beforeAll(async () => {
  sandbox = await startApplySandbox({ seed: 61, customers: 800, rates: moreFixableCases(2) })
  run = await sandbox.run("run1")
  const fixable = (await sandbox.casesOf(run.runId)).filter((c) => c.scenario !== "review")
  const full = (c: Case) => ["move-invoice", "set-quickbooks-id", "inactivate-qbo-customer"].every((tag) => c.plan.steps.some((s) => s._tag === tag))
  scenario2 = fixable.filter((c) => c.scenario === "scenario-2" && full(c))
  others = fixable.filter((c) => !scenario2.includes(c))
  if (scenario2.length < 4) throw new Error(`only ${scenario2.length} scenario-2 cases with invoice moves, a link change and a retired QBO customer`)
}, 120_000)
afterAll(() => sandbox.close())

const take = (list: Array<Case>): Case => {
  const c = list.shift()
  if (c === undefined) throw new Error("no case left for this test")
  return c
}

const revert = async (caseId: string, args: ReadonlyArray<string> = []) => {
  const result = await runCli(["revert", caseId, "--db", sandbox.db, "--json", "--out", join(sandbox.dir, "reverts"), ...args], sandbox.env)
  expect(result.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
  return { code: result.code, json: JSON.parse(result.stdout) as RevertJson, stderr: result.stderr }
}

/** Applies exactly these cases from run1's review file; fails the test unless all are done. */
const applyCases = async (name: string, cases: ReadonlyArray<Case>) => {
  const file = join(sandbox.dir, "run1", `${name}.csv`)
  writeExcelUtf8(file, approveOnly(readReview(join(sandbox.dir, "run1", "review.csv")), cases.map((c) => c.id)))
  const result = await sandbox.apply(file)
  expect(result.code).toBe(0)
  expect(applyJson(result.stdout).cases.done).toBe(cases.length)
  return file
}

/** Every field apply or revert may change on the records of a case, as the servers hold them now. */
const recordsOf = (c: Case) => {
  const stepIds = (tag: PlanStep["_tag"]): Array<string> =>
    c.plan.steps.flatMap((s): Array<string> =>
      s._tag !== tag ? [] : s._tag === "move-invoice" ? [s.invoiceId] : s._tag === "move-appointment" ? [s.appointmentId] : s._tag === "move-service" ? [s.serviceId] : []
    )
  return {
    invoices: stepIds("move-invoice").map((id) => [id, invoiceCustomer(sandbox, id)]),
    qboCustomers: c.qboIds.map((id) => {
      const q = sandbox.qbo.state.customers.get(id)
      return [id, q?.["Active"] !== false, q?.["DisplayName"], q?.["Balance"]]
    }),
    pomCustomers: c.pomIds.map((id) => {
      const p = sandbox.pom.state.customers.get(id)
      return [id, p?.status, p?.quickbooksId]
    }),
    appointments: stepIds("move-appointment").map((id) => [id, sandbox.pom.state.appointments.get(id)?.customerId]),
    services: stepIds("move-service").map((id) => [id, sandbox.pom.state.services.get(id)?.customerId])
  }
}

/** The writes a revert of the case makes: apply's, on the same records and fields; a reactivation also sends the name. */
const reverseWriteKeys = (c: Case) =>
  c.plan.steps.map((s) => (s._tag === "inactivate-qbo-customer" ? `qbo:Customer:${s.qboCustomerId}:Active,DisplayName` : stepWriteKey(s))).sort()

describe("reconcile revert", () => {
  it("puts every record of an applied scenario-2 case back, once, and the case can be reviewed and applied again", async () => {
    const c = take(scenario2)
    const before = recordsOf(c)
    const review = await applyCases("apply-one", [c])
    expect(recordsOf(c)).not.toEqual(before)

    const mark = writeMark(sandbox)
    const reverted = await revert(c.id)
    expect(reverted.code).toBe(0)
    expect(reverted.json).toMatchObject({ caseId: c.id, runId: run.runId, status: "reverted", stepsDone: c.plan.steps.length, byHand: [] })
    // The retired QBO customer comes back first; the invoices go back last.
    expect(reverted.json.steps[0]?.action).toBe("reactivate-qbo-customer")
    expect(reverted.json.steps.at(-1)?.action).toBe("move-invoice-back")
    expect(recordsOf(c)).toEqual(before)
    expect([...executedWrites(sandbox, mark)].sort()).toEqual(reverseWriteKeys(c))

    const report: Array<Record<string, string>> = parse(readFileSync(reverted.json.outputs.report ?? ""), { bom: true, columns: true })
    expect(report.map((r) => [r.case_id, r.case_status, r.status])).toEqual(c.plan.steps.map(() => [c.id, "reverted", "done"]))
    const status = await sandbox.status(run.runId)
    expect(status.find((r) => r.caseId === c.id)?.apply).toBe("reverted")
    const approval = (await sandbox.decisions()).find((d) => d.caseId === c.id && d.decision === "approve")
    expect(approval).toMatchObject({ revokedAt: expect.any(String) })

    // Twice: nothing more is sent.
    const again = await revert(c.id)
    expect(again.code).toBe(0)
    expect(again.json.status).toBe("already-reverted")
    expect([...executedWrites(sandbox, mark)].sort()).toEqual(reverseWriteKeys(c))

    // The old sign-off no longer applies (its plan expects the records as before apply); a new run's does.
    const stale = await sandbox.apply(review)
    expect(stale.code).toBe(1)
    expect(applyJson(stale.stdout).refused).toEqual([expect.objectContaining({ caseId: c.id, reason: expect.stringMatching(/^reverted by V-.*: run reconcile run and review the case again$/) })])
    const second = await sandbox.run("run2")
    expect(second.diff.ids.resolved.filter((r) => r.caseId === c.id)).toEqual([])
    expect((await sandbox.casesOf(second.runId)).map((x) => x.id)).toContain(c.id)
    const file = join(sandbox.dir, "run2", "again.csv")
    writeExcelUtf8(file, approveOnly(readReview(join(sandbox.dir, "run2", "review.csv")), [c.id]))
    const reapplied = await sandbox.apply(file)
    expect(reapplied.code).toBe(0)
    expect(applyJson(reapplied.stdout)).toMatchObject({ refused: [], cases: { done: 1 } })
    expect(recordsOf(c)).not.toEqual(before)
  }, 180_000)

  it("refuses a case whose records moved on since apply, says what changed, and sends nothing for it", async () => {
    const edited = take(scenario2)
    const relinked = take(scenario2)
    await applyCases("apply-drift", [edited, relinked])
    const invoice = edited.plan.steps.find((s) => s._tag === "move-invoice")
    const link = relinked.plan.steps.find((s) => s._tag === "set-quickbooks-id")
    if (invoice?._tag !== "move-invoice" || link?._tag !== "set-quickbooks-id") throw new Error("cases without the expected steps")
    const token = String(sandbox.qbo.state.invoices.get(invoice.invoiceId)?.["SyncToken"])
    editQbo(sandbox, "Invoice", invoice.invoiceId, { PrivateNote: "customer called about the pool cover" })
    const pomCustomer = sandbox.pom.state.customers.get(link.pomCustomerId)
    if (pomCustomer === undefined) throw new Error(`no POM ${link.pomCustomerId}`)
    pomCustomer.quickbooksId = "999999"
    const afterEdits = [recordsOf(edited), recordsOf(relinked)]

    const mark = writeMark(sandbox)
    const first = await revert(edited.id)
    expect(first.code).toBe(1)
    expect(first.json.status).toBe("stale")
    expect(first.json.detail).toBe(
      `invoice ${invoice.invoiceId} was edited in QBO since apply (SyncToken ${token} → ${Number(token) + 1}): nothing was sent for this case; it is left as apply left it`
    )
    const second = await revert(relinked.id)
    expect(second.code).toBe(1)
    expect(second.json.status).toBe("stale")
    expect(second.json.detail).toMatch(new RegExp(`^POM ${link.pomCustomerId} pointed at QBO ${link.to} after apply, now at QBO 999999: nothing was sent`))
    expect(executedWrites(sandbox, mark)).toEqual([])
    expect([recordsOf(edited), recordsOf(relinked)]).toEqual(afterEdits)
    // Still applied: a stale revert changes nothing in the journal's view of the case.
    const status = await sandbox.status(run.runId)
    expect(status.filter((r) => r.caseId === edited.id || r.caseId === relinked.id).map((r) => r.apply)).toEqual(["done", "done"])
  }, 180_000)

  it("refuses a case that was never applied, and a dry run lists the reverse steps and sends nothing", async () => {
    const never = others.find((c) => c.plan.steps.length > 0)
    if (never === undefined) throw new Error("no other case")
    const mark = writeMark(sandbox)
    const refused = await revert(never.id)
    expect(refused.code).toBe(1)
    expect(refused.json).toMatchObject({ status: "refused", detail: `case ${never.id} was never applied with this store (check --db): nothing to revert` })

    const c = take(scenario2)
    await applyCases("apply-dry", [c])
    const applied = recordsOf(c)
    const applyMark = writeMark(sandbox)
    const dry = await revert(c.id, ["--dry-run"])
    expect(dry.code).toBe(0)
    expect(dry.json.status).toBe("planned")
    expect(dry.json.steps).toHaveLength(c.plan.steps.length)
    expect(dry.json.steps.every((s) => s.status === "planned")).toBe(true)
    expect(dry.json.outputs).toEqual({})
    expect(executedWrites(sandbox, applyMark)).toEqual([])
    expect(recordsOf(c)).toEqual(applied)
    expect(executedWrites(sandbox, mark).length).toBeGreaterThan(0)
  }, 180_000)

  it("resumes a revert that stopped when POM went away, sending each reverse step once", async () => {
    const c = take(scenario2)
    const before = recordsOf(c)
    await applyCases("apply-resume", [c])
    const mark = writeMark(sandbox)
    // Every answer to the first POM customer update is lost after the write lands, its two retries included; a
    // fault the client did not use up is answered by the next run's retries as a replay.
    sandbox.pom.inject({ kind: "drop", when: "after", operation: "UpdateCustomer", times: 3 })
    const stopped = await runCli(["revert", c.id, "--db", sandbox.db, "--json", "--out", join(sandbox.dir, "reverts")], { ...sandbox.env, POM_MAX_RETRIES: "2" })
    expect(stopped.code).toBe(1)
    expect(stopped.stderr).toMatch(/POM is not available/)

    const resumed = await revert(c.id)
    expect(resumed.code).toBe(0)
    expect(resumed.json.status).toBe("reverted")
    expect(recordsOf(c)).toEqual(before)
    const writes = executedWrites(sandbox, mark)
    expect([...writes].sort()).toEqual(reverseWriteKeys(c))
  }, 180_000)
})
