import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Case } from "../../pipeline/domain/Case.ts"
import type { RunSummary } from "../../pipeline/RunSummary.ts"
import { type ApplySandbox, applyJson, startApplySandbox } from "./ApplySandbox.ts"
import { approveOnly, editRows, readReview, type ReviewSheet, writeExcelUtf8 } from "./reviewFile.ts"
import { editQbo, executedWrites, tallyWrites, unfixed, writeMark } from "./serverState.ts"

let sandbox: ApplySandbox
let run: RunSummary
let sheet: ReviewSheet
/** Fixable cases not yet used by a test: each test takes its own, so their writes never mix. */
let unused: Array<Case> = []

beforeAll(async () => {
  sandbox = await startApplySandbox({ seed: 61, customers: 800 })
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

const write = (name: string, edited: ReviewSheet): string => {
  const file = join(sandbox.dir, `${name}.csv`)
  writeExcelUtf8(file, edited)
  return file
}

const approving = (cases: ReadonlyArray<Case>) => approveOnly(sheet, cases.map((c) => c.id))

describe("reconcile apply's reading of a sign-off", () => {
  it("refuses the whole file when a row names a case the run does not have, naming the row, and writes nothing", async () => {
    const approved = approving([take("scenario-1"), take("pom-merge")])
    const first = approved.rows[0] ?? {}
    // Right under the header, so the unknown case is on row 2.
    const file = write("unknown-case", { headers: approved.headers, rows: [{ ...first, case_id: "C-000000000000", decision: "approve" }, ...approved.rows] })
    const mark = writeMark(sandbox)
    const result = await sandbox.apply(file)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`row 2: case C-000000000000 is not a case of run ${run.runId}`)
    expect(result.stderr).toMatch(/Nothing was changed/)
    expect(executedWrites(sandbox, mark)).toEqual([])
  }, 60_000)

  it("refuses the whole file when a decision is a word it does not know, naming the row, and writes nothing", async () => {
    const c = take("qbo-merge")
    const approved = approving([c, take("scenario-2")])
    const bad = approved.rows.filter((r) => r.case_id === c.id).map((r) => ({ ...r, decision: "maybe later" }))
    // Moved right under the header, so the case is on row 2.
    const file = write("unknown-word", { headers: approved.headers, rows: [...bad, ...approved.rows.filter((r) => r.case_id !== c.id)] })
    const mark = writeMark(sandbox)
    const result = await sandbox.apply(file)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`row 2, case ${c.id}: "maybe later" is not a decision`)
    expect(executedWrites(sandbox, mark)).toEqual([])
  }, 60_000)

  it("carries out the stored plan whatever was typed into the other cells of an approved row", async () => {
    const cases = [take("scenario-2"), take("pom-merge"), take("scenario-1")]
    const ids = new Set<string>(cases.map((c) => c.id))
    const tampered = editRows(approving(cases), (row) =>
      ids.has(row.case_id ?? "")
        ? {
            actions: "1. In QBO, delete every invoice.",
            keep_pom_id: row.merge_pom_ids === "" ? "cus_000001" : (row.merge_pom_ids ?? ""),
            merge_pom_ids: row.keep_pom_id ?? "",
            correct_qbo_id: row.wrong_qbo_ids === "" ? "1" : (row.wrong_qbo_ids ?? ""),
            wrong_qbo_ids: row.correct_qbo_id ?? "",
            invoices_to_move: "1;2;3",
            scenario: "qbo-merge"
          }
        : null
    )
    const mark = writeMark(sandbox)
    const result = await sandbox.apply(write("tampered", tampered))
    expect(result.code).toBe(0)
    expect(applyJson(result.stdout).cases).toMatchObject({ done: cases.length })
    expect(tallyWrites(sandbox, cases, mark)).toEqual({ missing: [], repeated: [], unexpected: [] })
    expect(unfixed(sandbox, cases)).toEqual([])
  }, 60_000)

  it("refuses a case already applied, says so, and writes nothing again", async () => {
    const cases = [take("qbo-merge"), take("scenario-1")]
    const file = write("twice", approving(cases))
    const first = await sandbox.apply(file)
    expect(first.code).toBe(0)
    const mark = writeMark(sandbox)
    const second = await sandbox.apply(file)
    expect(second.code).toBe(0)
    const summary = applyJson(second.stdout)
    expect(summary.approved).toBe(0)
    expect(summary.refused.map((r) => r.caseId).sort()).toEqual(cases.map((c) => c.id).sort())
    for (const r of summary.refused) expect(r.reason).toMatch(/^already applied \(\d{4}-\d{2}-\d{2}T/)
    expect(executedWrites(sandbox, mark)).toEqual([])
  }, 60_000)

  it("refuses a case whose plan a newer run changed, and applies the rest of the file", async () => {
    const changed = take("scenario-2")
    const kept = take("pom-merge")
    const invoice = changed.plan.steps.find((s) => s._tag === "move-invoice")
    if (invoice?._tag !== "move-invoice") throw new Error("a scenario-2 case without invoice moves")
    // Someone edits the invoice in QBO; the next run plans the move from the new SyncToken.
    editQbo(sandbox, "Invoice", invoice.invoiceId, { PrivateNote: "terms changed" })
    const newer = await sandbox.run("run2")
    const mark = writeMark(sandbox)
    const result = await sandbox.apply(write("older-run", approving([changed, kept])))
    expect(result.code).toBe(1)
    const summary = applyJson(result.stdout)
    expect(summary.refused).toEqual([
      { row: expect.any(Number), caseId: changed.id, reason: `the newer run ${newer.runId} plans this case differently: review that run instead` }
    ])
    expect(summary.cases).toMatchObject({ done: 1 })
    expect(tallyWrites(sandbox, [kept], mark)).toEqual({ missing: [], repeated: [], unexpected: [] })
  }, 90_000)
})
