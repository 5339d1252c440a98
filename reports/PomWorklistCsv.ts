import type { CaseOutcome } from "../pipeline/apply/ApplyOutcome.ts"
import type { PlanStep } from "../pipeline/domain/PlanStep.ts"
import { spreadsheetCsv } from "./excelSafe.ts"

interface WorkItem {
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
  spreadsheetCsv([
      ["case_id", "order", "customer", "record", "field", "from", "to", "link"],
      ...outcomes.flatMap((o) =>
        o.steps
          .filter((s) => s.status === "waiting")
          .flatMap((s, i) => {
            const w = item(s.step)
            return w === null
              ? []
              : [[o.case.id, String(i + 1), w.customer, w.record, w.field, w.from, w.to, customerUrl === null ? "" : customerUrl.replace("{id}", encodeURIComponent(w.customer))]]
          })
      )
    ])
