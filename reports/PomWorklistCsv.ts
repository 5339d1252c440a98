import type { CaseOutcome } from "../pipeline/apply/ApplyOutcome.ts"
import type { PlanStep } from "../pipeline/domain/PlanStep.ts"
import { spreadsheetCsv } from "./excelSafe.ts"

/** One POM change for a person, as the POM worklists (apply's and revert's) list it. */
export interface WorkItem {
  readonly customer: string
  readonly record: string
  readonly field: string
  readonly from: string
  readonly to: string
}

const item = (s: PlanStep): WorkItem | null => {
  switch (s._tag) {
    case "move-appointment":
      return { customer: s.from, record: `appointment ${s.appointmentId}`, field: "customer", from: s.from, to: s.to }
    case "move-service":
      return { customer: s.from, record: `service ${s.serviceId}`, field: "customer", from: s.from, to: s.to }
    case "set-quickbooks-id":
      return { customer: s.pomCustomerId, record: "customer", field: "QBO ID", from: s.from ?? "", to: s.to ?? "" }
    case "inactivate-pom-customer":
      return { customer: s.pomCustomerId, record: "customer", field: "status", from: s.before.status, to: "Inactive" }
    case "move-invoice":
    case "inactivate-qbo-customer":
      return null
  }
}

/**
 * POM changes for an admin to make by hand when there is no POM API access, in the order to make them.
 * `link` is built from POM_APP_CUSTOMER_URL (with {id} for the customer id) when that is set.
 */
export const pomWorklistCsv = (outcomes: ReadonlyArray<CaseOutcome>, customerUrl: string | null): string =>
  pomWorklistRows(outcomes.flatMap((o) => o.steps.filter((s) => s.status === "waiting").map((s) => ({ caseId: o.case.id, item: item(s.step) }))), customerUrl)

/** The worklist file for POM changes, numbered per case in the order given; null items (QBO steps) are skipped. */
export const pomWorklistRows = (
  items: ReadonlyArray<{ readonly caseId: string; readonly item: WorkItem | null }>,
  customerUrl: string | null
): string => {
  const order = new Map<string, number>()
  return spreadsheetCsv([
    ["case_id", "order", "customer", "record", "field", "from", "to", "link"],
    ...items.flatMap(({ caseId, item: w }) => {
      const n = (order.get(caseId) ?? 0) + 1
      order.set(caseId, n)
      return w === null
        ? []
        : [[caseId, String(n), w.customer, w.record, w.field, w.from, w.to, customerUrl === null ? "" : customerUrl.replace("{id}", encodeURIComponent(w.customer))]]
    })
  ])
}
