import { Effect, Option } from "effect"
import ExcelJS from "exceljs"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Case } from "../../pipeline/domain/Case.ts"
import { CaseId, RunId } from "../../pipeline/domain/Ids.ts"
import type { RunSummary } from "../../pipeline/RunSummary.ts"
import { REVIEW_COLUMNS } from "../../reports/ReviewCsv.ts"
import { Store } from "../../sinks/store/Store.ts"
import { runCli } from "../cli/runCli.ts"
import { type ApplySandbox, applyJson, startApplySandbox } from "./ApplySandbox.ts"
import { readReview } from "./reviewFile.ts"
import { executedWrites, tallyWrites, writeMark } from "./serverState.ts"

/*
 * An admin who opens review.xlsx, picks decisions and a choice, saves the workbook and applies it, against the
 * local QBO and POM servers. exceljs stands in for the spreadsheet: it reads and writes the file format itself.
 */

let sandbox: ApplySandbox
let run: RunSummary
let cases: ReadonlyArray<Case>
let xlsx: string

beforeAll(async () => {
  sandbox = await startApplySandbox({ seed: 73, customers: 600, rates: { "review/keeper-unclear": 4 } })
  run = await sandbox.run("run1")
  cases = await sandbox.casesOf(run.runId)
  xlsx = join(sandbox.dir, "run1", "review.xlsx")
}, 180_000)
afterAll(() => sandbox.close())

const col = (name: (typeof REVIEW_COLUMNS)[number]) => REVIEW_COLUMNS.indexOf(name) + 1

const open = async (path: string): Promise<ExcelJS.Worksheet> => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const ws = wb.getWorksheet("Review")
  if (ws === undefined) throw new Error("review.xlsx has no Review sheet")
  return ws
}

const text = (cell: ExcelJS.Cell): unknown => {
  const v = cell.value
  return v !== null && typeof v === "object" && "hyperlink" in v ? v.text : v
}

/** The sheet's row of each case, by case_id. */
const rowsByCase = (ws: ExcelJS.Worksheet): ReadonlyMap<string, ExcelJS.Row> =>
  new Map(Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2)).map((r) => [String(text(r.getCell(col("case_id")))), r] as const))

/** Fills in cells as an admin would and saves the workbook under `name`. */
const edit = async (name: string, cells: ReadonlyArray<readonly [string, (typeof REVIEW_COLUMNS)[number], string]>): Promise<string> => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(xlsx)
  const ws = wb.getWorksheet("Review")
  if (ws === undefined) throw new Error("review.xlsx has no Review sheet")
  const rows = rowsByCase(ws)
  for (const [caseId, column, value] of cells) {
    const row = rows.get(caseId)
    if (row === undefined) throw new Error(`no row for ${caseId}`)
    row.getCell(col(column)).value = value
  }
  const file = join(sandbox.dir, name)
  await wb.xlsx.writeFile(file)
  return file
}

const pick = (scenario: Case["scenario"]): Case => {
  const found = cases.find((c) => c.scenario === scenario && c.blockers.length === 0)
  if (found === undefined) throw new Error(`no ${scenario} case`)
  return found
}

describe("review.xlsx from run to apply", () => {
  it("is written beside review.csv with the same rows, ids as text, a decision drop-down, frozen header, filters and links", async () => {
    expect(run.outputs["reviewXlsx"]).toBe(xlsx)
    const ws = await open(xlsx)
    const csv = readReview(join(sandbox.dir, "run1", "review.csv"))
    expect(ws.rowCount).toBe(csv.rows.length + 1)
    expect(csv.rows.length).toBe(cases.length)
    csv.rows.forEach((row, i) => {
      const xrow = ws.getRow(i + 2)
      for (const name of ["case_id", "keep_pom_id", "correct_qbo_id", "merge_pom_ids", "confidence", "run_id"] as const) {
        expect(text(xrow.getCell(col(name))) ?? "").toBe(row[name])
      }
      // QBO ids look like numbers; the workbook holds them as text, which a spreadsheet does not reformat.
      const correct = text(xrow.getCell(col("correct_qbo_id")))
      if (correct !== null) expect(typeof correct).toBe("string")
      expect(xrow.getCell(col("decision")).dataValidation).toMatchObject({ type: "list", formulae: ['"approve,reject"'] })
    })
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
    expect(ws.autoFilter).toBe(`A1:U${cases.length + 1}`)
    const linked = pick("scenario-2")
    expect(rowsByCase(ws).get(linked.id)?.getCell(col("correct_qbo_id")).value).toMatchObject({
      hyperlink: `https://app.sandbox.qbo.intuit.com/app/customerdetail?nameId=${linked.correctQboId}`
    })
  })

  it("refuses a workbook with a word that is not a decision, naming its row, and writes nothing", async () => {
    const c = pick("pom-merge")
    const row = [...rowsByCase(await open(xlsx)).entries()].find(([id]) => id === c.id)?.[1].number
    const file = await edit("bad-word.xlsx", [[c.id, "decision", "maybe"]])
    const mark = writeMark(sandbox)
    const result = await sandbox.apply(file)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`row ${row}, case ${c.id}: "maybe" is not a decision`)
    expect(executedWrites(sandbox, mark)).toEqual([])
  }, 60_000)

  it("applies exactly the approved cases of a saved workbook, a review case as chosen, and shows one confidence figure throughout", async () => {
    const unclear = cases.find((c) => c.blockers.length === 1 && c.blockers[0]?._tag === "keeper-unclear")
    const other = unclear?.mergePomIds[0]
    if (unclear === undefined || other === undefined) throw new Error("no case held only by an unclear keeper")
    const approved = [pick("scenario-1"), pick("scenario-2"), pick("qbo-merge")]
    const rejected = cases.find((c) => c.scenario === "pom-merge" && c.blockers.length === 0)
    if (rejected === undefined) throw new Error("no pom-merge case")
    const file = await edit("signed.xlsx", [
      ...approved.map((c) => [c.id, "decision", "approve"] as const),
      [rejected.id, "decision", "reject"],
      [rejected.id, "note", "two different people"],
      [unclear.id, "decision", "approve"],
      [unclear.id, "choose_keep_pom_id", other]
    ])

    const csv = readReview(join(sandbox.dir, "run1", "review.csv"))
    const report = readFileSync(join(sandbox.dir, "run1", "report.html"), "utf8")
    const dry = await runCli(["apply", "--review", file, "--db", sandbox.db, "--dry-run"], sandbox.env)
    expect(dry.code, dry.stderr).toBe(0)
    for (const c of approved) {
      const figure = csv.rows.find((r) => r.case_id === c.id)?.confidence ?? ""
      expect(figure).toMatch(/^\d+\.\d bits, p /)
      expect(report).toContain(figure)
      expect(dry.stdout).toContain(`${c.id} (${c.scenario}, confidence ${figure})`)
    }
    expect(dry.stdout).toContain(`as chosen: keep POM ${other}`)

    const mark = writeMark(sandbox)
    const result = await sandbox.apply(file)
    expect(result.code, result.stderr).toBe(0)
    expect(applyJson(result.stdout)).toMatchObject({ approved: 4, rejected: 1, refused: [], cases: { done: 4, waiting: 0, stale: 0, failed: 0 } })

    const chosen = await Effect.runPromise(
      Effect.flatMap(Store, (store) => store.getChosenPlan(RunId.make(run.runId), CaseId.make(unclear.id))).pipe(Effect.provide(Store.layer(sandbox.db)))
    )
    if (Option.isNone(chosen)) throw new Error("the choice was not stored")
    expect(chosen.value.case.keepPomId).toBe(other)
    expect(tallyWrites(sandbox, [...approved, chosen.value.case], mark)).toEqual({ missing: [], repeated: [], unexpected: [] })
    expect(await sandbox.decisions()).toContainEqual(expect.objectContaining({ caseId: rejected.id, decision: "reject", note: "two different people" }))
  }, 180_000)
})
