import type { RecordIndex } from "../../pipeline/cases/RecordIndex.ts"
import { requiredChoices } from "../../pipeline/cases/planChosenVariant.ts"
import { blockerKind, describeBlocker } from "../../pipeline/domain/Blocker.ts"
import type { Case } from "../../pipeline/domain/Case.ts"
import { pomLabel, qboLabel } from "../recordLabel.ts"
import { type Html, html } from "./Html.ts"

const option = (value: string, text: string): Html => html`<option value="${value}">${text}</option>`

/**
 * The controls an admin signs a case off with: approve, reject, and for a case that asks for a choice, the same
 * choice fields apply reads from the review file, offering only the case's own records. Hidden until the page's
 * script shows it, since without the script nothing could be exported from it.
 */
export const decisionPanel = (index: RecordIndex, c: Case): Html => {
  const radio = `decision-${c.id}`
  const cannot = c.blockers.filter((b) => blockerKind(b) === "cannot-apply")
  const choosing = c.blockers.some((b) => blockerKind(b) === "choice")
  const byHand = c.blockers.some((b) => blockerKind(b) === "by-hand")
  const needs = requiredChoices(c)
  const choices =
    !choosing || cannot.length > 0
      ? ""
      : html`<div class="choices">
${c.pomIds.length === 0 ? "" : html`<label>POM account to keep${needs.keep ? " (required)" : ""} <select name="keep">${option("", "\u2014 choose \u2014")}${c.pomIds.map((id) => option(id, pomLabel(index, id)))}</select></label>`}
${c.qboIds.length === 0 ? "" : html`<label>Correct QBO customer${needs.correct ? " (required)" : ""} <select name="correct">${option("", "\u2014 choose \u2014")}${c.qboIds.map((id) => option(id, qboLabel(index, id)))}</select></label>`}
<fieldset class="exclude"><legend>Not this customer: leave out of the fix</legend>${[
          ...c.pomIds.map((id) => html`<label><input type="checkbox" name="exclude" value="pom:${id}"> POM ${pomLabel(index, id)}</label>`),
          ...c.qboIds.map((id) => html`<label><input type="checkbox" name="exclude" value="qbo:${id}"> QBO ${qboLabel(index, id)}</label>`)
        ]}</fieldset>
</div>`
  const explanation =
    cannot.length > 0
      ? html`<p class="decide-cannot">This case cannot be approved: ${cannot.map(describeBlocker).join("; ")}. Fix it at the source, then run again; you may reject it if these are not the same customer.</p>`
      : byHand
        ? html`<p class="decide-hint">Once approved, apply sends what it may and lists the work to do by hand in QBO in <code>qbo-worklist.csv</code>.</p>`
        : ""
  return html`<fieldset class="decide" hidden data-needs-keep="${String(choosing && needs.keep)}" data-needs-correct="${String(choosing && needs.correct)}" data-cannot-apply="${String(cannot.length > 0)}">
<legend>Your decision</legend>
<div class="decision-choices"><label><input type="radio" name="${radio}" value="" checked> Undecided</label><label><input type="radio" name="${radio}" value="approve"${cannot.length > 0 ? html` disabled` : ""}> Approve</label><label><input type="radio" name="${radio}" value="reject"> Reject</label></div>
${explanation}${choices}<p class="decide-why" aria-live="polite"></p>
<label class="note">Note <input type="text" name="note" maxlength="500"></label>
</fieldset>`
}
