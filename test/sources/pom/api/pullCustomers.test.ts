import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { PomClient } from "../../../../sources/pom/api/PomClient.ts"
import { PomProgress, type PomProgressEvent } from "../../../../sources/pom/api/PomProgress.ts"
import { localPomClientLayer, scopedPomServer, type LocalPomClientOptions } from "../../../servers/pom/localPomClient.ts"
import { customerRow, pomRows } from "../../../servers/pom/pomRows.ts"
import type { PomServer } from "../../../servers/pom/startPomServer.ts"

const pull = (server: PomServer, options: LocalPomClientOptions = {}) => {
  const events: Array<PomProgressEvent> = []
  return PomClient.pipe(
    Effect.flatMap((client) => client.pullCustomers),
    Effect.provideService(PomProgress, (event) => Effect.sync(() => events.push(event))),
    Effect.provide(localPomClientLayer(server, options)),
    Effect.map((records) => ({ ...records, events }))
  )
}

const pageRequests = (server: PomServer) => server.log.requests.filter((r) => r.operationName === "PullCustomersPage")

describe("PomClient.pullCustomers", () => {
  it.scopedLive("reads an organization with no customers in one request", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer()
      const result = yield* pull(server)
      expect(result.customers).toEqual([])
      expect(result.appointments).toEqual([])
      expect(result.services).toEqual([])
      expect(pageRequests(server)).toHaveLength(1)
    })
  )

  it.scopedLive("maps one customer's export fields, appointments and services to domain records", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer({
        customers: [
          customerRow(1, {
            firstName: " John ",
            email: "john@example.com",
            email2: "jd@work.example.com",
            phone: "(512) 555-0100",
            mobilePhone: "",
            phone2: "512.555.0199",
            billingStreet: "PO Box 7",
            billingCity: "Round Rock",
            billingState: "TX",
            billingZipCode: "78664",
            quickbooksId: "2514",
            status: "LEAD"
          })
        ],
        appointments: [{ id: "apt_1", customerId: "cust_00001", scheduledAt: "2024-01-15T09:00:00Z", status: "COMPLETED" }],
        services: [
          { id: "svc_1", customerId: "cust_00001", appointmentId: "apt_1", completedAt: "2024-01-15T10:30:00Z" },
          { id: "svc_2", customerId: "cust_00001", appointmentId: "", completedAt: "" }
        ]
      })
      const result = yield* pull(server)
      expect(result.customers).toEqual([
        {
          id: "cust_00001",
          firstName: "John",
          lastName: "Doe",
          companyName: "",
          emails: ["john@example.com", "jd@work.example.com"],
          phones: ["(512) 555-0100", "512.555.0199"],
          serviceAddress: { street: "101 Oak St", city: "Austin", state: "TX", zip: "78701" },
          billingAddress: { street: "PO Box 7", city: "Round Rock", state: "TX", zip: "78664" },
          status: "LEAD",
          quickbooksId: "2514",
          createdAt: "2023-06-15T10:00:00Z",
          updatedAt: "2024-01-10T14:30:00Z"
        }
      ])
      expect(result.appointments).toEqual([
        { id: "apt_1", customerId: "cust_00001", scheduledAt: "2024-01-15T09:00:00Z", status: "COMPLETED" }
      ])
      expect(result.services).toEqual([
        { id: "svc_1", customerId: "cust_00001", appointmentId: "apt_1", completedAt: "2024-01-15T10:30:00Z" },
        { id: "svc_2", customerId: "cust_00001", appointmentId: null, completedAt: null }
      ])
    })
  )

  it.scopedLive("reads a blank QuickBooks link as no link and a blank billing address as none", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer({ customers: [customerRow(2, { quickbooksId: " ", billingStreet: "" })] })
      const [customer] = (yield* pull(server)).customers
      expect(customer?.quickbooksId).toBeNull()
      expect(customer?.billingAddress).toBeNull()
    })
  )

  it.scopedLive("reads exactly 100 customers with their history in a single page", () =>
    Effect.gen(function* () {
      const rows = pomRows(100, 2)
      const server = yield* scopedPomServer(rows)
      const result = yield* pull(server)
      expect(pageRequests(server)).toHaveLength(1)
      expect(result.customers.map((c) => c.id)).toEqual(rows.customers.map((r) => r["id"]))
      expect(result.appointments).toHaveLength(200)
      expect(result.services).toHaveLength(200)
    })
  )

  it.scopedLive("follows the cursor to a second page for 101 customers and keeps every record once", () =>
    Effect.gen(function* () {
      const rows = pomRows(101, 2)
      const server = yield* scopedPomServer(rows)
      const result = yield* pull(server)
      expect(pageRequests(server)).toHaveLength(2)
      expect(result.customers.map((c) => c.id)).toEqual(rows.customers.map((r) => r["id"]))
      expect(result.appointments.map((a) => [a.id, a.customerId])).toEqual(rows.appointments.map((a) => [a["id"], a["customerId"]]))
      expect(result.services.map((s) => [s.id, s.customerId, s.appointmentId])).toEqual(
        rows.services.map((s) => [s["id"], s["customerId"], s["appointmentId"]])
      )
      expect(result.rejected).toEqual([])
    })
  )

  it.scopedLive("hands each page's appointments and services to the sink as the page arrives, keeping none itself", () =>
    Effect.gen(function* () {
      const rows = pomRows(101, 2)
      const server = yield* scopedPomServer(rows)
      const seen: Array<string> = []
      const pulled = yield* PomClient.pipe(
        Effect.flatMap((client) =>
          client.streamCustomers({
            appointment: (a) => void seen.push(`a:${a.id}:${a.customerId}`),
            service: (s) => void seen.push(`s:${s.id}:${s.customerId}`)
          })
        ),
        Effect.provideService(PomProgress, (event) =>
          Effect.sync(() => {
            // Every row of a page is in the sink by the time the page is reported.
            if (event._tag === "PageFetched") seen.push(`page ${event.page}: ${event.appointments + event.services}`)
          })
        ),
        Effect.provide(localPomClientLayer(server, { pageSize: 60 }))
      )
      expect(Object.keys(pulled).sort()).toEqual(["customers", "rejected", "unreadable"])
      expect(pulled.customers).toHaveLength(101)
      expect(seen.filter((s) => s.startsWith("a:"))).toEqual(rows.appointments.map((a) => `a:${a["id"]}:${a["customerId"]}`))
      expect(seen.filter((s) => s.startsWith("s:"))).toEqual(rows.services.map((s) => `s:${s["id"]}:${s["customerId"]}`))
      expect(seen.indexOf("page 1: 240")).toBe(240)
    })
  )

  it.scopedLive("reports running totals after every page at the configured page size", () =>
    Effect.gen(function* () {
      const server = yield* scopedPomServer(pomRows(101, 1))
      const { events } = yield* pull(server, { pageSize: 40 })
      expect(events.filter((e) => e._tag === "PageFetched")).toEqual([
        { _tag: "PageFetched", page: 1, customers: 40, appointments: 40, services: 40 },
        { _tag: "PageFetched", page: 2, customers: 80, appointments: 80, services: 80 },
        { _tag: "PageFetched", page: 3, customers: 101, appointments: 101, services: 101 }
      ])
    })
  )
})
