/**
 * Benchmark: review.xlsx for many cases, written by `reviewXlsx` and built as the ExcelJS workbook it replaced,
 * each in its own process (so one's garbage does not count against the other). Measures and prints; asserts nothing.
 *
 *   node --expose-gc --import tsx bench/reviewXlsx.ts               27,000 cases (a million customers a side)
 *   node --expose-gc --import tsx bench/reviewXlsx.ts --cases 5400  fewer
 *
 * Prints CPU and wall seconds and how far resident memory rose above where it stood once the cases were built
 * (sampled every 20 ms): on a shared machine the wall time says more about the neighbours.
 */
import { execFileSync } from "node:child_process"
import { loadavg } from "node:os"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { buildCases } from "../pipeline/cases/buildCases.ts"
import { indexSnapshot } from "../pipeline/cases/RecordIndex.ts"
import { RunId, SnapshotId } from "../pipeline/domain/Ids.ts"
import { reviewXlsx } from "../reports/ReviewXlsx.ts"
import { SnapshotBuilder } from "../test/pipeline/cases/snapshotBuilder.ts"
import { excelJsReviewWorkbook } from "../test/reports/xlsx/excelJsReviewWorkbook.ts"

const print = (line: string): void => {
  process.stdout.write(`${line}\n`)
}

const { values } = parseArgs({ options: { cases: { type: "string", default: "27000" }, writer: { type: "string" } } })
const pairs = Number(values.cases)

/** Pairs of POM duplicates on one QBO customer, every third weak enough to be a review case. */
const casesOf = (n: number) => {
  const b = new SnapshotBuilder()
  for (let i = 0; i < n; i++) {
    b.pomCustomer(`p${i}a`, { link: `${100 + i}`, history: 2, street: `${i} Main St` })
      .pomCustomer(`p${i}b`, { link: `${100 + i}` })
      .qboCustomer(`${100 + i}`, { invoices: 1 })
      .match(`pom:p${i}a`, `pom:p${i}b`, i % 3 === 0 ? 0.9 : 0.99)
  }
  const snapshot = b.build()
  return {
    index: indexSnapshot(snapshot),
    cases: buildCases(snapshot, b.matches, { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null })
  }
}

const measure = async (writer: string): Promise<void> => {
  const { index, cases } = casesOf(pairs)
  const links = { qboApp: "https://app.sandbox.qbo.intuit.com", pomCustomer: "https://pom.example/customers/{id}" }
  const gc: unknown = Reflect.get(globalThis, "gc")
  if (typeof gc === "function") gc()
  const base = process.memoryUsage().rss
  let peak = base
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const cpu = process.cpuUsage()
  const start = performance.now()
  const bytes =
    writer === "exceljs"
      ? await excelJsReviewWorkbook(index, RunId.make("R-1"), cases, links, new Date())
      : await reviewXlsx(index, RunId.make("R-1"), cases, links)
  const wall = (performance.now() - start) / 1000
  clearInterval(sampler)
  const used = process.cpuUsage(cpu)
  print(
    `${writer.padEnd(8)} ${cases.length.toLocaleString("en-US")} cases, ${(bytes.length / 1e6).toFixed(1)} MB file: CPU ${((used.user + used.system) / 1e6).toFixed(2)} s, wall ${wall.toFixed(2)} s, resident memory +${Math.max(0, Math.round((peak - base) / 1e6))} MB over ${Math.round(base / 1e6)} MB`
  )
}

if (values.writer !== undefined) await measure(values.writer)
else {
  print(`load ${loadavg()[0]?.toFixed(1)}`)
  for (const writer of ["exceljs", "writer"]) {
    execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--cases", String(pairs), "--writer", writer], { stdio: "inherit" })
  }
  print(`load ${loadavg()[0]?.toFixed(1)}`)
}
