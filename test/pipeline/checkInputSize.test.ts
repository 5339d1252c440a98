import { Either, Option } from "effect"
import { describe, expect, it } from "vitest"
import { checkInputSize, countsOfSummary, type InputCounts } from "../../pipeline/checkInputSize.ts"

const counts = (over: Partial<InputCounts> = {}): InputCounts => ({
  pomCustomers: 100,
  appointments: 300,
  services: 200,
  qboCustomers: 90,
  invoices: 400,
  ...over
})
const sources = { pom: "files:./pom", qbo: "files:./qbo" }
const previous = { runId: "R-1", counts: counts() }
const failure = (now: InputCounts, before: typeof previous | null = previous) =>
  Either.match(checkInputSize(now, sources, before), { onLeft: (e) => e.message, onRight: () => null })

describe("checkInputSize", () => {
  it("lets a first run through, and a run that kept at least half of every side", () => {
    expect(failure(counts(), null)).toBeNull()
    expect(failure(counts({ pomCustomers: 50, appointments: 250, services: 0, invoices: 200 }))).toBeNull()
  })

  it("stops a side with no customers, even on a first run", () => {
    expect(failure(counts({ qboCustomers: 0, invoices: 0 }), null)).toMatch(/^QBO has no customers in files:\.\/qbo: .*--allow-shrink$/)
  })

  it("stops when customers, POM history or invoices fell below half, naming the side, counts and run", () => {
    expect(failure(counts({ pomCustomers: 49 }))).toMatch(/^POM customers fell from 100 \(run R-1\) to 49 in files:\.\/pom, more than half gone/)
    expect(failure(counts({ appointments: 100, services: 100 }))).toMatch(/^POM appointments and services fell from 500/)
    expect(failure(counts({ invoices: 10 }))).toMatch(/^QBO invoices fell from 400 \(run R-1\) to 10/)
  })

  it("reads the counts of a stored run summary, and none from a summary of another shape", () => {
    expect(countsOfSummary({ runId: "R-1", records: counts() })).toEqual(Option.some(counts()))
    expect(countsOfSummary({ runId: "P-1" })).toEqual(Option.none())
    expect(countsOfSummary(null)).toEqual(Option.none())
  })
})
