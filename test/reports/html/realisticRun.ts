import { buildCases } from "../../../pipeline/cases/buildCases.ts"
import { indexSnapshot } from "../../../pipeline/cases/RecordIndex.ts"
import type { Case } from "../../../pipeline/domain/Case.ts"
import { CaseId, SnapshotId } from "../../../pipeline/domain/Ids.ts"
import type { FieldContribution, MatchEvidence } from "../../../pipeline/domain/MatchEvidence.ts"
import type { PomCustomer } from "../../../pipeline/domain/PomRecords.ts"
import type { QboCustomer } from "../../../pipeline/domain/QboRecords.ts"
import type { Snapshot } from "../../../pipeline/domain/Snapshot.ts"
import type { RunDiff, RunHistoryPoint } from "../../../pipeline/RunDiff.ts"
import { countByScenario, type RunSummary, summarizeDiff } from "../../../pipeline/RunSummary.ts"
import type { HtmlReportInput } from "../../../reports/html/renderHtmlReport.ts"
import { countScores } from "../../../reports/html/scoreCounts.ts"
import { qboAppUrl } from "../../../reports/QboWorklistCsv.ts"
import type { RecordLinks } from "../../../reports/RecordLinks.ts"
import { SnapshotBuilder } from "../../pipeline/cases/snapshotBuilder.ts"

/** QBO's sandbox app and a POM customer page, as an office would configure them. */
export const REPORT_LINKS: RecordLinks = { qboApp: qboAppUrl("sandbox"), pomCustomer: "https://pom.example.com/customers/{id}/edit" }

export const HOSTILE_FIRST_NAME = `<script>alert("pwned")</script>`
export const HOSTILE_LAST_NAME = `O'Neil & "Sons" <b>`

const address = (street: string, city = "Tampa", zip = "33606") => ({ street, city, state: "FL", zip })

const pomPeople: Readonly<Record<string, Partial<PomCustomer>>> = {
  mg1: { firstName: "Maria", lastName: "Gonzalez", emails: ["maria.gonzalez@gmail.com"], phones: ["(813) 555-0142"], serviceAddress: address("4120 W Bay Vista Ave") },
  mg2: { firstName: "Maria", lastName: "Gonzales", emails: [], phones: ["813-555-0142"], serviceAddress: address("4120 W Bay Vista Ave") },
  rc1: { firstName: "Robert", lastName: "Chen", emails: ["rchen@outlook.com"], phones: ["727-555-0199"], serviceAddress: address("88 Palm Harbor Blvd", "Palm Harbor", "34683") },
  rc2: { firstName: "Bob", lastName: "Chen", emails: ["rchen@outlook.com"], phones: ["727-555-0199", "727-555-0100"], serviceAddress: address("88 Palm Harbor Blvd", "Palm Harbor", "34683") },
  lw1: { firstName: "Linda", lastName: "Whitaker", emails: ["linda.whitaker@aol.com"], phones: ["941-555-0123"], serviceAddress: address("2301 Gulf Dr N", "Bradenton Beach", "34217") },
  lw2: { firstName: "Linda", lastName: "Whitaker", emails: ["tom.whitaker@aol.com"], phones: ["941-555-0123"], serviceAddress: address("2301 Gulf Drive N", "Bradenton Beach", "34217") },
  sp1: { firstName: "", lastName: "", companyName: "Sunset Palms HOA", emails: ["board@sunsetpalmshoa.org"], phones: ["813-555-0177"], serviceAddress: address("1 Sunset Palms Way", "Brandon", "33511") },
  jo1: { firstName: "James", lastName: "O'Brien", emails: ["jim.obrien@gmail.com"], phones: ["813-555-0160"], serviceAddress: address("615 S Rome Ave") },
  jo2: { firstName: "Jim", lastName: "O'Brien", emails: ["jim.obrien@gmail.com"], phones: ["813-555-0160"], serviceAddress: address("615 S Rome Ave") },
  hx1: { firstName: HOSTILE_FIRST_NAME, lastName: HOSTILE_LAST_NAME, emails: ["x@example.com"], phones: ["813-555-0000"], serviceAddress: address("13 Elm St") },
  pn1: { firstName: "Patricia", lastName: "Nguyen", emails: ["pnguyen@gmail.com"], phones: ["813-555-0188"], serviceAddress: address("902 E Henderson Ave") }
}

const qboPeople: Readonly<Record<string, Partial<QboCustomer>>> = {
  "2514": { displayName: "Gonzalez, Maria", givenName: "Maria", familyName: "Gonzalez", emails: ["maria.gonzalez@gmail.com"], phones: ["(813) 555-0142"], billAddress: address("4120 W Bay Vista Ave") },
  "3987": { displayName: "Maria Gonzales", givenName: "Maria", familyName: "Gonzales", emails: ["mgonzales@yahoo.com"], phones: ["813 555 0142"], billAddress: address("4120 W Bay Vista Ave") },
  "4402": { displayName: "Robert Chen", givenName: "Robert", familyName: "Chen", emails: ["rchen@outlook.com"], phones: ["727-555-0199"], billAddress: address("88 Palm Harbor Blvd", "Palm Harbor", "34683") },
  "4410": { displayName: "Chen, Bob", givenName: "Bob", familyName: "Chen", emails: ["rchen@outlook.com"], phones: ["727-555-0100"], billAddress: address("PO Box 1142", "Palm Harbor", "34682") },
  "5100": { displayName: "Whitaker, Linda", givenName: "Linda", familyName: "Whitaker", emails: ["linda.whitaker@aol.com"], phones: ["941-555-0123"], billAddress: address("2301 Gulf Dr N", "Bradenton Beach", "34217") },
  "6200": { displayName: "Sunset Palms HOA", givenName: "", familyName: "", companyName: "Sunset Palms HOA", emails: ["board@sunsetpalmshoa.org"], phones: ["813-555-0177"], billAddress: address("1 Sunset Palms Way", "Brandon", "33511") },
  "6201": { displayName: "Sunset Palms Homeowners Assn", givenName: "", familyName: "", companyName: "Sunset Palms Homeowners Assn", emails: ["treasurer@sunsetpalmshoa.org"], phones: ["813-555-0177"], billAddress: address("1 Sunset Palms Way", "Brandon", "33511") },
  "7300": { displayName: "O'Brien, James", givenName: "James", familyName: "O'Brien", emails: ["jim.obrien@gmail.com"], phones: ["813-555-0160"], billAddress: address("615 S Rome Ave") },
  "7301": { displayName: "Jim O'Brien", givenName: "Jim", familyName: "O'Brien", emails: [], phones: ["813-555-0160"], billAddress: address("615 S Rome Ave") },
  "9100": { displayName: "Nguyen, Pat", givenName: "Pat", familyName: "Nguyen", emails: [], phones: ["813-555-0189"], billAddress: address("902 E Henderson Ave") }
}

type Level = readonly [field: string, level: string, weight: number]

const PRIOR: Level = ["prior", "1 in 2,500 pairs", -11.3]
/** What a sure match looks like: the prior, then strong agreement on the fields that identify a customer. */
const SURE: ReadonlyArray<Level> = [
  PRIOR,
  ["firstName", "exact", 6.4],
  ["lastName", "JW 0.96", 6.2],
  ["phone", "exact", 9.1],
  ["houseNumber", "exact", 5.5],
  ["street", "exact", 6.1],
  ["zip", "exact", 6.5],
  ["email", "differs", -3.6]
]
const UNSURE: ReadonlyArray<Level> = [
  PRIOR,
  ["firstName", "nickname", 4.1],
  ["lastName", "exact", 8.4],
  ["phone", "one digit off", 5.2],
  ["street", "exact", 6.1],
  ["zip", "exact", 6.5],
  ["email", "differs", -3.6],
  ["city", "exact", 3.2],
  ["companyName", "differs", -14.5]
]

/** Evidence as the matcher reports it: contributions that sum to the weight, and the probability it implies. */
export const pair = (a: string, b: string, levels: ReadonlyArray<Level> = SURE): MatchEvidence => {
  const ref = (s: string) => {
    const [system, id] = s.split(":")
    return { system: system === "pom" ? ("pom" as const) : ("qbo" as const), id: id ?? "" }
  }
  const contributions: Array<FieldContribution> = levels.map(([field, level, weight]) => ({ field, level, weight }))
  const weight = contributions.reduce((s, c) => s + c.weight, 0)
  return { left: ref(a), right: ref(b), weight, probability: 1 / (1 + 2 ** -weight), contributions }
}

const withPeople = (s: Snapshot): Snapshot => ({
  ...s,
  pom: { ...s.pom, customers: s.pom.customers.map((c) => ({ ...c, ...pomPeople[c.id] })) },
  qbo: { ...s.qbo, customers: s.qbo.customers.map((c) => ({ ...c, ...qboPeople[c.id] })) }
})

/** A small office's run: one case of every kind, one with a hostile name, one that is only nearly sure. */
export const realisticSnapshot = (): { readonly snapshot: Snapshot; readonly matches: ReadonlyArray<MatchEvidence> } => {
  const b = new SnapshotBuilder()
    // The help article's example 1: the history is on one account, the right QBO customer on the other.
    .pomCustomer("mg1", { link: "3987", history: 6, createdAt: "2019-05-01" })
    .pomCustomer("mg2", { link: "2514", createdAt: "2021-05-01" })
    .qboCustomer("2514", { invoices: 9, createdAt: "2018-01-01" })
    .qboCustomer("3987", { createdAt: "2021-05-01" })
    // Example 2: as above, with recent invoices on the wrong QBO customer.
    .pomCustomer("rc1", { link: "4410", history: 4, createdAt: "2019-02-01" })
    .pomCustomer("rc2", { link: "4402", createdAt: "2022-03-01" })
    .qboCustomer("4402", { invoices: 5, createdAt: "2018-06-01" })
    .qboCustomer("4410", { invoices: 2, createdAt: "2022-03-01" })
    .pomCustomer("lw1", { link: "5100", history: 7 })
    .pomCustomer("lw2", { link: "5100", history: 2, createdAt: "2022-01-01" })
    .qboCustomer("5100", { invoices: 4 })
    .pomCustomer("sp1", { link: "6200", history: 3 })
    .qboCustomer("6200", { invoices: 5 })
    .qboCustomer("6201", { invoices: 1, createdAt: "2023-01-01" })
    .pomCustomer("jo1", { link: "7301", history: 6 })
    .pomCustomer("jo2", { link: "7300" })
    .qboCustomer("7300", { invoices: 3 })
    .qboCustomer("7301", { invoices: 2, paid: true })
    .pomCustomer("hx1", { link: "404", history: 1 })
    .pomCustomer("pn1", { history: 2 })
    .qboCustomer("9100", { invoices: 1 })
  const matches = [
    pair("pom:mg1", "pom:mg2"),
    pair("qbo:2514", "qbo:3987"),
    pair("pom:mg1", "qbo:2514"),
    pair("pom:mg2", "qbo:2514"),
    pair("pom:rc1", "pom:rc2"),
    pair("qbo:4402", "qbo:4410"),
    pair("pom:rc1", "qbo:4402"),
    pair("pom:lw1", "pom:lw2"),
    pair("pom:lw1", "qbo:5100"),
    pair("qbo:6200", "qbo:6201"),
    pair("pom:sp1", "qbo:6200"),
    pair("pom:sp1", "qbo:6201"),
    pair("pom:jo1", "pom:jo2"),
    pair("qbo:7300", "qbo:7301"),
    pair("pom:jo1", "qbo:7300"),
    pair("pom:pn1", "qbo:9100", UNSURE)
  ]
  return { snapshot: withPeople(b.build()), matches }
}

/** A deterministic spread of scores: most pairs clearly different, a few unsure, the matches near 1. */
export const sampleProbabilities = (n: number, matches: ReadonlyArray<MatchEvidence>): ReadonlyArray<number> => {
  let seed = 42
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const out: Array<number> = matches.map((m) => m.probability)
  for (let i = 0; i < n; i++) {
    const u = next()
    out.push(u < 0.85 ? next() * 0.1 : u < 0.95 ? next() : 0.9 + next() * 0.1)
  }
  return out
}

/** What a first run's diff says: everything is new. */
export const firstRunDiff = (cases: ReadonlyArray<Case>): RunDiff => ({
  previousRunId: null,
  newCases: cases.map((c) => c.id),
  stillOpen: [],
  resolved: [],
  suppressed: [],
  previouslyRejected: []
})

export const summaryFor = (
  snapshot: Snapshot,
  cases: ReadonlyArray<Case>,
  matchedPairs: number,
  rejected = 2,
  diff: RunDiff = firstRunDiff(cases)
): RunSummary => ({
  runId: "R-20250601-140327-k3x9",
  snapshotId: "S-7f3a2c",
  startedAt: "2025-06-01T14:03:27.000Z",
  finishedAt: "2025-06-01T14:03:31.500Z",
  inputs: { pom: "exports/pom-customers-2025-06-01.csv", qbo: "QuickBooks Online (realm 9130 3571 2241 5506)" },
  records: {
    pomCustomers: snapshot.pom.customers.length,
    appointments: snapshot.pom.appointments.length,
    services: snapshot.pom.services.length,
    qboCustomers: snapshot.qbo.customers.length,
    invoices: snapshot.qbo.invoices.length
  },
  rejected,
  cases: { total: cases.length, byScenario: countByScenario(cases) },
  diff: summarizeDiff(diff),
  matching: { records: snapshot.pom.customers.length + snapshot.qbo.customers.length, candidatePairs: 1_284, matchedPairs, setAsidePairs: 0, perRule: [] },
  timings: { total: 4.5 },
  outputs: {}
})

export const history: ReadonlyArray<RunHistoryPoint> = [
  { runId: "R-1", startedAt: "2025-05-04T14:00:00.000Z", openCases: 14 },
  { runId: "R-2", startedAt: "2025-05-11T14:00:00.000Z", openCases: 12 },
  { runId: "R-3", startedAt: "2025-05-18T14:00:00.000Z", openCases: 12 },
  { runId: "R-4", startedAt: "2025-05-25T14:00:00.000Z", openCases: 9 }
]

/** The whole input for a report on the realistic snapshot, with a diff against an earlier run. */
export const realisticInput = (): HtmlReportInput => {
  const { snapshot, matches } = realisticSnapshot()
  const cases = buildCases(snapshot, matches, { snapshotId: SnapshotId.make("S-7f3a2c"), reviewThreshold: 0.95, booksClosedThrough: null })
  const ids = cases.map((c) => c.id)
  const diff: RunDiff = {
    previousRunId: "R-4",
    newCases: ids.slice(0, 2),
    stillOpen: ids.slice(2, -1),
    resolved: [
      { caseId: CaseId.make("C-0a1b2c3d4e5f"), how: "applied" },
      { caseId: CaseId.make("C-5f4e3d2c1b0a"), how: "applied" },
      { caseId: CaseId.make("C-99aa88bb77cc"), how: "gone" }
    ],
    suppressed: [CaseId.make("C-123456abcdef")],
    previouslyRejected: ids.slice(-1)
  }
  return {
    summary: summaryFor(snapshot, cases, matches.length, 2, diff),
    cases,
    index: indexSnapshot(snapshot),
    diff,
    history,
    scores: countScores(sampleProbabilities(1_268, matches), 0.9, 0.95),
    generatedAt: "2025-06-01T14:03:32.000Z",
    links: REPORT_LINKS
  }
}
