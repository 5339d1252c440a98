import type { RecordIndex } from "../../pipeline/cases/RecordIndex.ts"
import { describeBlocker } from "../../pipeline/domain/Blocker.ts"
import type { Case } from "../../pipeline/domain/Case.ts"
import { describeActions } from "../describeActions.ts"
import { caseAnchor, caseTitle } from "./caseCard.ts"
import { confidenceText } from "../confidenceText.ts"
import { caseFacets } from "./caseFacets.ts"
import { type Html, html } from "./Html.ts"
import { scenarioGuide } from "./scenarioGuide.ts"

/** The first thing to know about a case: what stops it, else the first step. */
const gist = (index: RecordIndex, c: Case): string => {
  const blocker = c.blockers[0]
  if (blocker !== undefined) return `${describeBlocker(blocker)}${c.blockers.length > 1 ? ` (+${c.blockers.length - 1} more)` : ""}`
  const lines = describeActions(index, { ...c, notes: [] }).split("\n").filter((l) => l !== "")
  return `${lines[0] ?? "No steps"}${lines.length > 1 ? ` (+${lines.length - 1} more steps)` : ""}`
}

/**
 * One line per case, for the cases beyond those shown as cards: enough to find each in review.csv. `firstOrder`
 * is the first row's position in review.csv.
 */
export const compactCaseTable = (index: RecordIndex, cases: ReadonlyArray<Case>, firstOrder: number): Html =>
  html`<div class="table-scroll"><table class="compact">
<caption>The remaining cases, one line each, in the same order as review.csv. Decide these in review.csv: only the cases above can be decided on this page.</caption>
<thead><tr><th scope="col">Case</th><th scope="col">Customer</th><th scope="col">Kind of fix</th><th scope="col">Weakest match</th><th scope="col">Records</th><th scope="col">First thing to know</th></tr></thead>
<tbody>
${cases.map(
  (c, i) =>
    html`<tr id="${caseAnchor(c)}" data-scenario="${c.scenario}"${caseFacets(index, c, caseTitle(index, c), firstOrder + i)}><td class="case-id">${c.id}</td><td>${caseTitle(index, c)}</td><td><span class="badge scenario-${c.scenario}">${scenarioGuide[c.scenario].title}</span> <code class="scenario-code">${c.scenario}</code></td><td class="num">${confidenceText(c)}</td><td class="records-cell">POM ${c.pomIds.join(", ") || "\u2014"}<br>QBO ${c.qboIds.join(", ") || "\u2014"}</td><td>${gist(index, c)}</td></tr>\n`
)}</tbody>
</table></div>`
