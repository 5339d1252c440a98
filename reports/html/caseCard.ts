import type { RecordIndex } from "../../pipeline/cases/RecordIndex.ts"
import { blockerKind, describeBlocker } from "../../pipeline/domain/Blocker.ts"
import { BLOCKER_KIND_LABEL } from "../blockerKindLabel.ts"
import type { Case } from "../../pipeline/domain/Case.ts"
import { describeActions } from "../describeActions.ts"
import { describePair } from "../describeEvidence.ts"
import { qboInvoiceLink, type RecordLinks } from "../RecordLinks.ts"
import { invoiceNumber } from "../../pipeline/domain/invoiceNumber.ts"
import { caseFacets } from "./caseFacets.ts"
import { compareRecords } from "./compareRecords.ts"
import { confidenceText } from "../confidenceText.ts"
import { decisionPanel } from "./decisionPanel.ts"
import { percent, plural } from "./format.ts"
import { type Html, html } from "./Html.ts"
import { recordTable } from "./recordTable.ts"
import { scenarioGuide } from "./scenarioGuide.ts"
import { weightChart } from "./weightChart.ts"

/** Where a case stands against the previous run, when there was one. */
export type CaseStatus = "new" | "still-open" | "previously-rejected" | "suppressed"

const statusBadge: Readonly<Record<CaseStatus, { readonly text: string; readonly title: string }>> = {
  new: { text: "New", title: "Not found in the previous run" },
  "still-open": { text: "Still open", title: "Found in the previous run too, and not fixed yet" },
  "previously-rejected": {
    text: "Proposed again",
    title: "Someone said these are not the same customer, but one of the records has changed since"
  },
  suppressed: { text: "Held back", title: "Rejected before and unchanged: not proposed again" }
}

export const caseAnchor = (c: Case): string => `case-${c.id}`

/** The plan as sentences without their numbers: the page numbers them with a real list. */
const stepSentences = (index: RecordIndex, c: Case): ReadonlyArray<string> =>
  describeActions(index, { ...c, notes: [] })
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.replace(/^\d+\.\s*/, ""))

/** A name an admin recognises the case by: the kept account's, else the first record's. */
export const caseTitle = (index: RecordIndex, c: Case): string => {
  const pomId = c.keepPomId ?? c.pomIds[0]
  const pom = pomId === undefined ? undefined : index.pom.get(pomId)
  const pomName = pom === undefined ? "" : [pom.firstName, pom.lastName].filter((s) => s !== "").join(" ") || pom.companyName
  if (pomName !== "") return pomName
  const qboId = c.correctQboId ?? c.qboIds[0]
  const qbo = qboId === undefined ? undefined : index.qbo.get(qboId)
  return qbo?.displayName || "Unnamed customer"
}

/** Every invoice the case moves or is blocked by, once each, in the order the plan names them. */
const invoicesOf = (c: Case): ReadonlyArray<{ readonly id: string; readonly number: string }> => {
  const found = new Map<string, string>()
  for (const s of c.plan.steps) if (s._tag === "move-invoice") found.set(s.invoiceId, invoiceNumber(s.docNumber, s.invoiceId))
  for (const b of c.blockers) {
    if (b._tag === "invoice-has-payment" || b._tag === "invoice-in-closed-period") found.set(b.invoiceId, invoiceNumber(b.docNumber, b.invoiceId))
  }
  return [...found].map(([id, number]) => ({ id, number }))
}

/** A link that opens a record in QBO's or POM's own web app, in a new tab so the report stays open. */
export const outLink = (href: string, text: string): Html => html`<a class="out" href="${href}" target="_blank" rel="noopener noreferrer">${text}</a>`

const stepsSection = (index: RecordIndex, c: Case, links: RecordLinks): Html => {
  const steps = stepSentences(index, c)
  const heading = c.scenario === "review" ? "Proposed steps, once a person has decided" : "What will be done, in this order"
  const invoices = invoicesOf(c)
  return html`<section class="steps"><h4>${heading}</h4>${
    steps.length === 0
      ? html`<p class="empty">No steps are planned: a person has to decide what to do.</p>`
      : html`<ol>${steps.map((s) => html`<li>${s}</li>`)}</ol>`
  }${
    invoices.length === 0
      ? ""
      : html`<p class="invoice-links">Open in QBO: ${invoices.map((inv, i) => html`${i > 0 ? ", " : ""}${outLink(qboInvoiceLink(links, inv.id), `invoice ${inv.number}`)}`)}</p>`
  }</section>`
}

const evidenceSection = (c: Case): Html => {
  const [strongest, ...others] = c.evidence
  if (strongest === undefined) {
    return html`<section class="evidence"><h4>Why these records belong together</h4><p>This case rests on the records' QBO links, not on a match score.</p></section>`
  }
  return html`<section class="evidence"><h4>Why these records match</h4><p class="chart-intro">Strongest pair (${plural(c.evidence.length, "matching pair")} in this case). Green bars count for a match, red bars against it.</p>
${weightChart(strongest)}${
    others.length === 0
      ? ""
      : html`<details><summary>Other matching pairs</summary><ul class="pairs">${others.slice(0, 10).map((p) => html`<li>${describePair(p)}</li>`)}</ul>${
          others.length > 10 ? html`<p>\u2026 and ${others.length - 10} more.</p>` : ""
        }</details>`
  }</section>`
}

/**
 * The case's confidence beside its name, said as what it is: the least sure match holding the case together,
 * which the chart's strongest pair may exceed.
 */
const confidenceBadge = (c: Case): Html =>
  c.evidence.length === 0
    ? html`<span class="confidence">Rests on QBO links, not on a match score</span>`
    : html`<span class="confidence" title="The least sure of the ${plural(c.evidence.length, "matching pair")} holding this case together">${c.evidence.length === 1 ? "Match" : "Weakest match"} <strong>${percent(c.confidence)}</strong> likely (${confidenceText(c)}, as in review.csv)</span>`

/** One case, fully explained: who, why, what will happen, and what stops it; and the admin's decision on it. */
export const caseCard = (index: RecordIndex, c: Case, status: CaseStatus | null, links: RecordLinks, order: number): Html => {
  const guide = scenarioGuide[c.scenario]
  const title = caseTitle(index, c)
  const badge = status === null ? null : statusBadge[status]
  return html`<article class="card" id="${caseAnchor(c)}" data-scenario="${c.scenario}"${caseFacets(index, c, title, order)} aria-labelledby="${caseAnchor(c)}-title">
<header class="card-head">
<h3 id="${caseAnchor(c)}-title"><span class="card-name">${title}</span> <a class="case-id" href="#${caseAnchor(c)}">${c.id}</a></h3>
<p class="badges"><span class="badge scenario-${c.scenario}" title="${guide.explanation}">${guide.title}</span> <code class="scenario-code" title="The scenario as review.csv names it">${c.scenario}</code>${
    badge === null ? "" : html` <span class="badge status-${status ?? ""}" title="${badge.title}">${badge.text}</span>`
  } ${confidenceBadge(c)}</p>
</header>
${
  c.blockers.length === 0
    ? ""
    : html`<div class="blockers"><h4>Why a person must decide</h4><ul>${c.blockers.map((b) => html`<li><strong>${BLOCKER_KIND_LABEL[blockerKind(b)]}:</strong> ${describeBlocker(b)}.</li>`)}</ul></div>`
}
${recordTable(compareRecords(index, c), `The records of ${title} side by side`, links)}
<div class="card-body">
${stepsSection(index, c, links)}
${evidenceSection(c)}
</div>
${c.notes.length === 0 ? "" : html`<div class="notes"><h4>Notes</h4><ul>${c.notes.map((n) => html`<li>${n}.</li>`)}</ul></div>`}
${decisionPanel(index, c)}
</article>`
}
