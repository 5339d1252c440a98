import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import type { Case } from "../../pipeline/domain/Case.ts"
import { type ApplySandbox, applyJson, startApplySandbox } from "./ApplySandbox.ts"
import { editRows, readApplyReport, readReview, writeExcelUtf8, writeExcelWindows1252 } from "./reviewFile.ts"
import { caseFor, changedRecords, fixProblems, tallyWrites } from "./serverState.ts"

const sandboxes: Array<ApplySandbox> = []
afterAll(() => Promise.all(sandboxes.map((s) => s.close())))

const start = async (seed: number, customers: number) => {
  const sandbox = await startApplySandbox({ seed, customers })
  sandboxes.push(sandbox)
  return sandbox
}

/** Every truth case, paired with the stored case that holds its records. */
const truthWithCases = (sandbox: ApplySandbox, cases: ReadonlyArray<Case>) =>
  sandbox.company.truth.cases.map((truth) => {
    const stored = caseFor(cases, truth)
    if (stored === undefined) throw new Error(`the run did not find the planted ${truth.recipe} case ${truth.id}`)
    return { truth, stored }
  })

describe("reconcile apply against the live QBO and POM", () => {
  it("applies every approved case of every scenario from a review file saved by Excel, and the next run sees them resolved by apply", async () => {
    const sandbox = await start(31, 1000)
    const first = await sandbox.run("run1")
    const cases = await sandbox.casesOf(first.runId)
    const review = join(sandbox.dir, "run1", "review.csv")
    const fixable = cases.filter((c) => c.scenario !== "review")
    // One case of each of two scenarios is turned down: it must be left exactly as it is.
    const rejectedIds = new Set<string>(["scenario-1", "qbo-merge"].flatMap((scenario) => fixable.find((c) => c.scenario === scenario)?.id ?? []))
    const approved = fixable.filter((c) => !rejectedIds.has(c.id))
    expect(new Set(approved.map((c) => c.scenario))).toEqual(new Set(["scenario-1", "scenario-2", "pom-merge", "qbo-merge"]))

    const sheet = editRows(readReview(review), (row) =>
      row.scenario === "review" ? null : { decision: rejectedIds.has(row.case_id ?? "") ? "reject" : "approve", note: "checked by the office" }
    )
    writeExcelUtf8(review, sheet)
    const result = await sandbox.apply(review)
    expect(result.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    expect(result.code).toBe(0)
    const summary = applyJson(result.stdout)
    expect(summary).toMatchObject({ approved: approved.length, rejected: 2, refused: [], cases: { done: approved.length, waiting: 0, stale: 0, failed: 0 } })
    expect(summary.stepsDone).toBe(approved.reduce((n, c) => n + c.plan.steps.length, 0))

    const approvedIds = new Set(approved.map((c) => c.id))
    for (const { truth, stored } of truthWithCases(sandbox, cases)) {
      if (approvedIds.has(stored.id)) expect({ case: truth.id, problems: fixProblems(sandbox, truth) }).toEqual({ case: truth.id, problems: [] })
      else expect({ case: truth.id, changed: changedRecords(sandbox, truth) }).toEqual({ case: truth.id, changed: [] })
    }
    expect(tallyWrites(sandbox, approved)).toEqual({ missing: [], repeated: [], unexpected: [] })

    expect(summary.outputs.report).toBe(join(sandbox.dir, "run1", `apply-report-${summary.applyId}.csv`))
    const report = readApplyReport(summary.outputs.report ?? "")
    expect(report).toHaveLength(summary.stepsDone)
    for (const c of approved) {
      const rows = report.filter((r) => r.case_id === c.id)
      expect(rows.map((r) => [r.run_id, r.case_status, r.step, r.action, r.status, r.error])).toEqual(
        c.plan.steps.map((s, i) => [first.runId, "done", String(i + 1), s._tag, "done", ""])
      )
      expect(rows.map((r) => JSON.parse(r.before ?? ""))).toEqual(c.plan.steps.map((s) => s.before))
      for (const r of rows) expect(r.after).not.toBe("")
    }

    const second = await sandbox.run("run2")
    expect(second.diff.previousRunId).toBe(first.runId)
    expect(second.diff.resolvedApplied).toBe(approved.length)
    expect(new Set(second.diff.ids.resolved.filter((r) => r.how === "applied").map((r) => r.caseId))).toEqual(approvedIds)
    expect(new Set(second.diff.ids.suppressed)).toEqual(rejectedIds)
    const open = (await sandbox.casesOf(second.runId)).map((c) => c.id).sort()
    expect(open).toEqual(cases.filter((c) => c.scenario === "review").map((c) => c.id).sort())
  }, 150_000)

  it("reads decisions from a Windows-1252 file with ';', reordered and extra columns and the admin's own words", async () => {
    const sandbox = await start(32, 600)
    const run = await sandbox.run("run1")
    const cases = await sandbox.casesOf(run.runId)
    const fixable = cases.filter((c) => c.scenario !== "review")
    const words = ["Approve", "x", "yes", "APPROVED", "Y"]
    const note = "Vérifié – d’accord, 5 €"
    const sheet = editRows(readReview(join(sandbox.dir, "run1", "review.csv")), (row, i) => ({
      Reviewer: "Zoë",
      ...(row.scenario === "review" ? {} : { decision: words[i % words.length] ?? "x", note })
    }))
    const headers = ["decision", "Reviewer", "note", "run_id", "case_id", ...sheet.headers.filter((h) => !["decision", "note", "run_id", "case_id"].includes(h))]
    const file = join(sandbox.dir, "signed-off.csv")
    writeExcelWindows1252(file, sheet, headers)

    const result = await sandbox.apply(file, ["--out", join(sandbox.dir, "applied")])
    expect(result.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    expect(result.code).toBe(0)
    expect(applyJson(result.stdout)).toMatchObject({ approved: fixable.length, refused: [], cases: { done: fixable.length } })
    for (const { truth, stored } of truthWithCases(sandbox, cases)) {
      if (stored.scenario === "review") expect(changedRecords(sandbox, truth)).toEqual([])
      else expect({ case: truth.id, problems: fixProblems(sandbox, truth) }).toEqual({ case: truth.id, problems: [] })
    }
    expect(tallyWrites(sandbox, fixable)).toEqual({ missing: [], repeated: [], unexpected: [] })
    // The note survived the code page: Windows-1252 was read as such, not as UTF-8.
    const decisions = await sandbox.decisions()
    expect(decisions.filter((d) => d.decision === "approve").map((d) => d.note)).toEqual(fixable.map(() => note))
  }, 120_000)
})
