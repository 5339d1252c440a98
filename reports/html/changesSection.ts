import type { RunDiff } from "../../pipeline/RunDiff.ts"
import { count } from "./format.ts"
import { type Html, html } from "./Html.ts"

/** Ids beyond this are left to the CSV: a long list of hashes helps nobody on a page. */
const MAX_IDS = 200

const idList = (ids: ReadonlyArray<string>): Html =>
  html`<span class="ids">${ids.slice(0, MAX_IDS).join(", ")}${ids.length > MAX_IDS ? ` \u2026 and ${count(ids.length - MAX_IDS)} more` : ""}</span>`

const line = (n: number, what: string, meaning: string, ids: ReadonlyArray<string>): Html =>
  html`<tr><th scope="row">${what}</th><td class="num">${count(n)}</td><td>${meaning}${
    ids.length === 0 ? "" : html`<details><summary>Case ids</summary>${idList(ids)}</details>`
  }</td></tr>`

/** What changed since the previous run: is the clean-up making progress, and what came back. */
export const changesSection = (diff: RunDiff): Html => {
  if (diff.previousRunId === null) {
    return html`<section id="changes" aria-labelledby="changes-title">
<h2 id="changes-title">Since the last run</h2>
<p>This is the first recorded run, so there is nothing to compare with: every case is new.</p>
</section>`
  }
  const applied = diff.resolved.filter((r) => r.how === "applied").map((r) => r.caseId)
  const gone = diff.resolved.filter((r) => r.how === "gone").map((r) => r.caseId)
  return html`<section id="changes" aria-labelledby="changes-title">
<h2 id="changes-title">Since the last run</h2>
<p>Compared with run <code>${diff.previousRunId}</code>.</p>
<table class="changes">
<thead><tr><th scope="col">What</th><th scope="col" class="num">Cases</th><th scope="col">What it means</th></tr></thead>
<tbody>
${line(diff.newCases.length, "New", "Found for the first time in this run.", diff.newCases)}
${line(diff.stillOpen.length, "Still open", "Found in the previous run too and not fixed yet.", diff.stillOpen)}
${line(applied.length, "Resolved by this tool", "Approved in review.csv and applied since the previous run.", applied)}
${line(gone.length, "Resolved by hand", "No longer found: someone fixed the records directly in POM or QuickBooks.", gone)}
${line(diff.suppressed.length, "Held back", "Found again, but someone said these are not the same customer and nothing has changed since, so they are not shown.", diff.suppressed)}
${line(diff.previouslyRejected.length, "Proposed again", "Someone said these are not the same customer, but a record has changed since (a new phone, a new address), so please look again.", diff.previouslyRejected)}
</tbody>
</table>
</section>`
}
