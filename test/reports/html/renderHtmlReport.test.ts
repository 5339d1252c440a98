import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { buildCases } from "../../../pipeline/cases/buildCases.ts"
import { indexSnapshot } from "../../../pipeline/cases/RecordIndex.ts"
import { describeBlocker, LowConfidence } from "../../../pipeline/domain/Blocker.ts"
import type { Case } from "../../../pipeline/domain/Case.ts"
import { invoiceNumber } from "../../../pipeline/domain/invoiceNumber.ts"
import { CaseId, SnapshotId } from "../../../pipeline/domain/Ids.ts"
import { confidenceText } from "../../../reports/confidenceText.ts"
import { DETAILED_CARDS, type HtmlReportInput, renderHtmlReport } from "../../../reports/html/renderHtmlReport.ts"
import { reportScript } from "../../../reports/html/reportScript.ts"
import { countScores } from "../../../reports/html/scoreCounts.ts"
import { SnapshotBuilder } from "../../pipeline/cases/snapshotBuilder.ts"
import { firstRunDiff, HOSTILE_FIRST_NAME, HOSTILE_LAST_NAME, realisticInput, REPORT_LINKS, summaryFor } from "./realisticRun.ts"

const occurrences = (text: string, needle: string | RegExp) =>
  typeof needle === "string" ? text.split(needle).length - 1 : (text.match(new RegExp(needle, "g")) ?? []).length

const findCase = (cases: ReadonlyArray<Case>, test: (c: Case) => boolean): Case => {
  const found = cases.find(test)
  if (found === undefined) throw new Error("the realistic input lacks a case this test needs")
  return found
}

/** The markup of one card, found by its case id. */
const card = (page: string, c: Case) => {
  const start = page.indexOf(`<article class="card" id="case-${c.id}"`)
  expect(start).toBeGreaterThanOrEqual(0)
  return page.slice(start, page.indexOf("</article>", start))
}

const emptyInput = (): HtmlReportInput => {
  const snapshot = new SnapshotBuilder().build()
  return {
    summary: summaryFor(snapshot, [], 0, 0),
    cases: [],
    index: indexSnapshot(snapshot),
    diff: null,
    history: [],
    scores: countScores([], 0.9, 0.95),
    generatedAt: "2025-06-01T14:03:32.000Z",
    links: REPORT_LINKS
  }
}

/** `n` distinct cases made from the realistic ones, as a large office's run would have. */
const manyCases = (n: number): HtmlReportInput => {
  const base = realisticInput()
  const cases = Array.from({ length: n }, (_, i) => base.cases[i % base.cases.length])
    .filter((c): c is Case => c !== undefined)
    .map((c, i) => ({ ...c, id: CaseId.make(`${c.id}-${String(i).padStart(5, "0")}`) }))
  return { ...base, cases, diff: null, summary: { ...base.summary, cases: { ...base.summary.cases, total: n } } }
}

describe("renderHtmlReport", () => {
  it("shows a customer called <script> as text, with the page's own script the only script element", () => {
    const page = renderHtmlReport(realisticInput())
    expect(page).not.toContain(HOSTILE_FIRST_NAME)
    expect(page).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;")
    expect(page).toContain("O&#39;Neil &amp; &quot;Sons&quot; &lt;b&gt;")
    expect(page).not.toContain(HOSTILE_LAST_NAME)
    expect(occurrences(page.toLowerCase(), "<script")).toBe(1)
    expect(page).toContain(`<script>${reportScript}</script>`)
  })

  it("escapes record ids inside attributes too, since they come from the export files", () => {
    const b = new SnapshotBuilder()
      .pomCustomer(`a"><img src=x onerror=alert(1)>`, { history: 1 })
      .qboCustomer("10", { invoices: 1 })
    b.matches.push({
      left: { system: "pom", id: `a"><img src=x onerror=alert(1)>` },
      right: { system: "qbo", id: "10" },
      weight: 20,
      probability: 0.999,
      contributions: [{ field: "phone", level: "exact", weight: 20 }]
    })
    const snapshot = b.build()
    const cases = buildCases(snapshot, b.matches, { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null })
    expect(cases).toHaveLength(1)
    const page = renderHtmlReport({ ...emptyInput(), summary: summaryFor(snapshot, cases, 1), cases, index: indexSnapshot(snapshot) })
    expect(page).not.toContain("<img")
    expect(page).toContain(`aria-label="Match weights, POM a&quot;&gt;&lt;img src=x onerror=alert(1)&gt; and QBO 10"`)
  })

  it("removes bidirectional controls from record text, so a name cannot show reversed or reorder its row", () => {
    const id = "cus_\u202E7701\u202C\u2067x\u2069\u200F"
    const b = new SnapshotBuilder().pomCustomer(id, { history: 1 }).qboCustomer("10", { invoices: 1 })
    b.matches.push({ left: { system: "pom", id }, right: { system: "qbo", id: "10" }, weight: 20, probability: 0.999, contributions: [{ field: "phone", level: "exact", weight: 20 }] })
    const snapshot = b.build()
    const cases = buildCases(snapshot, b.matches, { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null })
    expect(cases).toHaveLength(1)
    const page = renderHtmlReport({ ...emptyInput(), summary: summaryFor(snapshot, cases, 1), cases, index: indexSnapshot(snapshot) })
    expect(page).toContain("cus_7701x")
    expect(page).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/)
  })

  it("highlights the cells that differ between the records and no others", () => {
    const input = realisticInput()
    const chen = findCase(input.cases, (c) => c.pomIds.some((id) => id === "rc1"))
    const markup = card(renderHtmlReport(input), chen)
    const rowCells = (label: string) => {
      const m = markup.match(new RegExp(`<tr[^>]*><th scope="row">${label}</th>(.*?)</tr>`, "s"))
      return (m?.[1] ?? "").match(/<td[^>]*>/g) ?? []
    }
    expect(rowCells("Phones").map((td) => td.includes("differs"))).toEqual([false, true, false, true])
    expect(rowCells("Emails").map((td) => td.includes("differs"))).toEqual([false, false, false, false])
    expect(occurrences(markup, "<span class=\"sr-only\">Differs: </span>")).toBe(occurrences(markup, /<td class="differs/))
  })

  it("states the summary numbers, each scenario with its explanation, and what changed since the last run", () => {
    const input = realisticInput()
    const page = renderHtmlReport(input)
    const { records } = input.summary
    expect(page).toContain(`<th scope="row">POM customers</th><td class="num">${records.pomCustomers}</td>`)
    expect(page).toContain(`<th scope="row">QBO invoices</th><td class="num">${records.invoices}</td>`)
    expect(page).toContain(`<th scope="row">Rejected rows</th><td class="num">${input.summary.rejected}</td>`)
    for (const [scenario, n] of Object.entries(input.summary.cases.byScenario)) {
      expect(page).toMatch(new RegExp(`<span class="badge scenario-${scenario}">[^<]+</span></th><td class="num">${n}</td><td>[A-Z]`))
    }
    expect(page).toContain("example 1 of POM&#39;s help article")
    expect(page).toContain("example 2 of POM&#39;s help article")
    const diff = input.diff
    if (diff === null) throw new Error("the realistic input has a diff")
    expect(page).toContain(`<th scope="row">New</th><td class="num">${diff.newCases.length}</td>`)
    expect(page).toContain(`<th scope="row">Resolved by this tool</th><td class="num">${diff.resolved.filter((r) => r.how === "applied").length}</td>`)
    expect(page).toContain(`<th scope="row">Resolved by hand</th><td class="num">${diff.resolved.filter((r) => r.how === "gone").length}</td>`)
    expect(page).toContain(`<th scope="row">Proposed again</th><td class="num">${diff.previouslyRejected.length}</td>`)
    expect(renderHtmlReport({ ...input, diff: null })).not.toContain('id="changes"')
  })

  it("badges each card new, still open or proposed again, except on a first run where all are new", () => {
    const input = realisticInput()
    const diff = input.diff
    if (diff === null) throw new Error("the realistic input has a diff")
    const page = renderHtmlReport(input)
    for (const id of diff.newCases) expect(card(page, findCase(input.cases, (c) => c.id === id))).toContain('class="badge status-new"')
    for (const id of diff.previouslyRejected) expect(card(page, findCase(input.cases, (c) => c.id === id))).toContain("Proposed again")
    expect(occurrences(page, 'class="badge status-')).toBe(input.cases.length)
    const first = renderHtmlReport({ ...input, diff: firstRunDiff(input.cases) })
    expect(occurrences(first, 'class="badge status-')).toBe(0)
    expect(first).toContain("This is the first recorded run")
  })

  it("shows one card per case, those needing a decision first, with blockers, numbered steps and notes", () => {
    const input = realisticInput()
    const page = renderHtmlReport(input)
    expect(occurrences(page, '<article class="card"')).toBe(input.cases.length)
    const scenarios = [...page.matchAll(/<article class="card" id="[^"]+" data-scenario="([^"]+)"/g)].map((m) => m[1])
    const reviews = input.cases.filter((c) => c.scenario === "review").length
    expect(scenarios.slice(0, reviews).every((s) => s === "review")).toBe(true)
    expect(scenarios.slice(reviews).includes("review")).toBe(false)
    const paid = card(page, findCase(input.cases, (c) => c.blockers.some((b) => b._tag === "invoice-has-payment")))
    expect(paid).toContain('<div class="blockers"><h4>Why a person must decide</h4>')
    expect(paid).toMatch(/has a linked Payment: unapply it in QBO/)
    const moves = card(page, findCase(input.cases, (c) => c.scenario === "scenario-2"))
    expect(moves).toMatch(/<ol><li>In QBO, change the customer on 2 invoices .*?<\/li><li>In POM, set the QBO ID of rc1/)
  })

  it("draws the strongest pair's field weights: green to the right of zero, red to the left, labelled", () => {
    const input = realisticInput()
    const markup = card(renderHtmlReport(input), findCase(input.cases, (c) => c.scenario === "scenario-2"))
    const chart = markup.slice(markup.indexOf('<svg class="chart weights"'), markup.indexOf("</svg>", markup.indexOf('<svg class="chart weights"')))
    const zero = Number(chart.match(/<line x1="([\d.]+)"/)?.[1])
    const bars = [...chart.matchAll(/<g class="bar (pos|neg|prior)"><title>([^<]+)<\/title>.*?<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => ({
      kind: m[1],
      label: m[2],
      x: Number(m[3]),
      width: Number(m[4])
    }))
    expect(bars.length).toBeGreaterThan(3)
    expect(bars.map((b) => b.label)).toContain("phone exact +9.1")
    expect(bars.map((b) => b.label)).toContain("email differs \u22123.6")
    for (const b of bars.filter((x) => x.kind === "pos")) expect(b.x).toBeCloseTo(zero, 0)
    for (const b of bars.filter((x) => x.kind !== "pos")) expect(b.x + b.width).toBeCloseTo(zero, 0)
    expect(chart).toContain('fill="#2e7d32"')
    expect(chart).toContain('fill="#c62828"')
  })

  it("bins the match scores into twenty bars and marks both thresholds", () => {
    const input = { ...realisticInput(), scores: countScores([0.01, 0.02, 0.5, 0.92, 0.97, 0.99, 1], 0.9, 0.95) }
    const page = renderHtmlReport(input)
    const chart = page.slice(page.indexOf('<svg class="chart histogram"'), page.indexOf("</figure>", page.indexOf('<svg class="chart histogram"')))
    expect(occurrences(chart, '<g class="bin">')).toBe(20)
    expect([...chart.matchAll(/class="count">(\d+)</g)].map((m) => Number(m[1]))).toEqual([2, 1, 1, 3])
    expect(chart).toContain("match threshold 0.90")
    expect(chart).toContain("review threshold 0.95")
    expect([...chart.matchAll(/<span class="zone-count">(\d+)<\/span>/g)].map((m) => Number(m[1]))).toEqual([3, 1, 3])
  })

  it("draws the trend of open cases from two runs on, and says why not with fewer", () => {
    const input = realisticInput()
    const points = (page: string) => page.match(/<polyline points="([^"]+)"/)?.[1]?.split(" ").length ?? 0
    expect(points(renderHtmlReport(input))).toBe(input.history.length)
    const one = renderHtmlReport({ ...input, history: input.history.slice(0, 1) })
    expect(one).not.toContain('<svg class="chart trend"')
    expect(one).toContain("Only one run is recorded so far")
    expect(renderHtmlReport({ ...input, history: [] })).toContain("No earlier runs are recorded yet")
  })

  it("renders a run with no cases and no scores as a complete page that says so", () => {
    const page = renderHtmlReport(emptyInput())
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true)
    expect(page.trimEnd().endsWith("</html>")).toBe(true)
    expect(page).not.toContain("<article")
    expect(page).toContain("No cases: this run found no duplicate customers and no wrong QBO links.")
    expect(page).toContain("No record pairs were scored in this run")
    expect(page).toContain("No earlier runs are recorded yet")
    expect(page).not.toContain('class="filter"')
  })

  it("details the first 500 of several thousand cases and lists the rest compactly, at a reasonable size", () => {
    const input = manyCases(3_000)
    const started = performance.now()
    const page = renderHtmlReport(input)
    const millis = performance.now() - started
    expect(occurrences(page, '<article class="card"')).toBe(DETAILED_CARDS)
    expect(occurrences(page, /<tr id="case-[^"]+" data-scenario=/)).toBe(3_000 - DETAILED_CARDS)
    expect(page).toContain("2,500 more cases, one line each")
    expect(page).toContain("only the first 500 cases are shown in full")
    // Every case is on the page exactly once, as a card or as a row.
    for (const c of input.cases.slice(0, 50)) expect(occurrences(page, `id="case-${c.id}"`)).toBe(1)
    const megabytes = Buffer.byteLength(page) / 1e6
    expect(megabytes).toBeLessThan(8)
    expect(millis).toBeLessThan(5_000)
    console.log(`3,000 cases: ${megabytes.toFixed(2)} MB in ${millis.toFixed(0)} ms`)
    expect(occurrences(renderHtmlReport(input, { detailedCards: 10 }), '<article class="card"')).toBe(10)
  })

  it("requests nothing from outside the file: links only to QBO and POM, opened by the admin, and a policy that forbids the rest", () => {
    const page = renderHtmlReport(realisticInput())
    expect(page).not.toMatch(/src="/)
    expect(page).not.toMatch(/url\(/)
    const outside = [...page.matchAll(/<a [^>]*href="(?!#)([^"]*)"[^>]*>/g)]
    expect(outside.length).toBeGreaterThan(0)
    for (const [tag, href] of outside) {
      expect(href?.startsWith("https://app.sandbox.qbo.intuit.com/app/") || href?.startsWith("https://pom.example.com/customers/")).toBe(true)
      expect(tag).toContain('target="_blank" rel="noopener noreferrer"')
    }
    const hash = createHash("sha256").update(reportScript).digest("base64")
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; script-src &#39;sha256-${hash}&#39;;`)
  })
})

describe("what the page says, in the words the other files use", () => {
  it("labels a threshold with the decimals it has: 0.999 is not shown as 1.00, on the chart or in a blocker", () => {
    const page = renderHtmlReport({ ...realisticInput(), scores: countScores([0.2, 0.995, 0.9995], 0.9, 0.999) })
    const chart = page.slice(page.indexOf('<svg class="chart histogram"'), page.indexOf("</svg>", page.indexOf('<svg class="chart histogram"')))
    expect(chart).toContain("review threshold 0.999")
    expect(chart).toContain("match threshold 0.90")
    expect(chart).not.toContain("threshold 1.00")
    expect(describeBlocker(new LowConfidence({ confidence: 0.99899, threshold: 0.999 }))).toBe("match confidence 0.9989 is below 0.999")
    expect(describeBlocker(new LowConfidence({ confidence: 0.93, threshold: 0.95 }))).toBe("match confidence 0.93 is below 0.95")
  })

  it("wraps a long weight label onto more lines instead of cutting it off", () => {
    const label = "street fuzzy Jaro-Winkler at least 0.92 after expanding abbreviations +3.1"
    const input = realisticInput()
    const c = findCase(input.cases, (x) => x.scenario === "scenario-2")
    const strongest = c.evidence[0]
    if (strongest === undefined) throw new Error("the case has evidence")
    const long = { ...strongest, contributions: [...strongest.contributions, { field: "street", level: "fuzzy Jaro-Winkler at least 0.92 after expanding abbreviations", weight: 3.1 }] }
    const markup = card(renderHtmlReport({ ...input, cases: input.cases.map((x) => (x.id === c.id ? { ...x, evidence: [long, ...x.evidence.slice(1)] } : x)) }), c)
    const start = markup.indexOf(`<g class="bar pos"><title>${label}</title>`)
    expect(start).toBeGreaterThan(0)
    const bar = markup.slice(start, markup.indexOf("</text>", start))
    const lines = [...bar.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1] ?? "")
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.every((l) => l.length <= 36)).toBe(true)
    expect(lines.join(" ")).toBe(label)
    expect(markup).not.toContain("\u2026</text>")
  })

  it("says the card's score and the chart's in the same words, and never shows a score as 100.0%", () => {
    const b = new SnapshotBuilder().pomCustomer("p1", { history: 1 }).qboCustomer("10", { invoices: 1 })
    b.matches.push({ left: { system: "pom", id: "p1" }, right: { system: "qbo", id: "10" }, weight: 60, probability: 1, contributions: [{ field: "phone", level: "exact", weight: 60 }] })
    const snapshot = b.build()
    const cases = buildCases(snapshot, b.matches, { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null })
    const only = cases[0]
    if (only === undefined) throw new Error("one case")
    const page = renderHtmlReport({ ...emptyInput(), summary: summaryFor(snapshot, cases, 1), cases, index: indexSnapshot(snapshot) })
    const markup = card(page, only)
    expect(markup).toContain(`Match <strong>over 99.9%</strong> likely (${confidenceText(only)}, as in review.csv)`)
    expect(markup).toContain("= over 99.9% likely the same customer")
    expect(page).not.toContain("100.0%")
    const several = findCase(realisticInput().cases, (c) => c.evidence.length > 1)
    expect(card(renderHtmlReport(realisticInput()), several)).toMatch(/Weakest match <strong>[\d.]+%<\/strong> likely \([\d.]+ bits, p [^)]+, as in review.csv\)/)
  })

  it("says what was applied since the previous run instead of claiming nothing has changed", () => {
    const input = realisticInput()
    expect(renderHtmlReport(input)).toContain("Since the previous run, 2 cases were fixed by this tool")
    expect(renderHtmlReport(input)).not.toContain("None of these fixes has been made yet.")
    const first = renderHtmlReport({ ...input, diff: firstRunDiff(input.cases) })
    expect(first).toContain("None of these fixes has been made yet.")
    expect(first).not.toContain("fixed by this tool (see")
  })

  it("gives runs of the same day their own date label with the time, so no two points share one", () => {
    const history = [
      { runId: "R-1", startedAt: "2025-05-31T09:00:00.000Z", openCases: 12 },
      { runId: "R-2", startedAt: "2025-06-01T09:00:00.000Z", openCases: 10 },
      { runId: "R-3", startedAt: "2025-06-01T15:30:00.000Z", openCases: 4 }
    ]
    const page = renderHtmlReport({ ...realisticInput(), history })
    const labels = [...page.matchAll(/<text class="date"[^>]*>(.*?)<\/text>/g)].map((m) => (m[1] ?? "").replace(/<[^>]+>/g, " ").trim())
    expect(labels).toEqual(["2025-05-31", "2025-06-01 09:00", "2025-06-01 15:30"])
  })

  it("shows each case's scenario as review.csv names it, and its invoices by their QBO numbers", () => {
    const input = realisticInput()
    const page = renderHtmlReport(input)
    for (const c of input.cases) expect(card(page, c)).toContain(`<code class="scenario-code" title="The scenario as review.csv names it">${c.scenario}</code>`)
    const paid = findCase(input.cases, (c) => c.blockers.some((b) => b._tag === "invoice-has-payment"))
    const blocker = paid.blockers.find((b) => b._tag === "invoice-has-payment")
    if (blocker?._tag !== "invoice-has-payment") throw new Error("a paid invoice")
    expect(card(page, paid)).toContain(`invoice ${invoiceNumber(blocker.docNumber, blocker.invoiceId)} has a linked Payment`)
    expect(invoiceNumber("1043", "88")).toBe("#1043")
    expect(invoiceNumber(" ", "88")).toBe("id 88")
  })

  it("offers approve only where apply can carry a case out, and the choice fields only with the case's own records", () => {
    const input = realisticInput()
    const page = renderHtmlReport(input)
    const broken = findCase(input.cases, (c) => c.blockers.some((b) => b._tag === "broken-link-no-match"))
    expect(card(page, broken)).toMatch(/value="approve" disabled>/)
    expect(card(page, broken)).toContain("This case cannot be approved: POM hx1 points at QBO 404")
    const unsure = findCase(input.cases, (c) => c.blockers.some((b) => b._tag === "low-confidence"))
    const markup = card(page, unsure)
    expect(markup).toContain('data-needs-keep="true" data-needs-correct="true"')
    const keep = markup.match(/<select name="keep">(.*?)<\/select>/)?.[1] ?? ""
    expect([...keep.matchAll(/value="([^"]*)"/g)].map((v) => v[1])).toEqual(["", ...unsure.pomIds])
    expect([...markup.matchAll(/name="exclude" value="([^"]+)"/g)].map((m) => m[1])).toEqual([...unsure.pomIds.map((id) => `pom:${id}`), ...unsure.qboIds.map((id) => `qbo:${id}`)])
    const sure = findCase(input.cases, (c) => c.scenario === "pom-merge")
    expect(card(page, sure)).not.toContain("<select")
    expect(card(page, sure)).toMatch(/value="approve">/)
  })
})
