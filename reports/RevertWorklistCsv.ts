import type { RevertOutcome } from "../pipeline/apply/RevertOutcome.ts"
import type { ReverseStep } from "../pipeline/domain/ReverseStep.ts"
import { pomWorklistRows, type WorkItem } from "./PomWorklistCsv.ts"

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
  pomWorklistRows(outcome.steps.filter((s) => s.status === "waiting").map((s) => ({ caseId: outcome.caseId, item: item(s.step) })), customerUrl)
