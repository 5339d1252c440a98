import { Match } from "effect"
import type { PlanStep } from "../domain/PlanStep.ts"
import type { CurrentState } from "./CurrentState.ts"

/**
 * The state of a POM step's record as a fresh export shows it once an admin did the step from the POM worklist:
 * the same state POM's API returns after the write, so the journal holds it alike and a revert can undo the step
 * (on a revert worklist) as it undoes one the tool sent. Null for a QBO step or a record the export lacks.
 */
export const confirmedState = (step: PlanStep, now: CurrentState): unknown =>
  Match.value(step).pipe(
    Match.tagsExhaustive({
      "set-quickbooks-id": (s) => now.pomCustomers.get(s.pomCustomerId) ?? null,
      "inactivate-pom-customer": (s) => now.pomCustomers.get(s.pomCustomerId) ?? null,
      "move-appointment": (s) => now.appointments.get(s.appointmentId) ?? null,
      "move-service": (s) => now.services.get(s.serviceId) ?? null,
      "move-invoice": () => null,
      "inactivate-qbo-customer": () => null
    })
  )
