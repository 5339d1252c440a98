import { Effect, Layer } from "effect"
import {
  type PomCustomerState,
  type PomItemState,
  PomTarget,
  TargetUnavailable,
  type WriteOutcome
} from "../../pipeline/apply/ApplyTargets.ts"
import type { PomApiError } from "../../sources/pom/api/PomApiError.ts"
import { PomClient } from "../../sources/pom/api/PomClient.ts"

/** Reads run a few at a time: enough to hide latency, few enough to stay far below POM's rate limit. */
const READ_CONCURRENCY = 4

const unavailable = (error: PomApiError) => new TargetUnavailable({ system: "pom", detail: error.message })

/** A missing record reads as absent; anything else means POM cannot be read now. */
const readMany = <Id extends string, A, S>(
  ids: ReadonlyArray<Id>,
  read: (id: Id) => Effect.Effect<A, PomApiError>,
  state: (a: A) => S
) =>
  Effect.forEach(
    ids,
    (id) =>
      read(id).pipe(
        Effect.map((a) => [id, state(a)] as const),
        Effect.catchTag("PomNotFound", () => Effect.succeed(null))
      ),
    { concurrency: READ_CONCURRENCY }
  ).pipe(
    Effect.map((rows) => new Map(rows.filter((r): r is readonly [Id, S] => r !== null))),
    Effect.mapError(unavailable)
  )

/** A refusal of this one write (unknown record, rejected input) fails the step; anything else stops apply. */
const write = <A, S>(effect: Effect.Effect<A, PomApiError>, state: (a: A) => S): Effect.Effect<WriteOutcome<S>, TargetUnavailable> =>
  effect.pipe(
    Effect.map((a): WriteOutcome<S> => ({ ok: true, state: state(a) })),
    Effect.catchTags({
      PomNotFound: (e) => Effect.succeed<WriteOutcome<S>>({ ok: false, code: "NOT_FOUND", message: e.message, stale: false }),
      PomBadUserInput: (e) => Effect.succeed<WriteOutcome<S>>({ ok: false, code: "BAD_USER_INPUT", message: e.message, stale: false }),
      PomGraphqlError: (e) => Effect.succeed<WriteOutcome<S>>({ ok: false, code: e.code, message: e.message, stale: false })
    }),
    Effect.mapError((e) => unavailable(e))
  )

/** Apply's POM side through POM's GraphQL API. The step's request id is sent as the clientMutationId. */
export const PomApiTargetLive = Layer.effect(
  PomTarget,
  Effect.gen(function* () {
    const client = yield* PomClient
    const customerState = (c: { quickbooksId: PomCustomerState["quickbooksId"]; status: PomCustomerState["status"] }): PomCustomerState => ({
      quickbooksId: c.quickbooksId,
      status: c.status
    })
    const itemState = (r: { record: { customerId: PomItemState["customerId"] } }): PomItemState => ({ customerId: r.record.customerId })
    return {
      mode: "api" as const,
      readCustomers: (ids) => readMany(ids, client.readCustomer, customerState),
      readAppointments: (ids) => readMany(ids, client.readAppointment, (a) => ({ customerId: a.customerId })),
      readServices: (ids) => readMany(ids, client.readService, (s) => ({ customerId: s.customerId })),
      updateCustomer: (id, patch, requestId) =>
        write(client.updateCustomer(id, patch, { clientMutationId: requestId }), (w) => customerState(w.record)),
      moveAppointment: (id, to, requestId) =>
        write(client.updateAppointment(id, { customerId: to }, { clientMutationId: requestId }), itemState),
      moveService: (id, to, requestId) => write(client.updateService(id, { customerId: to }, { clientMutationId: requestId }), itemState)
    }
  })
)
