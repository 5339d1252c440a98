import { describe, expect, it } from "vitest"
import { pomPullSource, recordsFromNodes } from "../../../../sources/pom/api/pomRecords.ts"

const node = (id: string, overrides: Readonly<Record<string, unknown>> = {}) => ({
  id,
  firstName: "Ann",
  lastName: "Lee",
  companyName: null,
  email: "ann@example.com",
  email2: null,
  email3: "  ",
  email4: "ann.lee@example.com",
  phone: null,
  mobilePhone: "512-555-0101",
  phone2: null,
  phone3: null,
  phone4: "512-555-0104",
  street: "1 Palm Ave",
  city: "Austin",
  state: "TX",
  zipCode: "78701",
  billingStreet: null,
  billingCity: null,
  billingState: null,
  billingZipCode: null,
  status: "ACTIVE",
  quickbooksId: "77",
  createdAt: null,
  updatedAt: null,
  appointments: [{ id: `${id}-a`, scheduledAt: null, status: null }],
  services: [{ id: `${id}-s`, appointmentId: `${id}-a`, completedAt: null }],
  ...overrides
})

describe("recordsFromNodes", () => {
  it("keeps every filled email and phone in POM's field order", () => {
    const { customers } = recordsFromNodes([node("c1")], 1)
    expect(customers[0]?.emails).toEqual(["ann@example.com", "ann.lee@example.com"])
    expect(customers[0]?.phones).toEqual(["512-555-0101", "512-555-0104"])
  })

  it("gives nested appointments and services their parent's id and a blank status as empty", () => {
    const { appointments, services } = recordsFromNodes([node("c1")], 1)
    expect(appointments).toEqual([{ id: "c1-a", customerId: "c1", scheduledAt: null, status: "" }])
    expect(services).toEqual([{ id: "c1-s", customerId: "c1", appointmentId: "c1-a", completedAt: null }])
  })

  it("rejects only the node it cannot read, with its position, field and raw value", () => {
    const bad = node("c2", { status: "ARCHIVED" })
    const result = recordsFromNodes([node("c1"), bad, node("c3")], 101)
    expect(result.customers.map((c) => c.id)).toEqual(["c1", "c3"])
    expect(result.appointments.map((a) => a.customerId)).toEqual(["c1", "c3"])
    expect(result.rejected).toHaveLength(1)
    expect(result.rejected[0]).toMatchObject({ file: pomPullSource, line: 102, field: "status", raw: JSON.stringify(bad) })
    expect(result.rejected[0]?.reason).toContain("ARCHIVED")
    // Its id and link can still be read: later stages must not take it for absent.
    expect(result.rejected[0]?.severity).toBe("row")
    expect(result.unreadable).toEqual([
      { system: "pom", kind: "customer", id: "c2", customerId: null, quickbooksId: "77", file: pomPullSource, line: 102, reason: expect.stringContaining("ARCHIVED") }
    ])
  })

  it("rejects a node that lacks a field the documents ask for", () => {
    const { rejected } = recordsFromNodes([{ id: "c9", firstName: "Bo" }], 1)
    expect(rejected.map((r) => [r.line, r.field])).toEqual([[1, "lastName"]])
  })

  it("rejects a customer already pulled, at its own position, with its history", () => {
    const result = recordsFromNodes([node("c1"), node("c2"), node("c1")], 201, new Set(["c2"]))
    expect(result.customers.map((c) => c.id)).toEqual(["c1"])
    expect(result.services.map((s) => s.customerId)).toEqual(["c1"])
    expect(result.rejected.map((r) => [r.line, r.field])).toEqual([
      [202, "id"],
      [203, "id"]
    ])
  })
})
