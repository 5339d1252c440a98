import { readFileSync, statSync, symlinkSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Case } from "../../pipeline/domain/Case.ts"
import type { PlanStep } from "../../pipeline/domain/PlanStep.ts"
import type { RunSummary } from "../../pipeline/RunSummary.ts"
import { runCli } from "../cli/runCli.ts"
import { type ApplySandbox, applyJson, startApplySandbox } from "./ApplySandbox.ts"
import { approveOnly, readApplyReport, readReview, type ReviewSheet, writeExcelUtf8 } from "./reviewFile.ts"
import { executedWrites, tallyWrites, writeMark } from "./serverState.ts"

let sandbox: ApplySandbox
let run: RunSummary
let sheet: ReviewSheet
let unused: Array<Case> = []

beforeAll(async () => {
  sandbox = await startApplySandbox({ seed: 71, customers: 700 })
  run = await sandbox.run("run1")
  sheet = readReview(join(sandbox.dir, "run1", "review.csv"))
  unused = (await sandbox.casesOf(run.runId)).filter((c) => c.scenario !== "review")
})
afterAll(() => sandbox.close())

const take = (scenario: Case["scenario"], also: (c: Case) => boolean = () => true): Case => {
  const found = unused.find((c) => c.scenario === scenario && also(c))
  if (found === undefined) throw new Error(`no ${scenario} case left`)
  unused = unused.filter((c) => c !== found)
  return found
}

const signOff = (name: string, cases: ReadonlyArray<Case>): string => {
  const file = join(sandbox.dir, `${name}.csv`)
  writeExcelUtf8(file, approveOnly(sheet, cases.map((c) => c.id)))
  return file
}

/** The names as the generated company holds them: what the run read, and so what an admin reviewed. */
const qboName = (id: string) => {
  const c = sandbox.company.qbo.customers.find((x) => x.Id === id)
  if (c === undefined) throw new Error(`no QBO customer ${id}`)
  return `QBO ${id} ${JSON.stringify(c.DisplayName.replace(/ \(deleted\)$/, ""))}`
}
const pomName = (id: string) => {
  const c = sandbox.company.pom.customers.find((x) => x.id === id)
  if (c === undefined) throw new Error(`no POM customer ${id}`)
  return `POM ${id} ${JSON.stringify([c.firstName, c.lastName].filter((s) => s !== "").join(" ") || c.companyName)}`
}

/** What the report must say of a step, worked out from the generated company rather than from the tool. */
const expectedWords = (s: PlanStep): { record: string; change: string } => {
  switch (s._tag) {
    case "move-invoice": {
      const inv = sandbox.company.qbo.invoices.find((i) => i.Id === s.invoiceId)
      if (inv === undefined) throw new Error(`no invoice ${s.invoiceId}`)
      return { record: `invoice ${inv.Id} (#${inv.DocNumber}, $${inv.TotalAmt.toFixed(2)})`, change: `customer ${qboName(s.from)} → ${qboName(s.to)}` }
    }
    case "move-appointment":
      return { record: `appointment ${s.appointmentId}`, change: `customer ${pomName(s.from)} → ${pomName(s.to)}` }
    case "move-service":
      return { record: `service ${s.serviceId}`, change: `customer ${pomName(s.from)} → ${pomName(s.to)}` }
    case "set-quickbooks-id":
      return { record: pomName(s.pomCustomerId), change: `QBO ID ${s.from === null ? "(none)" : qboName(s.from)} → ${s.to === null ? "(none)" : qboName(s.to)}` }
    case "inactivate-pom-customer":
      return { record: pomName(s.pomCustomerId), change: `status ${s.before.status} → INACTIVE` }
    case "inactivate-qbo-customer":
      return { record: qboName(s.qboCustomerId), change: "active → inactive" }
  }
}

interface ApplyView {
  readonly applyId: string
  readonly status: string
  readonly reportFile: string | null
  readonly rows: ReadonlyArray<Record<string, unknown>>
}

const applyStatus = async (applyId: string): Promise<ApplyView> => {
  const result = await runCli(["status", "--run", applyId, "--db", sandbox.db, "--json"])
  if (result.code !== 0) throw new Error(`reconcile status exited ${result.code}:\n${result.stderr}`)
  return JSON.parse(result.stdout)
}

describe("what apply leaves behind", () => {
  it("writes a report per apply that names each record and its change, shows the same rows in status, and never overwrites an earlier report", async () => {
    const moved = take("scenario-2")
    const merged = take("pom-merge")
    const out = join(sandbox.dir, "applied", "reports")
    const first = await sandbox.apply(signOff("first", [moved, merged]), ["--out", out])
    expect(first.code).toBe(0)
    const firstSummary = applyJson(first.stdout)
    const firstReport = firstSummary.outputs.report ?? ""
    expect(firstReport).toBe(join(out, `apply-report-${firstSummary.applyId}.csv`))
    // Customer data: readable by its owner only, in folders created for its owner only.
    expect(statSync(firstReport).mode & 0o777).toBe(0o600)
    expect(statSync(out).mode & 0o777).toBe(0o700)
    expect(statSync(dirname(out)).mode & 0o777).toBe(0o700)

    const rows = readApplyReport(firstReport)
    for (const c of [moved, merged]) {
      expect(rows.filter((r) => r.case_id === c.id).map((r) => ({ step: r.step, status: r.status, record: r.record, change: r.change }))).toEqual(
        c.plan.steps.map((s, i) => ({ step: String(i + 1), status: "done", ...expectedWords(s) }))
      )
    }
    expect(moved.plan.steps.some((s) => s._tag === "move-invoice")).toBe(true)

    // `status --run A-…` holds the same rows as the file.
    const view = await applyStatus(firstSummary.applyId)
    expect(view).toMatchObject({ applyId: firstSummary.applyId, status: "ok", reportFile: firstReport })
    expect(view.rows.map((r) => [r.caseId, r.runId, r.caseStatus, String(r.step), r.action, r.status, r.record, r.change, JSON.stringify(r.before), JSON.stringify(r.after)])).toEqual(
      rows.map((r) => [r.case_id, r.run_id, r.case_status, r.step, r.action, r.status, r.record, r.change, r.before, r.after])
    )

    // A second apply into the same folder: its own report, the first one as it was.
    const firstBytes = readFileSync(firstReport)
    const next = take("scenario-1")
    const second = await sandbox.apply(signOff("second", [moved, next]), ["--out", out])
    expect(second.code).toBe(0)
    const secondSummary = applyJson(second.stdout)
    expect(secondSummary.applyId).not.toBe(firstSummary.applyId)
    expect(basename(secondSummary.outputs.report ?? "")).toBe(`apply-report-${secondSummary.applyId}.csv`)
    expect(readFileSync(firstReport).equals(firstBytes)).toBe(true)
    const secondRows = readApplyReport(secondSummary.outputs.report ?? "")
    const refusal = secondRows.filter((r) => r.case_id === moved.id)
    expect(refusal).toHaveLength(1)
    expect(refusal[0]).toMatchObject({ run_id: run.runId, case_status: "refused", status: "not-run" })
    expect(refusal[0]?.detail).toMatch(/^row \d+: already applied \(/)
    for (const id of moved.qboIds) expect(refusal[0]?.record).toContain(qboName(id))
    expect(secondRows.filter((r) => r.case_id === next.id).map((r) => r.status)).toEqual(next.plan.steps.map(() => "done"))
    expect((await applyStatus(secondSummary.applyId)).rows).toHaveLength(secondRows.length)
  }, 120_000)

  it("refuses before any write to QBO or POM when the output folder cannot take the report", async () => {
    const c = take("scenario-2")
    // A link to a share that is not mounted: no user, root included, can create the folder there.
    const out = join(sandbox.dir, "reports-share")
    symlinkSync(join(sandbox.dir, "unmounted", "share"), out)
    const mark = writeMark(sandbox)
    const result = await sandbox.apply(signOff("unwritable", [c]), ["--out", out])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`error: Cannot write to the output folder ${out}: `)
    expect(result.stderr).toContain("Nothing was done")
    expect(executedWrites(sandbox, mark)).toEqual([])
    expect((await sandbox.status(run.runId)).find((r) => r.caseId === c.id)?.apply).toBe("not applied")

    // With a folder it can write to, the same sign-off applies the case.
    const retry = await sandbox.apply(signOff("unwritable", [c]), ["--out", join(sandbox.dir, "writable")])
    expect(retry.code).toBe(0)
    expect(tallyWrites(sandbox, [c], mark)).toEqual({ missing: [], repeated: [], unexpected: [] })
  }, 90_000)
})
