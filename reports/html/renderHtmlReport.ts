import { createHash } from "node:crypto"
import type { RecordIndex } from "../../pipeline/cases/RecordIndex.ts"
import { BLOCKER_KIND_LABEL } from "../blockerKindLabel.ts"
import type { RecordLinks } from "../RecordLinks.ts"
import type { Case } from "../../pipeline/domain/Case.ts"
import type { RunDiff, RunHistoryPoint } from "../../pipeline/RunDiff.ts"
import type { RunSummary } from "../../pipeline/RunSummary.ts"
import { caseCard, type CaseStatus } from "./caseCard.ts"
import { inReviewOrder } from "./caseOrder.ts"
import { changesSection } from "./changesSection.ts"
import { compactCaseTable } from "./compactCaseTable.ts"
import { count, plural, when } from "./format.ts"
import { type Html, html, trusted } from "./Html.ts"
import { reportCss } from "./reportCss.ts"
import { reportScript } from "./reportScript.ts"
import { scenarioGuide, scenarioOrder } from "./scenarioGuide.ts"
import type { ScoreCounts } from "./scoreCounts.ts"
import { scoreHistogram } from "./scoreHistogram.ts"
import { summarySection } from "./summarySection.ts"
import { trendChart } from "./trendChart.ts"

export interface HtmlReportInput {
  readonly summary: RunSummary
  readonly cases: ReadonlyArray<Case>
  readonly index: RecordIndex
  readonly diff: RunDiff | null
  readonly history: ReadonlyArray<RunHistoryPoint>
  /** The scored pairs as the histogram counts them (`countScores`). */
  readonly scores: ScoreCounts
  readonly generatedAt: string
  readonly links: RecordLinks
}

export interface HtmlReportOptions {
  /** How many cases get a full card; the rest are one table row each. */
  readonly detailedCards?: number
}

/**
 * A full card is several kilobytes; beyond a few hundred the page gets slow to open and nobody reads that far in
 * one sitting. The rest stay findable in the compact table and in review.csv.
 */
export const DETAILED_CARDS = 500

// Only the page's own script may run, named by its hash, and nothing may be fetched: the page is read offline,
// and a customer name that slipped through escaping still could not execute or phone home. Links to QBO and POM
// are navigations the admin makes, which the policy does not govern.
const SCRIPT_HASH = createHash("sha256").update(reportScript).digest("base64")
const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`

const statusesOf = (diff: RunDiff | null): ReadonlyMap<string, CaseStatus> => {
  const map = new Map<string, CaseStatus>()
  // On a first run every case is new: a badge on each would say nothing.
  if (diff === null || diff.previousRunId === null) return map
  // Later assignments win: "proposed again" matters more to a reviewer than "new".
  for (const id of diff.stillOpen) map.set(id, "still-open")
  for (const id of diff.suppressed) map.set(id, "suppressed")
  for (const id of diff.newCases) map.set(id, "new")
  for (const id of diff.previouslyRejected) map.set(id, "previously-rejected")
  return map
}

/**
 * What has happened to the books so far: on a first run nothing, but after an apply the cases it carried out are
 * changed, and saying "nothing has been changed" then would be false.
 */
const whatChanged = (diff: RunDiff | null): string => {
  const applied = diff === null ? 0 : diff.resolved.filter((r) => r.how === "applied").length
  if (applied === 0) return "None of these fixes has been made yet."
  return `Since the previous run, ${plural(applied, "case was", "cases were")} fixed by this tool (see \u201cSince the last run\u201d); the cases below have not been changed yet.`
}

const filterBar = (cases: ReadonlyArray<Case>): Html => {
  const counts = new Map<string, number>()
  for (const c of cases) counts.set(c.scenario, (counts.get(c.scenario) ?? 0) + 1)
  const present = ["review" as const, ...scenarioOrder.filter((s) => s !== "review")].filter((s) => (counts.get(s) ?? 0) > 0)
  return html`<nav class="filter" aria-label="Show cases by kind of fix"><span class="filter-title" id="filter-title">Show:</span>
<input type="radio" name="show" id="show-all" checked><label for="show-all">All (${count(cases.length)})</label>
${present.map((s) => html`<input type="radio" name="show" id="show-${s}"><label for="show-${s}">${scenarioGuide[s].title} <code class="scenario-code">${s}</code> (${count(counts.get(s) ?? 0)})</label>\n`)}</nav>`
}

/**
 * Search, the blocker filter, sorting and the export: hidden until the page's script shows them, since without it
 * they could do nothing. The kind-of-fix filter above works without the script.
 */
const toolBar = (detailed: number): Html =>
  html`<div id="tools" class="tools" hidden>
<div class="tool-row">
<label class="search">Search <input type="search" id="search" placeholder="name, id, address, e-mail, phone, invoice" autocomplete="off"></label>
<label>Blockers <select id="blocker-filter"><option value="">any</option><option value="none">none</option>${(["choice", "by-hand", "cannot-apply"] as const).map(
    (k) => html`<option value="${k}">${BLOCKER_KIND_LABEL[k]}</option>`
  )}</select></label>
<label>Sort <select id="sort"><option value="review">as in review.csv</option><option value="weakest">weakest match first</option><option value="strongest">strongest match first</option><option value="name">name A\u2013Z</option><option value="case">case id</option></select></label>
<span id="shown-count" class="shown-count" aria-live="polite"></span>
</div>
${
  detailed === 0
    ? ""
    : html`<div class="tool-row export-row"><span id="decision-tally" class="tally" aria-live="polite"></span><button type="button" id="export-decisions" disabled>Export decisions</button><span id="export-note" class="export-note" aria-live="polite"></span></div>
<p class="export-help">Approve or reject cases below, then press <em>Export decisions</em>: the file it saves is your sign-off. Run <code>reconcile apply --review</code> with it (first with <code>--dry-run</code>). Decisions are not kept by this page: export before closing it.</p>`
}
</div>`

const casesSection = (input: HtmlReportInput, limit: number): Html => {
  const ordered = inReviewOrder(input.cases)
  if (ordered.length === 0) {
    return html`<section id="cases" aria-labelledby="cases-title"><h2 id="cases-title">Cases</h2>
<p class="empty">No cases: this run found no duplicate customers and no wrong QBO links. Nothing needs review.</p></section>`
  }
  const statuses = statusesOf(input.diff)
  const detailed = ordered.slice(0, limit)
  const rest = ordered.slice(limit)
  return html`<section id="cases" aria-labelledby="cases-title">
<h2 id="cases-title">Cases (${count(ordered.length)})</h2>
<p>Each case is one real customer whose records need fixing. Cases that need a decision come first; the order is the same as in <code>review.csv</code>. In the tables, a <span class="differs-key">tinted cell</span> differs from the other records.</p>
${filterBar(ordered)}
${toolBar(detailed.length)}
<div id="case-list">
${detailed.map((c, i) => caseCard(input.index, c, statuses.get(c.id) ?? null, input.links, i))}
</div>
${
  rest.length === 0
    ? ""
    : html`<section id="more-cases" aria-labelledby="more-title"><h3 id="more-title">${count(rest.length)} more cases, one line each</h3>
<p>To keep this page quick to open, only the first ${count(limit)} cases are shown in full. The other ${count(rest.length)} are listed below; every case is in <code>review.csv</code>.</p>
${compactCaseTable(input.index, rest, limit)}</section>`
  }
</section>`
}

/** The run as one self-contained page for the office: inline styles and charts, no scripts, no requests. */
export const renderHtmlReport = (input: HtmlReportInput, options: HtmlReportOptions = {}): string => {
  const { summary } = input
  const limit = Math.max(0, options.detailedCards ?? DETAILED_CARDS)
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Customer clean-up report \u00b7 ${summary.runId}</title>
<style>${trusted(reportCss)}</style>
</head>
<body data-run-id="${summary.runId}">
<header class="page-head"><div class="page-head-inner">
<h1>Customer clean-up report</h1>
<p class="lede">Duplicate customers and wrong QuickBooks links between Pool Office Manager (POM) and QuickBooks Online (QBO), with the fixes planned for each. ${whatChanged(input.diff)}</p>
<dl class="run-facts">
<dt>Run</dt><dd><code>${summary.runId}</code></dd>
<dt>Ran</dt><dd>${when(summary.startedAt)} to ${when(summary.finishedAt)}</dd>
<dt>POM data</dt><dd>${summary.inputs.pom}</dd>
<dt>QBO data</dt><dd>${summary.inputs.qbo}</dd>
<dt>Report made</dt><dd>${when(input.generatedAt)}</dd>
</dl>
<nav class="jump" aria-label="Sections"><a href="#summary">Summary</a>${input.diff === null ? "" : html`<a href="#changes">Since the last run</a>`}<a href="#scores">Match scores</a><a href="#trend">Trend</a><a href="#cases">Cases (${count(input.cases.length)})</a></nav>
</div></header>
<main>
<div class="howto"><p><strong>How to use this report.</strong> Read each case below. Decide each one on this page and press <em>Export decisions</em> (under <a href="#cases">Cases</a>), or open <code>review.csv</code> (saved next to this page) and write <em>approve</em> or <em>reject</em> in the <em>decision</em> column of each case. Only approved cases are carried out, when <code>reconcile apply</code> is run; nothing of this report's cases changes in POM or QuickBooks before that.</p></div>
${summarySection(summary)}
${input.diff === null ? "" : changesSection(input.diff)}
<section id="scores" aria-labelledby="scores-title"><h2 id="scores-title">Match scores</h2>
<p>Every pair of records that looked alike was scored from 0 (surely different customers) to 1 (surely the same). The thresholds decide what happens to a pair.</p>
${scoreHistogram(input.scores)}
</section>
<section id="trend" aria-labelledby="trend-title"><h2 id="trend-title">Open cases over time</h2>
${trendChart(input.history)}
</section>
${casesSection(input, limit)}
</main>
<footer><p>Run <code>${summary.runId}</code>, snapshot <code>${summary.snapshotId}</code>. This page is a single file: it needs no internet connection and can be saved, emailed or printed.</p></footer>
<script>${trusted(reportScript)}</script>
</body>
</html>
`
  return page.markup
}
