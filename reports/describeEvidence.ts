import type { Case } from "../pipeline/domain/Case.ts"
import type { MatchEvidence, RecordRef } from "../pipeline/domain/MatchEvidence.ts"

const signed = (w: number) => `${w >= 0 ? "+" : "\u2212"}${Math.abs(w).toFixed(1)}`
const ref = (r: RecordRef) => `${r.system.toUpperCase()} ${r.id}`

/** "phone exact +9.1, surname JW 0.96 +6.2, zip differs −3.0": the fields that moved the score most. */
export const describePair = (p: MatchEvidence, top = 4): string => {
  // The prior is the same for every pair of a run: the fields are what tell this pair apart. A field that weighs
  // nothing moved nothing; report.html still shows it with its reason.
  const strongest = p.contributions.filter((c) => c.field !== "prior" && c.weight !== 0).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, top)
  const fields = strongest.map((c) => `${c.field} ${c.level} ${signed(c.weight)}`).join(", ")
  return `${ref(p.left)} ~ ${ref(p.right)} (p=${p.probability.toFixed(3)}${fields === "" ? "" : `: ${fields}`})`
}

/** Why the case's records are believed to be one customer, strongest pairs first. */
export const describeEvidence = (c: Case, pairs = 4): string =>
  c.evidence.slice(0, pairs).map((p) => describePair(p)).join("\n")
