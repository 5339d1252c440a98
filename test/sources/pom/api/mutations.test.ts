import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { PomAppointmentId, PomCustomerId, PomServiceId, QboCustomerId } from "../../../../pipeline/domain/Ids.ts"
import { PomClient } from "../../../../sources/pom/api/PomClient.ts"
import { localPomClientLayer, scopedPomServer } from "../../../servers/pom/localPomClient.ts"
import { customerId, pomRows } from "../../../servers/pom/pomRows.ts"
import type { PomServer } from "../../../servers/pom/startPomServer.ts"

const keeper = PomCustomerId.make(customerId(0))
const duplicate = PomCustomerId.make(customerId(1))
const duplicateAppointment = PomAppointmentId.make("apt_1_0")
const duplicateService = PomServiceId.make("svc_1")

const using = <A, E>(server: PomServer, use: (client: PomClient) => Effect.Effect<A, E>) =>
  PomClient.pipe(Effect.flatMap(use), Effect.provide(localPomClientLayer(server)))

describe("PomClient writes", () => {
  it.scopedLive("relinks and inactivates a customer and returns it with a newer updatedAt", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2, 1))
      const before = server.state.customers.get(duplicate)?.updatedAt ?? ""
      const written = yield* using(server, (c) =>
        c.updateCustomer(duplicate, { quickbooksId: QboCustomerId.make("2514"), status: "INACTIVE" }, { clientMutationId: "step-7" })
      )
      expect(written.record).toMatchObject({ id: duplicate, quickbooksId: "2514", status: "INACTIVE" })
      expect(written.clientMutationId).toBe("step-7")
      expect(written.updatedAt !== null && written.updatedAt > before).toBe(true)
      expect(server.state.customers.get(duplicate)).toMatchObject({ quickbooksId: "2514", status: "INACTIVE" })
      expect(server.log.writes).toEqual([
        {
          seq: 1,
          operation: "updateCustomer",
          id: duplicate,
          clientMutationId: "step-7",
          changes: { quickbooksId: { from: "2001", to: "2514" }, status: { from: "ACTIVE", to: "INACTIVE" } }
        }
      ])
    })
  )

  it.scopedLive("clears a QuickBooks link with null and leaves the status alone", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2))
      const written = yield* using(server, (c) => c.updateCustomer(keeper, { quickbooksId: null }))
      expect(written.record).toMatchObject({ quickbooksId: null, status: "ACTIVE" })
      expect(server.log.writes.map((w) => Object.keys(w.changes))).toEqual([["quickbooksId"]])
    })
  )

  it.scopedLive("moves an appointment and a service to the keeper", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2, 1))
      const [appointment, service] = yield* using(server, (c) =>
        Effect.all([
          c.updateAppointment(duplicateAppointment, { customerId: keeper }),
          c.updateService(duplicateService, { customerId: keeper })
        ])
      )
      expect(appointment.record).toMatchObject({ id: duplicateAppointment, customerId: keeper })
      expect(service.record).toMatchObject({ id: duplicateService, customerId: keeper, appointmentId: duplicateAppointment })
      expect(appointment.updatedAt).not.toBeNull()
      expect(server.state.appointments.get(duplicateAppointment)?.customerId).toBe(keeper)
      expect(server.state.services.get(duplicateService)?.customerId).toBe(keeper)
      const reread = yield* using(server, (c) => c.readAppointment(duplicateAppointment))
      expect(reread.customerId).toBe(keeper)
    })
  )

  it.scopedLive("reports an unknown record as PomNotFound naming it, and writes nothing", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2, 1))
      const missing = PomServiceId.make("svc_gone")
      const error = yield* using(server, (c) => c.updateService(missing, { customerId: keeper })).pipe(Effect.flip)
      expect(error).toMatchObject({ _tag: "PomNotFound", kind: "service", id: "svc_gone", operation: "UpdateService" })
      const read = yield* using(server, (c) => c.readCustomer(PomCustomerId.make("cust_gone"))).pipe(Effect.flip)
      expect(read).toMatchObject({ _tag: "PomNotFound", kind: "customer", id: "cust_gone" })
      expect(server.log.writes).toEqual([])
    })
  )

  it.scopedLive("reports values POM refuses as PomBadUserInput with POM's reason", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2, 1))
      const badLink = yield* using(server, (c) =>
        c.updateCustomer(keeper, { quickbooksId: QboCustomerId.make("QB-12345") })
      ).pipe(Effect.flip)
      expect(badLink).toMatchObject({ _tag: "PomBadUserInput", id: keeper })
      expect(badLink.message).toContain("QB-12345")
      const badTarget = yield* using(server, (c) =>
        c.updateAppointment(duplicateAppointment, { customerId: PomCustomerId.make("cust_nobody") })
      ).pipe(Effect.flip)
      expect(badTarget).toMatchObject({ _tag: "PomBadUserInput", id: duplicateAppointment })
      expect(server.log.writes).toEqual([])
    })
  )

  it.scopedLive("applies a write once when its answer is lost and the retry repeats the clientMutationId", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2, 1))
      server.inject({ kind: "drop", when: "after", operation: "UpdateAppointment" })
      const written = yield* using(server, (c) => c.updateAppointment(duplicateAppointment, { customerId: keeper }))
      const sent = server.log.requests.filter((r) => r.operationName === "UpdateAppointment").map((r) => r.status)
      expect(sent).toEqual(["dropped", 200])
      expect(server.log.writes.map((w) => [w.id, w.clientMutationId])).toEqual([[duplicateAppointment, written.clientMutationId]])
      expect(server.log.replays).toEqual([
        { operation: "updateAppointment", id: duplicateAppointment, clientMutationId: written.clientMutationId }
      ])
      expect(written.record.customerId).toBe(keeper)
    })
  )

  it.scopedLive("answers a re-run step from the first result without writing again", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2, 1))
      const run = using(server, (c) => c.updateCustomer(duplicate, { status: "INACTIVE" }, { clientMutationId: "plan-1/step-3" }))
      const firstRun = yield* run
      // Someone reactivates the customer in POM; a re-run of the same step must not silently undo that.
      const customer = server.state.customers.get(duplicate)
      if (customer !== undefined) customer.status = "ACTIVE"
      const secondRun = yield* run
      expect(secondRun.record).toEqual(firstRun.record)
      expect(server.log.writes).toHaveLength(1)
      expect(server.log.replays).toHaveLength(1)
      expect(server.state.customers.get(duplicate)?.status).toBe("ACTIVE")
    })
  )

  it.scopedLive("refuses a clientMutationId reused for a different write", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(2, 1))
      yield* using(server, (c) => c.updateCustomer(duplicate, { status: "INACTIVE" }, { clientMutationId: "k" }))
      const error = yield* using(server, (c) => c.updateCustomer(keeper, { status: "INACTIVE" }, { clientMutationId: "k" })).pipe(
        Effect.flip
      )
      expect(error).toMatchObject({ _tag: "PomBadUserInput", id: keeper })
      expect(server.log.writes.map((w) => w.id)).toEqual([duplicate])
    })
  )
})
