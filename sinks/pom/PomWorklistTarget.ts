import { Effect, Layer } from "effect"
import { PomTarget, type WriteOutcome } from "../../pipeline/apply/ApplyTargets.ts"
import type { PomAppointment, PomCustomer, PomService } from "../../pipeline/domain/PomRecords.ts"

const notByApi: WriteOutcome<never> = {
  ok: false,
  code: "NO_POM_API",
  message: "POM API access is not configured: this step belongs on the POM worklist",
  stale: false
}

const pick = <K extends string, R extends { id: K }, S>(records: ReadonlyArray<R>, ids: ReadonlyArray<K>, state: (r: R) => S) => {
  const wanted = new Set(ids)
  return new Map(records.filter((r) => wanted.has(r.id)).map((r) => [r.id, state(r)] as const))
}

/**
 * Apply's POM side without API access: POM steps are listed for an admin (pom-worklist.csv) and confirmed
 * from the freshest POM export given to apply (`--pom-csv`); with none, POM's state is unknown.
 */
export const pomWorklistTarget = (
  fresh: {
    readonly customers: ReadonlyArray<PomCustomer>
    readonly appointments: ReadonlyArray<PomAppointment>
    readonly services: ReadonlyArray<PomService>
  } | null
) =>
  Layer.succeed(PomTarget, {
    mode: "worklist",
    readCustomers: (ids) =>
      Effect.succeed(fresh === null ? new Map() : pick(fresh.customers, ids, (c) => ({ quickbooksId: c.quickbooksId, status: c.status }))),
    readAppointments: (ids) =>
      Effect.succeed(fresh === null ? new Map() : pick(fresh.appointments, ids, (a) => ({ customerId: a.customerId }))),
    readServices: (ids) =>
      Effect.succeed(fresh === null ? new Map() : pick(fresh.services, ids, (s) => ({ customerId: s.customerId }))),
    updateCustomer: () => Effect.succeed(notByApi),
    moveAppointment: () => Effect.succeed(notByApi),
    moveService: () => Effect.succeed(notByApi)
  })
