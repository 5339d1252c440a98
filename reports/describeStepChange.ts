import { Match } from "effect"
import { invoiceNumber } from "../pipeline/domain/invoiceNumber.ts"
import type { PlanStep } from "../pipeline/domain/PlanStep.ts"

const money = (n: number) => `$${n.toFixed(2)}`

/**
 * A step as the record it changes and its value before and after: "POM cus_12: QBO ID 3987 → 2514". What an
 * admin checks a dry run against, in POM or QBO, before letting it run.
 */
export const describeStepChange: (step: PlanStep) => string = Match.type<PlanStep>().pipe(
  Match.tags({
    "move-invoice": (s) => `QBO invoice ${invoiceNumber(s.docNumber, s.invoiceId)} (id ${s.invoiceId}, ${money(s.amount)}): customer QBO ${s.before.customerId} \u2192 QBO ${s.to}`,
    "move-appointment": (s) => `POM appointment ${s.appointmentId}: account POM ${s.before.customerId} \u2192 POM ${s.to}`,
    "move-service": (s) => `POM service ${s.serviceId}: account POM ${s.before.customerId} \u2192 POM ${s.to}`,
    "set-quickbooks-id": (s) => `POM ${s.pomCustomerId}: QBO ID ${s.before.quickbooksId ?? "(none)"} \u2192 ${s.to ?? "(none)"}`,
    "inactivate-pom-customer": (s) => `POM ${s.pomCustomerId}: status ${s.before.status} \u2192 INACTIVE`,
    "inactivate-qbo-customer": (s) =>
      `QBO customer ${s.qboCustomerId}: ${s.before.active ? "active" : "inactive"} \u2192 inactive (balance ${money(s.before.balance)})`
  }),
  Match.exhaustive
)
