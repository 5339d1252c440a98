import { parse } from "csv-parse/sync"
import { describe, expect, it } from "vitest"
import { buildCases } from "../../pipeline/cases/buildCases.ts"
import { indexSnapshot } from "../../pipeline/cases/RecordIndex.ts"
import { RunId, SnapshotId } from "../../pipeline/domain/Ids.ts"
import { excelSafe } from "../../reports/excelSafe.ts"
import { REVIEW_COLUMNS, reviewCsv } from "../../reports/ReviewCsv.ts"
import { SnapshotBuilder } from "../pipeline/cases/snapshotBuilder.ts"

const settings = { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null }

const scenario2 = () => new SnapshotBuilder().articlePair(2)

const render = (b: SnapshotBuilder) => {
  const snapshot = b.build()
  const cases = buildCases(snapshot, b.matches, settings)
  return reviewCsv(indexSnapshot(snapshot), RunId.make("R-1"), cases)
}

describe("reviewCsv", () => {
  it("starts with a BOM and the agreed columns in order, one row per case", () => {
    const text = render(scenario2())
    expect(text.startsWith("\uFEFF")).toBe(true)
    const rows: Array<Array<string>> = parse(text, { bom: true })
    expect(rows[0]?.slice(0, 14)).toEqual([
      "case_id", "scenario", "confidence", "keep_pom_id", "merge_pom_ids", "correct_qbo_id", "wrong_qbo_ids",
      "invoices_to_move", "pom_items_to_move", "actions", "evidence", "blockers", "decision", "note"
    ])
    expect(rows[0]).toEqual([...REVIEW_COLUMNS])
    expect(rows).toHaveLength(2)
    const row = Object.fromEntries((rows[0] ?? []).map((h, i) => [h, rows[1]?.[i] ?? ""]))
    expect(row.scenario).toBe("scenario-2")
    expect(row.keep_pom_id).toBe("jd1")
    expect(row.correct_qbo_id).toBe("2514")
    expect(row.invoices_to_move?.split(";")).toHaveLength(2)
    expect(row.decision).toBe("")
    expect(row.run_id).toBe("R-1")
    // Invoices move first, then the link, as the article says.
    expect(row.actions).toMatch(/^1\. In QBO, change the customer on 2 invoices .* from 3987 .* to 2514/)
    expect(row.actions?.indexOf("set the QBO ID of jd1")).toBeGreaterThan(row.actions?.indexOf("In QBO") ?? 0)
  })

  it("uses CRLF line ends so Excel on Windows keeps rows apart", () => {
    const text = render(scenario2())
    expect(text.split("\r\n").length).toBeGreaterThan(2)
  })

  it("neutralises cells that a spreadsheet would run as a formula", () => {
    expect(excelSafe("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")")
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(excelSafe(`${start}1`)).toBe(`'${start}1`)
    expect(excelSafe("John")).toBe("John")

    // Ids come from the export files too: a keeper id that looks like a formula must not run.
    const b = new SnapshotBuilder()
      .pomCustomer("=1+2", { link: "3987", history: 6 })
      .pomCustomer("jd2", { link: "2514" })
      .qboCustomer("2514", { invoices: 9 })
      .qboCustomer("3987", { invoices: 2 })
      .match("pom:=1+2", "pom:jd2")
      .match("qbo:2514", "qbo:3987")
      .match("pom:=1+2", "qbo:2514")
    const rows: Array<Array<string>> = parse(render(b), { bom: true })
    expect(rows[1]?.[3]).toBe("'=1+2")
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@]/)
  })
})
