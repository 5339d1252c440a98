import { describe, expect, it } from "vitest"
import { reverseSteps } from "../../../pipeline/apply/reverseSteps.ts"
import { CaseId, RunId } from "../../../pipeline/domain/Ids.ts"
import type { JournalStep } from "../../../sinks/store/Journal.ts"

const row = (stepIndex: number, fields: Pick<JournalStep, "kind" | "targetId" | "status" | "before" | "after">): JournalStep => ({
  runId: RunId.make("R1"),
  caseId: CaseId.make("C-1"),
  stepIndex,
  applyId: "A1",
  system: fields.kind === "move-invoice" || fields.kind === "inactivate-qbo-customer" ? "qbo" : "pom",
  requestId: `req-${stepIndex}`,
  error: null,
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...fields
})

describe("reverseSteps", () => {
  it("undoes each step apply's own write did, expecting the state that write returned", () => {
    const plan = reverseSteps([
      row(0, { kind: "move-invoice", targetId: "1043", status: "done", before: { syncToken: "0", customerId: "58" }, after: { syncToken: "1", customerId: "61" } }),
      row(1, { kind: "set-quickbooks-id", targetId: "cus_1", status: "done", before: { quickbooksId: "58" }, after: { quickbooksId: "61", status: "ACTIVE" } }),
      row(2, { kind: "inactivate-pom-customer", targetId: "cus_2", status: "done", before: { status: "LEAD" }, after: { quickbooksId: "58", status: "INACTIVE" } }),
      row(3, { kind: "inactivate-qbo-customer", targetId: "58", status: "done", before: { syncToken: "4", active: true, balance: 0 }, after: { syncToken: "5", active: false, balance: 0 } })
    ])
    expect(plan.manual).toEqual([])
    expect(plan.steps.map((s) => ({ ...s }))).toEqual([
      { _tag: "move-invoice-back", stepIndex: 0, invoiceId: "1043", to: "58", expect: { syncToken: "1", customerId: "61" } },
      { _tag: "restore-quickbooks-id", stepIndex: 1, pomCustomerId: "cus_1", to: "58", expect: { quickbooksId: "61" } },
      { _tag: "restore-pom-status", stepIndex: 2, pomCustomerId: "cus_2", to: "LEAD", expect: { status: "INACTIVE" } },
      { _tag: "reactivate-qbo-customer", stepIndex: 3, qboCustomerId: "58", expect: { syncToken: "5", active: false } }
    ])
  })

  it("leaves steps apply found done, or left on the worklist, to the admin, and ignores steps not done", () => {
    const plan = reverseSteps([
      row(0, { kind: "move-invoice", targetId: "1043", status: "done", before: { syncToken: "0", customerId: "58" }, after: "found already in place" }),
      row(1, { kind: "move-appointment", targetId: "apt_9", status: "waiting", before: { customerId: "cus_2" }, after: null }),
      row(2, { kind: "move-service", targetId: "svc_3", status: "failed", before: { customerId: "cus_2" }, after: null }),
      row(3, { kind: "set-quickbooks-id", targetId: "cus_1", status: "pending", before: { quickbooksId: "58" }, after: null })
    ])
    expect(plan.steps).toEqual([])
    expect(plan.manual.map((m) => [m.stepIndex, m.kind, m.targetId, m.before])).toEqual([
      [0, "move-invoice", "1043", { syncToken: "0", customerId: "58" }],
      [1, "move-appointment", "apt_9", { customerId: "cus_2" }]
    ])
    expect(plan.manual[0]?.reason).toMatch(/did not make it and does not undo it \(journal: "found already in place"\)$/)
    expect(plan.manual[1]?.reason).toMatch(/^left on the POM worklist at apply/)
  })
})
