import { describe, expect, it } from "vitest"
import { buildCases } from "../../../pipeline/cases/buildCases.ts"
import { indexSnapshot } from "../../../pipeline/cases/RecordIndex.ts"
import type { Case } from "../../../pipeline/domain/Case.ts"
import { SnapshotId } from "../../../pipeline/domain/Ids.ts"
import { compareRecords, markDifferences, type RecordComparison } from "../../../reports/html/compareRecords.ts"
import { realisticSnapshot } from "./realisticRun.ts"

const { snapshot, matches } = realisticSnapshot()
const index = indexSnapshot(snapshot)
const cases = buildCases(snapshot, matches, { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null })
const caseWith = (pomId: string): Case => {
  const c = cases.find((x) => x.pomIds.some((id) => id === pomId))
  if (c === undefined) throw new Error(`no case holds POM ${pomId}`)
  return c
}
const row = (cmp: RecordComparison, label: string) => {
  const r = cmp.rows.find((x) => x.label === label)
  if (r === undefined) throw new Error(`no row ${label}`)
  return r
}

describe("markDifferences", () => {
  it("marks only the odd one out when one value is the most common", () => {
    expect(markDifferences(["a", "a", "b"])).toEqual([false, false, true])
    expect(markDifferences(["a", "ab", "a", "b"])).toEqual([false, true, false, true])
  })

  it("marks both sides of a tie, since neither can be called right", () => {
    expect(markDifferences(["a", "b"])).toEqual([true, true])
    expect(markDifferences(["a", "a", "b", "b"])).toEqual([true, true, true, true])
  })

  it("never marks a blank, and marks nothing when the filled values agree", () => {
    expect(markDifferences(["a", null, "a", ""])).toEqual([false, false, false, false])
    expect(markDifferences(["a", null, "b"])).toEqual([true, false, true])
  })
})

describe("compareRecords", () => {
  it("puts POM accounts then QBO customers in columns, with their role in the case", () => {
    const cmp = compareRecords(index, caseWith("rc1"))
    expect(cmp.columns.map((c) => `${c.system}:${c.id}:${c.role}`)).toEqual([
      "pom:rc1:keep",
      "pom:rc2:merge",
      "qbo:4402:correct",
      "qbo:4410:wrong"
    ])
    expect(cmp.rows.map((r) => r.label)).toEqual(["Name", "Company", "Emails", "Phones", "Address", "QBO link", "Status", "Balance", "History", "Created"])
    expect(cmp.rows.every((r) => r.cells.length === 4)).toBe(true)
  })

  it("highlights the phones and address that differ and leaves the shared email alone", () => {
    const cmp = compareRecords(index, caseWith("rc1"))
    expect(row(cmp, "Phones").cells.map((c) => c.differs)).toEqual([false, true, false, true])
    expect(row(cmp, "Address").cells.map((c) => c.differs)).toEqual([false, false, false, true])
    expect(row(cmp, "Emails").cells.map((c) => c.differs)).toEqual([false, false, false, false])
  })

  it("treats the same name in another order, and the same phone typed another way, as agreeing", () => {
    const linda = compareRecords(index, caseWith("lw1"))
    expect(row(linda, "Name").cells.map((c) => c.lines[0])).toEqual(["Linda Whitaker", "Linda Whitaker", "Whitaker, Linda"])
    expect(row(linda, "Name").cells.some((c) => c.differs)).toBe(false)
    const maria = compareRecords(index, caseWith("mg1"))
    expect(row(maria, "Phones").cells.map((c) => c.lines[0])).toEqual(["(813) 555-0142", "813-555-0142", "(813) 555-0142", "813 555 0142"])
    expect(row(maria, "Phones").cells.some((c) => c.differs)).toBe(false)
  })

  it("flags a link to a QBO customer that does not exist and shows the missing customer as blank", () => {
    const cmp = compareRecords(index, caseWith("hx1"))
    expect(cmp.columns.map((c) => c.role)).toEqual(["keep", "missing"])
    const link = row(cmp, "QBO link")
    expect(link.cells[0]?.warn).toBe(true)
    expect(link.cells[0]?.lines.join(" ")).toMatch(/404.*not in QBO/)
    expect(link.cells[1]?.lines).toEqual([])
  })

  it("counts each record's history: appointments and services in POM, invoices in QBO", () => {
    const history = row(compareRecords(index, caseWith("rc1")), "History").cells.map((c) => c.lines.join(", "))
    expect(history).toEqual(["2 appointments, 2 services", "0 appointments, 0 services", "5 invoices ($500.00)", "2 invoices ($200.00)"])
  })
})
