import { stringify } from "csv-stringify/sync"
import type { RevertOutcome } from "../pipeline/apply/RevertOutcome.ts"
import type { ReverseStep } from "../pipeline/domain/ReverseStep.ts"
import { excelSafe } from "./excelSafe.ts"

interface WorkItem {
  readonly customer: string
  readonly record: string
  readonly field: string
  readonly from: string
  readonly to: string
}

const item = (s: ReverseStep): WorkItem | null => {
  switch (s._tag) {
    case "move-appointment-back":
      return { customer: s.expect.customerId, record: `appointment ${s.appointmentId}`, field: "customer", from: s.expect.customerId, to: s.to }
    case "move-service-back":
      return { customer: s.expect.customerId, record: `service ${s.serviceId}`, field: "customer", from: s.expect.customerId, to: s.to }
    case "restore-quickbooks-id":
      return { customer: s.pomCustomerId, record: "customer", field: "QBO ID", from: s.expect.quickbooksId ?? "", to: s.to ?? "" }
    case "restore-pom-status":
      return { customer: s.pomCustomerId, record: "customer", field: "status", from: s.expect.status, to: s.to }
    case "reactivate-qbo-customer":
    case "move-invoice-back":
      return null
  }
}

/** The POM changes of a revert for an admin to make by hand (no POM API access), in order; same columns as apply's. */
export const revertWorklistCsv = (outcome: RevertOutcome, customerUrl: string | null): string =>
  stringify(
    [
      ["case_id", "order", "customer", "record", "field", "from", "to", "link"],
      ...outcome.steps
        .filter((s) => s.status === "waiting")
        .flatMap((s, i) => {
          const w = item(s.step)
          return w === null
            ? []
            : [[outcome.caseId, String(i + 1), w.customer, w.record, w.field, w.from, w.to, customerUrl === null ? "" : customerUrl.replace("{id}", encodeURIComponent(w.customer))]]
        })
    ].map((row) => row.map(excelSafe)),
    { bom: true, record_delimiter: "windows" }
  )
