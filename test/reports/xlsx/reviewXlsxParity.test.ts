import { describe, expect, it } from "vitest"
import { buildCases } from "../../../pipeline/cases/buildCases.ts"
import { indexSnapshot } from "../../../pipeline/cases/RecordIndex.ts"
import { RunId, SnapshotId } from "../../../pipeline/domain/Ids.ts"
import type { RecordLinks } from "../../../reports/RecordLinks.ts"
import { reviewXlsx } from "../../../reports/ReviewXlsx.ts"
import { SnapshotBuilder } from "../../pipeline/cases/snapshotBuilder.ts"
import { excelJsReviewWorkbook } from "./excelJsReviewWorkbook.ts"
import { unzipEntries } from "./unzipEntries.ts"

const created = new Date("2026-03-14T09:26:53.589Z")
const withPomLinks: RecordLinks = { qboApp: "https://app.sandbox.qbo.intuit.com", pomCustomer: "https://pom.example/customers/{id}?a=1&b='2'" }
const withoutPomLinks: RecordLinks = { qboApp: "https://app.sandbox.qbo.intuit.com", pomCustomer: null }

/**
 * `pairs` POM duplicates, every third one weak enough to be a review case when `reviews` asks (review cases come
 * first in the file, so which styles are numbered first depends on it), and then a relink with moving invoices;
 * streets with markup, quotes, control characters, line ends and spaces at either end, which the XML must escape
 * or keep.
 */
const company = (pairs: number, reviews: boolean) => {
  const b = new SnapshotBuilder()
  for (let i = 0; i < pairs; i++) {
    const weak = reviews && i % 3 === 0
    const street = i % 4 === 0 ? ` ${i} "Elm" & <Oak> St's\n\u0001` : `${i} Main St`
    b.pomCustomer(`p${i}a`, { link: `${100 + i}`, history: 2, street })
      .pomCustomer(`p${i}b`, { link: `${100 + i}`, street })
      .qboCustomer(`${100 + i}`, { invoices: 1 })
      .match(`pom:p${i}a`, `pom:p${i}b`, weak ? 0.9 : 0.99)
  }
  if (pairs === 0) return b
  return b
    .pomCustomer("000280", { link: "3987", history: 6 })
    .pomCustomer("jd2", { link: "12345678901234567890" })
    .qboCustomer("12345678901234567890", { invoices: 9 })
    .qboCustomer("3987", { invoices: 2 })
    .match("pom:000280", "pom:jd2")
    .match("qbo:12345678901234567890", "qbo:3987")
    .match("pom:000280", "qbo:12345678901234567890")
}

const both = async (pairs: number, reviews: boolean, links: RecordLinks) => {
  const b = company(pairs, reviews)
  const snapshot = b.build()
  const index = indexSnapshot(snapshot)
  const cases = buildCases(snapshot, b.matches, { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null })
  const runId = RunId.make("R-1")
  return {
    cases,
    written: unzipEntries(await reviewXlsx(index, runId, cases, links, created)),
    reference: unzipEntries(await excelJsReviewWorkbook(index, runId, cases, links, created))
  }
}

describe("reviewXlsx, written row by row", () => {
  it.each([
    ["no case", 0, true, withPomLinks],
    ["a few cases, some for review", 3, true, withPomLinks],
    ["a few cases, none for review", 3, false, withPomLinks],
    ["more than nine cases, so the drop-down spans two ranges", 14, true, withPomLinks],
    ["cases whose POM ids link nowhere", 14, true, withoutPomLinks]
  ] as const)("writes every part of the workbook ExcelJS wrote, byte for byte: %s", async (_, pairs, reviews, links) => {
    const { cases, written, reference } = await both(pairs, reviews, links)
    // The company is meant to reach each path: guard against it silently not doing so.
    expect(cases.length).toBe(pairs === 0 ? 0 : pairs + 1)
    expect(cases.some((c) => c.scenario === "review")).toBe(pairs > 0 && reviews)
    expect([...written.keys()].sort()).toEqual([...reference.keys()].sort())
    for (const [name, xml] of reference) expect(written.get(name), name).toBe(xml)
  })
})
