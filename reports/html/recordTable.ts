import { pomCustomerLink, qboCustomerLink, type RecordLinks } from "../RecordLinks.ts"
import { type ComparisonCell, type RecordColumn, type RecordComparison, type RecordRole } from "./compareRecords.ts"
import { type Html, html } from "./Html.ts"

const roleLabel: Readonly<Record<RecordRole, string>> = {
  keep: "Keep",
  merge: "Duplicate: merge into the kept account",
  correct: "Correct QBO customer",
  wrong: "Wrong QBO customer",
  missing: "Not in QBO",
  other: "Also involved"
}

const cell = (c: ComparisonCell): Html => {
  const classes = [c.differs ? "differs" : "", c.warn ? "warn" : "", c.lines.length === 0 ? "blank" : ""].filter((s) => s !== "")
  const body =
    c.lines.length === 0
      ? html`<span aria-label="none">\u2014</span>`
      : c.lines.map((line, i) => html`${i > 0 ? html`<br>` : ""}${line}`)
  return html`<td${classes.length > 0 ? html` class="${classes.join(" ")}"` : ""}>${c.differs ? html`<span class="sr-only">Differs: </span>` : ""}${body}</td>`
}

/** "QBO 2514" as a link to the record in its system's web app, when there is one to open. */
const recordId = (c: RecordColumn, links: RecordLinks): Html => {
  const text = `${c.system === "pom" ? "POM" : "QBO"} ${c.id}`
  const href = c.system === "pom" ? pomCustomerLink(links, c.id) : c.role === "missing" ? null : qboCustomerLink(links, c.id)
  return href === null
    ? html`<span class="rec-id">${text}</span>`
    : html`<a class="rec-id out" href="${href}" target="_blank" rel="noopener noreferrer" title="Open in ${c.system === "pom" ? "POM" : "QuickBooks"}">${text}</a>`
}

// An address is read as one word: "maria.gonzalez@gmail.com" broken after "maria.gon" reads as two addresses.
const unbroken: ReadonlySet<string> = new Set(["Emails"])

/**
 * The records of a case side by side, POM accounts then QBO customers, so an admin can see at a glance which
 * fields agree. Cells that disagree are tinted and marked for screen readers; colour is never the only signal.
 */
export const recordTable = (comparison: RecordComparison, caption: string, links: RecordLinks): Html => {
  const { columns, rows } = comparison
  const pomCount = columns.filter((c) => c.system === "pom").length
  const qboCount = columns.length - pomCount
  return html`<div class="table-scroll"><table class="records">
<caption>${caption}</caption>
<thead>
<tr class="sides"><td></td>${pomCount > 0 ? html`<th scope="colgroup" colspan="${pomCount}" class="side-pom">POM accounts</th>` : ""}${
    qboCount > 0 ? html`<th scope="colgroup" colspan="${qboCount}" class="side-qbo">QuickBooks customers</th>` : ""
  }</tr>
<tr><th scope="col" class="field">Field</th>${columns.map(
    (c) =>
      html`<th scope="col" class="rec ${c.system} role-${c.role}">${recordId(c, links)}<span class="role">${roleLabel[c.role]}</span></th>`
  )}</tr>
</thead>
<tbody>
${rows.map((r) => html`<tr${unbroken.has(r.label) ? html` class="unbroken"` : ""}><th scope="row">${r.label}</th>${r.cells.map(cell)}</tr>\n`)}</tbody>
</table></div>`
}
