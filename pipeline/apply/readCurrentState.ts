import { Effect } from "effect"
import type { PlanStep } from "../domain/PlanStep.ts"
import { PomTarget, QboTarget } from "./ApplyTargets.ts"
import { type CurrentState, type RecordIds, recordsTouched } from "./CurrentState.ts"

/** Reads these records from both systems (QBO and POM in parallel). */
export const readRecords = (ids: RecordIds) =>
  Effect.gen(function* () {
    const qbo = yield* QboTarget
    const pom = yield* PomTarget
    const [invoices, qboCustomers, pomCustomers, appointments, services] = yield* Effect.all(
      [
        qbo.readInvoices(ids.invoices),
        qbo.readCustomers(ids.qboCustomers),
        pom.readCustomers(ids.pomCustomers),
        pom.readAppointments(ids.appointments),
        pom.readServices(ids.services)
      ],
      { concurrency: 2 }
    )
    const pomTouched = ids.pomCustomers.length + ids.appointments.length + ids.services.length
    const pomSeen = pomCustomers.size + appointments.size + services.size
    // In worklist mode without a fresh export nothing comes back: POM's state is unknown, not "deleted".
    const pomKnown = pom.mode === "api" || pomTouched === 0 || pomSeen > 0
    return { invoices, qboCustomers, pomCustomers, appointments, services, pomKnown } satisfies CurrentState
  }).pipe(Effect.withSpan("readRecords"))

/** Reads every record the steps touch from both systems. */
export const readCurrentState = (steps: ReadonlyArray<PlanStep>) =>
  readRecords(recordsTouched(steps)).pipe(Effect.withSpan("readCurrentState"))
