import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { buildCases } from "../../pipeline/cases/buildCases.ts"
import { indexSnapshot } from "../../pipeline/cases/RecordIndex.ts"
import { RunId, SnapshotId } from "../../pipeline/domain/Ids.ts"
import { reviewCsvRows } from "./reviewCsvRows.ts"
import { REVIEW_COLUMNS, reviewCsv } from "../../reports/ReviewCsv.ts"
import { reviewXlsx } from "../../reports/ReviewXlsx.ts"
import { SnapshotBuilder } from "../pipeline/cases/snapshotBuilder.ts"

const LONG_ID = "12345678901234567890"
const links = { qboApp: "https://app.sandbox.qbo.intuit.com", pomCustomer: "https://pom.example/customers/{id}" }

/** A scenario-2 case whose keeper is "000280" and whose correct QBO customer has a 20-digit id, and a weak one. */
const company = () =>
  new SnapshotBuilder()
    .pomCustomer("000280", { link: "3987", history: 6 })
    .pomCustomer("jd2", { link: LONG_ID })
    .qboCustomer(LONG_ID, { invoices: 9 })
    .qboCustomer("3987", { invoices: 2 })
    .match("pom:000280", "pom:jd2")
    .match(`qbo:${LONG_ID}`, "qbo:3987")
    .match("pom:000280", `qbo:${LONG_ID}`)
    .pomCustomer("w1", { link: "500", history: 3 })
    .pomCustomer("w2", { link: "500" })
    .qboCustomer("500", { invoices: 1 })
    .match("pom:w1", "pom:w2", 0.9)

const render = async () => {
  const b = company()
  const snapshot = b.build()
  const index = indexSnapshot(snapshot)
  const cases = buildCases(snapshot, b.matches, { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await reviewXlsx(index, RunId.make("R-1"), cases, links)).slice().buffer)
  return { wb, csv: reviewCsv(index, RunId.make("R-1"), cases) }
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name)
  if (ws === undefined) throw new Error(`no sheet ${name}`)
  return ws
}

const col = (name: (typeof REVIEW_COLUMNS)[number]) => REVIEW_COLUMNS.indexOf(name) + 1

describe("reviewXlsx, opened with a spreadsheet library", () => {
  it("holds the same cells as review.csv, in the same order, every one as text", async () => {
    const { wb, csv } = await render()
    const ws = sheet(wb, "Review")
    const expected = reviewCsvRows(csv)
    expect(ws.rowCount).toBe(expected.length)
    expected.forEach((cells, i) => {
      const row = ws.getRow(i + 1)
      cells.forEach((text, j) => {
        const value = row.getCell(j + 1).value
        const shown = value !== null && typeof value === "object" && "hyperlink" in value ? value.text : value
        expect(shown ?? "").toBe(text)
        expect(typeof (shown ?? "")).toBe("string")
      })
    })
  })

  it("keeps leading zeros and all twenty digits of ids, and links them to POM and QBO", async () => {
    const { wb } = await render()
    const ws = sheet(wb, "Review")
    const row = [2, 3].map((n) => ws.getRow(n)).find((r) => r.getCell(col("scenario")).value === "scenario-2")
    expect(row?.getCell(col("keep_pom_id")).value).toMatchObject({ text: "000280", hyperlink: "https://pom.example/customers/000280" })
    expect(row?.getCell(col("correct_qbo_id")).value).toMatchObject({
      text: LONG_ID,
      hyperlink: `https://app.sandbox.qbo.intuit.com/app/customerdetail?nameId=${LONG_ID}`
    })
    // Typed ids stay text too: the cells to fill in are formatted as Text.
    expect(row?.getCell(col("choose_keep_pom_id")).numFmt).toBe("@")
  })

  it("offers approve and reject in a drop-down on decision, freezes the header, filters every column", async () => {
    const { wb } = await render()
    const ws = sheet(wb, "Review")
    for (const n of [2, 3]) {
      expect(ws.getRow(n).getCell(col("decision")).dataValidation).toMatchObject({ type: "list", formulae: ['"approve,reject"'], allowBlank: true })
    }
    expect(ws.getRow(2).getCell(col("note")).dataValidation).toBeUndefined()
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
    expect(ws.autoFilter).toBe("A1:U3")
    expect(ws.getColumn(col("actions")).width).toBeGreaterThan(ws.getColumn(col("case_id")).width ?? 0)
    expect(ws.getRow(2).getCell(col("actions")).alignment).toMatchObject({ wrapText: true })
  })

  it("tints review cases and marks the cells an admin fills in", async () => {
    const { wb } = await render()
    const ws = sheet(wb, "Review")
    const fill = (r: number, c: number) => {
      const f = ws.getRow(r).getCell(c).fill
      return f?.type === "pattern" ? f.fgColor?.argb : undefined
    }
    // Review cases sort first.
    expect(ws.getRow(2).getCell(col("scenario")).value).toBe("review")
    expect(fill(2, col("case_id"))).toBe("FFFCE4D6")
    expect(fill(3, col("case_id"))).toBeUndefined()
    for (const name of ["decision", "note", "choose_keep_pom_id", "choose_correct_qbo_id", "exclude_ids"] as const) {
      expect(fill(2, col(name))).toBe("FFFFF2CC")
      expect(fill(3, col(name))).toBe("FFFFF2CC")
    }
  })

  it("lists every record and moving invoice of each case on a Records sheet, each id a link", async () => {
    const { wb } = await render()
    const ws = sheet(wb, "Records")
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2))
    const ids = rows.map((r) => {
      const v = r.getCell(3).value
      return [r.getCell(2).value, v !== null && typeof v === "object" && "hyperlink" in v ? v.hyperlink : v]
    })
    expect(ids).toContainEqual(["POM customer", "https://pom.example/customers/jd2"])
    expect(ids).toContainEqual(["QBO customer", "https://app.sandbox.qbo.intuit.com/app/customerdetail?nameId=3987"])
    const invoices = ids.filter(([kind]) => kind === "QBO invoice")
    expect(invoices).toHaveLength(2)
    for (const [, url] of invoices) expect(url).toMatch(/^https:\/\/app\.sandbox\.qbo\.intuit\.com\/app\/invoice\?txnId=/)
  })

  it("leaves POM ids as plain text when no POM link template is configured", async () => {
    const b = company()
    const snapshot = b.build()
    const cases = buildCases(snapshot, b.matches, { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await reviewXlsx(indexSnapshot(snapshot), RunId.make("R-1"), cases, { ...links, pomCustomer: null })).slice().buffer)
    const values = [2, 3].map((n) => sheet(wb, "Review").getRow(n).getCell(col("keep_pom_id")).value)
    expect(values).toContain("000280")
  })
})
