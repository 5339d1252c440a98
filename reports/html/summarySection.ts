import type { RunSummary } from "../../pipeline/RunSummary.ts"
import { count } from "./format.ts"
import { type Html, html } from "./Html.ts"
import { scenarioGuide, scenarioOrder } from "./scenarioGuide.ts"

const tile = (n: number, text: string, tone: "plain" | "alert" | "good" = "plain"): Html =>
  html`<div class="tile tone-${tone}"><span class="big">${count(n)}</span><span class="tile-text">${text}</span></div>`

const row = (label: string, n: number, note: Html | string = ""): Html =>
  html`<tr><th scope="row">${label}</th><td class="num">${count(n)}</td><td class="note">${note}</td></tr>`

/** What the run read and found, in numbers, with every kind of fix explained in plain words. */
export const summarySection = (summary: RunSummary): Html => {
  const { records, cases, matching } = summary
  const review = cases.byScenario.review
  return html`<section id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
<div class="tiles">
${tile(cases.total, cases.total === 1 ? "customer to fix" : "customers to fix")}
${tile(review, review === 1 ? "needs a decision" : "need a decision", review > 0 ? "alert" : "plain")}
${tile(cases.total - review, "ready for approval", "good")}
${tile(summary.rejected, summary.rejected === 1 ? "input row rejected" : "input rows rejected", summary.rejected > 0 ? "alert" : "plain")}
</div>
<div class="columns">
<table class="facts">
<caption>Records read</caption>
<tbody>
${row("POM customers", records.pomCustomers)}
${row("POM appointments", records.appointments)}
${row("POM services", records.services)}
${row("QBO customers", records.qboCustomers)}
${row("QBO invoices", records.invoices)}
${row("Rejected rows", summary.rejected, summary.rejected > 0 ? html`listed in <code>rejected.csv</code> with the reason; fix them at the source` : "")}
</tbody>
</table>
<table class="facts">
<caption>Matching</caption>
<tbody>
${row("Records compared", matching.records)}
${row("Pairs compared", matching.candidatePairs, "pairs similar enough to be worth scoring")}
${row("Pairs matched", matching.matchedPairs, "scored as the same customer")}
</tbody>
</table>
</div>
<table class="scenarios">
<caption>Cases by kind of fix</caption>
<thead><tr><th scope="col">Kind of fix</th><th scope="col" class="num">Cases</th><th scope="col">What it means</th></tr></thead>
<tbody>
${scenarioOrder.map(
  (s) =>
    html`<tr><th scope="row"><span class="badge scenario-${s}">${scenarioGuide[s].title}</span></th><td class="num">${count(cases.byScenario[s])}</td><td>${scenarioGuide[s].explanation}</td></tr>`
)}
</tbody>
</table>
</section>`
}
