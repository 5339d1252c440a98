import type { RecordIndex } from "../pipeline/cases/RecordIndex.ts"
import type { Case } from "../pipeline/domain/Case.ts"
import { invoiceNumber } from "../pipeline/domain/invoiceNumber.ts"
import type { PlanStep } from "../pipeline/domain/PlanStep.ts"
import { pomLabel, qboLabel } from "./recordLabel.ts"

const money = (n: number) => `$${n.toFixed(2)}`
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/**
 * The plan in words an admin understands, one numbered sentence per kind of action, in the order they will run.
 * Long runs of similar steps are summarised ("move 12 invoices ...") so the cell stays readable.
 */
export const describeActions = (index: RecordIndex, c: Case): string => {
  const sentences: Array<string> = []
  const steps = c.plan.steps
  const byKind = <T extends PlanStep["_tag"]>(tag: T) =>
    steps.filter((s): s is Extract<PlanStep, { _tag: T }> => s._tag === tag)

  const invoiceMoves = byKind("move-invoice")
  for (const from of [...new Set(invoiceMoves.map((s) => s.from))]) {
    const moves = invoiceMoves.filter((s) => s.from === from)
    const to = moves[0]?.to
    if (to === undefined) continue
    const docs = moves.map((m) => invoiceNumber(m.docNumber, m.invoiceId)).join(", ")
    const total = moves.reduce((sum, m) => sum + m.amount, 0)
    sentences.push(
      `In QBO, change the customer on ${plural(moves.length, "invoice")} (${docs}; ${money(total)}) from ${qboLabel(index, from)} to ${qboLabel(index, to)}`
    )
  }
  const pomMoves = [...byKind("move-appointment"), ...byKind("move-service")]
  for (const from of [...new Set(pomMoves.map((s) => s.from))]) {
    const appts = byKind("move-appointment").filter((s) => s.from === from).length
    const svcs = byKind("move-service").filter((s) => s.from === from).length
    const to = pomMoves.find((s) => s.from === from)?.to
    if (to === undefined) continue
    const what = [appts > 0 ? plural(appts, "appointment") : "", svcs > 0 ? plural(svcs, "service") : ""]
      .filter((s) => s !== "")
      .join(" and ")
    sentences.push(`In POM, move ${what} from ${pomLabel(index, from)} to ${pomLabel(index, to)}`)
  }
  for (const s of byKind("set-quickbooks-id")) {
    sentences.push(
      `In POM, set the QBO ID of ${pomLabel(index, s.pomCustomerId)} from ${s.from ?? "(none)"} to ${s.to ?? "(none)"}`
    )
  }
  for (const s of byKind("inactivate-pom-customer")) {
    sentences.push(`In POM, set ${pomLabel(index, s.pomCustomerId)} to Inactive`)
  }
  for (const s of byKind("inactivate-qbo-customer")) {
    sentences.push(`In QBO, make ${qboLabel(index, s.qboCustomerId)} inactive`)
  }
  const numbered = sentences.map((s, i) => `${i + 1}. ${s}.`)
  return [...numbered, ...c.notes.map((n) => `Note: ${n}.`)].join("\n")
}
