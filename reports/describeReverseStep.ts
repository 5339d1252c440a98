import { Match } from "effect"
import type { ReverseStep } from "../pipeline/domain/ReverseStep.ts"

const link = (id: string | null) => (id === null ? "no QBO ID" : `QBO ${id}`)

/** A reverse step in words, for the terminal and the dry run. */
export const describeReverseStep: (step: ReverseStep) => string = Match.type<ReverseStep>().pipe(
  Match.tagsExhaustive({
    "reactivate-qbo-customer": (s) => `make QBO customer ${s.qboCustomerId} active again`,
    "restore-pom-status": (s) => `set POM ${s.pomCustomerId} back from ${s.expect.status} to ${s.to}`,
    "restore-quickbooks-id": (s) => `point POM ${s.pomCustomerId} back from ${link(s.expect.quickbooksId)} to ${link(s.to)}`,
    "move-appointment-back": (s) => `move appointment ${s.appointmentId} back from POM ${s.expect.customerId} to POM ${s.to}`,
    "move-service-back": (s) => `move service ${s.serviceId} back from POM ${s.expect.customerId} to POM ${s.to}`,
    "move-invoice-back": (s) => `move invoice ${s.invoiceId} back from QBO customer ${s.expect.customerId} to ${s.to}`
  })
)
