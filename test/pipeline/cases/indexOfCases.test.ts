import { describe, expect, it } from "vitest"
import { buildCasesFromIndex } from "../../../pipeline/cases/buildCases.ts"
import { indexOfCases } from "../../../pipeline/cases/indexOfCases.ts"
import { indexSnapshot } from "../../../pipeline/cases/RecordIndex.ts"
import { PomCustomerId, QboCustomerId, RunId, SnapshotId } from "../../../pipeline/domain/Ids.ts"
import type { Snapshot } from "../../../pipeline/domain/Snapshot.ts"
import { renderHtmlReport } from "../../../reports/html/renderHtmlReport.ts"
import { reviewCsv } from "../../../reports/ReviewCsv.ts"
import { reviewXlsx } from "../../../reports/ReviewXlsx.ts"
import { firstRunDiff, history, pair, realisticInput, realisticSnapshot, REPORT_LINKS } from "../../reports/html/realisticRun.ts"
import { SnapshotBuilder } from "./snapshotBuilder.ts"

const settings = { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null }

/** The realistic company with customers no case names: a rightly linked pair and a payer with a sub-customer. */
const withBystanders = (): { readonly snapshot: Snapshot; readonly matches: ReturnType<typeof realisticSnapshot>["matches"] } => {
  const { snapshot, matches } = realisticSnapshot()
  const others = new SnapshotBuilder().pomCustomer("by1", { link: "by9", history: 2 }).qboCustomer("by9", { invoices: 3 }).qboCustomer("by8").build()
  return {
    snapshot: {
      ...snapshot,
      pom: { ...snapshot.pom, customers: [...snapshot.pom.customers, ...others.pom.customers], appointments: [...snapshot.pom.appointments, ...others.pom.appointments] },
      qbo: { ...snapshot.qbo, customers: [...snapshot.qbo.customers, ...others.qbo.customers], invoices: [...snapshot.qbo.invoices, ...others.qbo.invoices] }
    },
    matches: [...matches, pair("pom:by1", "qbo:by9")]
  }
}

describe("indexOfCases", () => {
  it("keeps the customers the cases name and the QBO customers their accounts link to, and no other", () => {
    const { snapshot, matches } = withBystanders()
    const whole = indexSnapshot(snapshot)
    const cases = buildCasesFromIndex(whole, matches, settings)
    const restricted = indexOfCases(whole, cases)
    const named = new Set(cases.flatMap((c) => [...c.pomIds, ...c.qboIds]))
    expect([...restricted.pom.keys()].sort()).toEqual([...named].filter((id) => whole.pom.has(PomCustomerId.make(id))).sort())
    for (const id of named) if (whole.qbo.has(QboCustomerId.make(id))) expect(restricted.qbo.has(QboCustomerId.make(id))).toBe(true)
    for (const account of restricted.pom.values()) {
      if (account.quickbooksId !== null) expect(restricted.qbo.get(account.quickbooksId)).toBe(whole.qbo.get(account.quickbooksId))
    }
    expect(whole.pom.has(PomCustomerId.make("by1"))).toBe(true)
    expect(restricted.pom.has(PomCustomerId.make("by1"))).toBe(false)
    expect(restricted.qbo.has(QboCustomerId.make("by9"))).toBe(false)
    expect(restricted.qbo.has(QboCustomerId.make("by8"))).toBe(false)
    for (const id of restricted.qbo.keys()) {
      expect(restricted.linkedFrom(id)).toEqual(whole.linkedFrom(id))
      expect(restricted.childrenOf(id)).toEqual(whole.childrenOf(id))
    }
  })

  it("gives review.csv, review.xlsx and report.html exactly as the whole index does", async () => {
    const { snapshot, matches } = withBystanders()
    const whole = indexSnapshot(snapshot)
    const cases = buildCasesFromIndex(whole, matches, settings)
    expect(cases.length).toBeGreaterThan(3)
    const restricted = indexOfCases(whole, cases)
    const runId = RunId.make("R-1")
    const created = new Date("2026-03-14T09:26:53.589Z")
    expect(reviewCsv(restricted, runId, cases)).toBe(reviewCsv(whole, runId, cases))
    expect(await reviewXlsx(restricted, runId, cases, REPORT_LINKS, created)).toEqual(await reviewXlsx(whole, runId, cases, REPORT_LINKS, created))
    const input = { ...realisticInput(), cases, diff: firstRunDiff(cases), history }
    expect(renderHtmlReport({ ...input, index: restricted })).toBe(renderHtmlReport({ ...input, index: whole }))
  })
})
