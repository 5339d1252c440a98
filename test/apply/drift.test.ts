import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Case } from "../../pipeline/domain/Case.ts"
import type { PlanStep } from "../../pipeline/domain/PlanStep.ts"
import type { RunSummary } from "../../pipeline/RunSummary.ts"
import { type ApplySandbox, applyJson, moreFixableCases, startApplySandbox } from "./ApplySandbox.ts"
import { approveOnly, readApplyReport, readReview, writeExcelUtf8 } from "./reviewFile.ts"
import { editQbo, executedWrites, invoiceCustomer, qboActive, stepWriteKey, tallyWrites, unfixed, writeMark } from "./serverState.ts"

let sandbox: ApplySandbox
let run: RunSummary
let cases: ReadonlyArray<Case>
/** A case with invoice moves kept out of the drift test, for the race. */
let raced: Case

beforeAll(async () => {
  // Twice the usual fixable cases, so that every kind of drift finds a case of its own.
  sandbox = await startApplySandbox({ seed: 41, customers: 1000, rates: moreFixableCases(2) })
  run = await sandbox.run("run1")
  cases = await sandbox.casesOf(run.runId)
  const withMoves = cases.filter((c) => c.scenario !== "review" && c.plan.steps.some((s) => s._tag === "move-invoice"))
  const single = withMoves.find((c) => c.plan.steps.filter((s) => s._tag === "move-invoice").length === 1)
  const chosen = single ?? withMoves[0]
  if (chosen === undefined) throw new Error("the company has no case with invoice moves")
  raced = chosen
})
afterAll(() => sandbox.close())

/** A review file approving exactly these cases, saved as Excel saves it. */
const approve = (name: string, ids: Iterable<string>): string => {
  const file = join(sandbox.dir, `${name}.csv`)
  writeExcelUtf8(file, approveOnly(readReview(join(sandbox.dir, "run1", "review.csv")), ids))
  return file
}

const link = (id: string | null) => (id === null ? "no QBO ID" : `QBO ${id}`)

interface Drift {
  readonly kind: string
  readonly step: PlanStep["_tag"]
  /** Changes the step's record in the server directly; returns the message apply must give. */
  readonly make: (step: PlanStep, c: Case) => string
}

const otherQboCustomer = (c: Case): string => {
  const other = sandbox.company.qbo.customers.find((q) => q.Active && !c.qboIds.some((id) => id === q.Id))
  if (other === undefined) throw new Error("no QBO customer outside the case")
  return other.Id
}

// Kinds whose steps are rarest first, so that each finds a case.
const drifts: ReadonlyArray<Drift> = [
  {
    kind: "appointment moved",
    step: "move-appointment",
    make: (s) => {
      if (s._tag !== "move-appointment") throw new Error(s._tag)
      const appointment = sandbox.pom.state.appointments.get(s.appointmentId)
      if (appointment !== undefined) appointment.customerId = s.to
      return `appointment ${s.appointmentId} was on POM ${s.from}, now on ${s.to}`
    }
  },
  {
    kind: "service moved",
    step: "move-service",
    make: (s, c) => {
      if (s._tag !== "move-service") throw new Error(s._tag)
      const elsewhere = sandbox.company.pom.customers.find((p) => !c.pomIds.some((id) => id === p.id))?.id ?? ""
      const service = sandbox.pom.state.services.get(s.serviceId)
      if (service !== undefined) service.customerId = elsewhere
      return `service ${s.serviceId} was on POM ${s.from}, now on ${elsewhere}`
    }
  },
  {
    kind: "invoice moved",
    step: "move-invoice",
    make: (s, c) => {
      if (s._tag !== "move-invoice") throw new Error(s._tag)
      const other = otherQboCustomer(c)
      editQbo(sandbox, "Invoice", s.invoiceId, { CustomerRef: { value: other, name: "someone else" } })
      return `invoice ${s.docNumber || s.invoiceId} was on customer ${s.from}, now on ${other}`
    }
  },
  {
    kind: "invoice edited",
    step: "move-invoice",
    make: (s) => {
      if (s._tag !== "move-invoice") throw new Error(s._tag)
      editQbo(sandbox, "Invoice", s.invoiceId, { PrivateNote: "customer called about the pool cover" })
      return `invoice ${s.docNumber || s.invoiceId} was edited in QBO since review (SyncToken ${s.before.syncToken} → ${Number(s.before.syncToken) + 1})`
    }
  },
  {
    kind: "balance changed",
    step: "inactivate-qbo-customer",
    make: (s) => {
      if (s._tag !== "inactivate-qbo-customer") throw new Error(s._tag)
      editQbo(sandbox, "Customer", s.qboCustomerId, { Balance: s.before.balance + 75 })
      return `QBO customer ${s.qboCustomerId} had a balance of ${s.before.balance.toFixed(2)}, now ${(s.before.balance + 75).toFixed(2)}`
    }
  },
  {
    kind: "made inactive",
    step: "inactivate-qbo-customer",
    make: (s) => {
      if (s._tag !== "inactivate-qbo-customer") throw new Error(s._tag)
      editQbo(sandbox, "Customer", s.qboCustomerId, { Active: false })
      return `QBO customer ${s.qboCustomerId} was active, now inactive`
    }
  },
  {
    kind: "link changed",
    step: "set-quickbooks-id",
    make: (s) => {
      if (s._tag !== "set-quickbooks-id") throw new Error(s._tag)
      const customer = sandbox.pom.state.customers.get(s.pomCustomerId)
      if (customer !== undefined) customer.quickbooksId = "999999"
      return `POM ${s.pomCustomerId} pointed at ${link(s.before.quickbooksId)}, now at QBO 999999`
    }
  },
  {
    kind: "status changed",
    step: "inactivate-pom-customer",
    make: (s) => {
      if (s._tag !== "inactivate-pom-customer") throw new Error(s._tag)
      const customer = sandbox.pom.state.customers.get(s.pomCustomerId)
      if (customer !== undefined) customer.status = "INACTIVE"
      return `POM ${s.pomCustomerId} was ${s.before.status}, now INACTIVE`
    }
  }
]

describe("reconcile apply when records changed after review", () => {
  it("reports each case whose records drifted as stale with what changed, writes nothing for it, and applies the others", async () => {
    const fixable = cases.filter((c) => c.scenario !== "review" && c.id !== raced.id)
    const expected = new Map<string, { kind: string; message: string }>()
    for (const drift of drifts) {
      const c = fixable.find((x) => !expected.has(x.id) && x.plan.steps.some((s) => s._tag === drift.step))
      const step = c?.plan.steps.find((s) => s._tag === drift.step)
      if (c === undefined || step === undefined) throw new Error(`no case left with a ${drift.step} step for "${drift.kind}"`)
      expected.set(c.id, { kind: drift.kind, message: drift.make(step, c) })
    }

    const result = await sandbox.apply(approve("drift", fixable.map((c) => c.id)))
    expect(result.code).toBe(1)
    expect(applyJson(result.stdout).cases).toMatchObject({ done: fixable.length - drifts.length, stale: drifts.length, failed: 0 })

    const report = readApplyReport(applyJson(result.stdout).outputs.report ?? "")
    for (const [caseId, { kind, message }] of expected) {
      const rows = report.filter((r) => r.case_id === caseId)
      expect({ kind, rows: rows.map((r) => [r.case_status, r.status, r.detail]) }).toEqual({
        kind,
        rows: rows.map(() => ["stale", "not-run", `${message}: re-run and review again`])
      })
    }
    const applied = fixable.filter((c) => !expected.has(c.id))
    expect(tallyWrites(sandbox, applied)).toEqual({ missing: [], repeated: [], unexpected: [] })
    expect(unfixed(sandbox, applied)).toEqual([])
    const status = await sandbox.status(run.runId)
    for (const row of status.filter((r) => expected.has(r.caseId))) {
      expect(row.apply).toBe("stale")
      expect(row.steps.every((s) => s.status === "pending")).toBe(true)
    }
  }, 120_000)

  it("fails a case whose invoice someone edits between the drift check and the write (5010), and overwrites nothing", async () => {
    const moves = raced.plan.steps.filter((s) => s._tag === "move-invoice")
    const target = moves[0]
    if (target?._tag !== "move-invoice") throw new Error("the raced case moves no invoice")
    const file = approve("race", [raced.id])
    const mark = writeMark(sandbox)
    // The batch is held back long enough for "someone in QBO" to save the invoice just as it arrives.
    sandbox.qbo.inject({ kind: "latency", millis: 500, match: { operation: "batch" } })
    const batchesBefore = sandbox.qbo.stats.byOperation.batch ?? 0
    const edited = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if ((sandbox.qbo.stats.byOperation.batch ?? 0) === batchesBefore) return
        clearInterval(poll)
        editQbo(sandbox, "Invoice", target.invoiceId, { PrivateNote: "edited in QBO while apply ran" })
        resolve()
      }, 2)
    })
    const result = await sandbox.apply(file)
    await edited
    expect(result.code).toBe(1)
    expect(applyJson(result.stdout).cases).toMatchObject({ done: 0, failed: 1 })
    const report = readApplyReport(applyJson(result.stdout).outputs.report ?? "").filter((r) => r.case_id === raced.id)
    const failedRows = report.filter((r) => r.status === "failed")
    expect(failedRows.map((r) => r.action)).toEqual(["move-invoice"])
    expect(failedRows[0]?.error).toMatch(/the record changed in the meantime \(5010 .*\): re-run and review again/)
    expect(report.every((r) => r.case_status === "failed")).toBe(true)

    // The edit stands: the invoice was not moved, and nothing after the invoice moves ran.
    expect(invoiceCustomer(sandbox, target.invoiceId)).toBe(target.from)
    expect(sandbox.qbo.state.invoices.get(target.invoiceId)?.["PrivateNote"]).toBe("edited in QBO while apply ran")
    const later = raced.plan.steps.filter((s) => s._tag !== "move-invoice").map(stepWriteKey)
    const written = executedWrites(sandbox, mark)
    expect(written.filter((key) => key === stepWriteKey(target) || later.includes(key))).toEqual([])
    for (const s of raced.plan.steps) if (s._tag === "inactivate-qbo-customer") expect(qboActive(sandbox, s.qboCustomerId)).toBe(true)

    // Applying the same sign-off again finds the edit as drift and still writes nothing to that invoice.
    const again = await sandbox.apply(file)
    expect(again.code).toBe(1)
    expect(applyJson(again.stdout).cases).toMatchObject({ failed: 1 })
    expect(executedWrites(sandbox, mark)).toEqual(written)
  }, 60_000)
})
