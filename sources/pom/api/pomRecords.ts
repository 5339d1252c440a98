import { Either, ParseResult, Schema } from "effect"
import type { PomAppointment, PomCustomer, PomService, PostalAddress } from "../../../pipeline/domain/PomRecords.ts"
import type { RejectedRow } from "../../../pipeline/domain/RejectedRow.ts"
import type { UnreadableRecord } from "../../../pipeline/domain/UnreadableRecord.ts"
import { WireCustomerNode, type WireAppointment, type WireCustomer, type WireService } from "./pomWire.ts"

/** Where rejected rows of an API pull say they came from (RejectedRow.file). */
export const pomPullSource = "POM API infiniteCustomers"

const filled = (values: ReadonlyArray<string | null>): Array<string> =>
  values.flatMap((value) => {
    const trimmed = value?.trim() ?? ""
    return trimmed === "" ? [] : [trimmed]
  })

const address = (street: string | null, city: string | null, state: string | null, zip: string | null): PostalAddress => ({
  street: street?.trim() ?? "",
  city: city?.trim() ?? "",
  state: state?.trim() ?? "",
  zip: zip?.trim() ?? ""
})

export const toPomCustomer = (wire: WireCustomer): PomCustomer => {
  const billing = address(wire.billingStreet, wire.billingCity, wire.billingState, wire.billingZipCode)
  return {
    id: wire.id,
    firstName: wire.firstName?.trim() ?? "",
    lastName: wire.lastName?.trim() ?? "",
    companyName: wire.companyName?.trim() ?? "",
    emails: filled([wire.email, wire.email2, wire.email3, wire.email4]),
    phones: filled([wire.phone, wire.mobilePhone, wire.phone2, wire.phone3, wire.phone4]),
    serviceAddress: address(wire.street, wire.city, wire.state, wire.zipCode),
    // POM leaves the billing address empty when it is the service address.
    billingAddress: Object.values(billing).every((part) => part === "") ? null : billing,
    status: wire.status,
    quickbooksId: wire.quickbooksId === null || wire.quickbooksId === "" ? null : wire.quickbooksId,
    createdAt: wire.createdAt,
    updatedAt: wire.updatedAt
  }
}

export const toPomAppointment = (wire: WireAppointment): PomAppointment => ({
  id: wire.id,
  customerId: wire.customer.id,
  scheduledAt: wire.scheduledAt,
  status: wire.status ?? ""
})

export const toPomService = (wire: WireService): PomService => ({
  id: wire.id,
  customerId: wire.customer.id,
  appointmentId: wire.appointment?.id ?? null,
  completedAt: wire.completedAt
})

export interface PomRecords {
  readonly customers: ReadonlyArray<PomCustomer>
  readonly appointments: ReadonlyArray<PomAppointment>
  readonly services: ReadonlyArray<PomService>
  readonly rejected: ReadonlyArray<RejectedRow>
  /** Customers that were not read but whose id could be made out (see `UnreadableRecord`). */
  readonly unreadable: ReadonlyArray<UnreadableRecord>
}

const rejectedRow = (position: number, node: unknown, error: ParseResult.ParseError): RejectedRow => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  return {
    file: pomPullSource,
    line: position,
    field: issue?.path.map(String).join(".") ?? "",
    severity: "row",
    reason: issue?.message ?? "does not match the customer fields",
    raw: JSON.stringify(node)
  }
}

/** A text field of an undecoded node, when it is a non-empty string. */
const textOf = (node: unknown, key: string): string | null => {
  if (typeof node !== "object" || node === null) return null
  const value: unknown = Reflect.get(node, key)
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null
}

/** A customer node that did not decode, named by the id (and link) it still shows; null when it shows none. */
const unreadableNode = (row: RejectedRow, node: unknown): UnreadableRecord | null => {
  const id = textOf(node, "id")
  return id === null
    ? null
    : { system: "pom", kind: "customer", id, customerId: null, quickbooksId: textOf(node, "quickbooksId"), file: row.file, line: row.line, reason: row.reason }
}

/**
 * Decodes the customer nodes of one page, each on its own: a node that does not decode is rejected with its
 * position in the pull (1-based) and leaves the others alone; so is a customer already in `pulled` (POM's data
 * changed while the pull ran), the first copy being kept. A rejected customer's appointments and services go
 * with it; when its id can still be read it is listed in `unreadable`, so no case is planned as if it were absent.
 */
export const recordsFromNodes = (
  nodes: ReadonlyArray<unknown>,
  firstPosition: number,
  pulled: ReadonlySet<string> = new Set()
): PomRecords => {
  const customers: Array<PomCustomer> = []
  const appointments: Array<PomAppointment> = []
  const services: Array<PomService> = []
  const rejected: Array<RejectedRow> = []
  const unreadable: Array<UnreadableRecord> = []
  const seen = new Set(pulled)
  nodes.forEach((node, i) => {
    const decoded = Schema.decodeUnknownEither(WireCustomerNode)(node)
    if (Either.isLeft(decoded)) {
      const row = rejectedRow(firstPosition + i, node, decoded.left)
      rejected.push(row)
      const named = unreadableNode(row, node)
      if (named !== null) unreadable.push(named)
      return
    }
    const wire = decoded.right
    if (seen.has(wire.id)) {
      rejected.push({
        file: pomPullSource,
        line: firstPosition + i,
        field: "id",
        severity: "row",
        reason: `customer ${wire.id} came twice in one pull (it changed while the pull ran); the first copy is kept`,
        raw: JSON.stringify(node)
      })
      return
    }
    seen.add(wire.id)
    customers.push(toPomCustomer(wire))
    for (const a of wire.appointments) {
      appointments.push({ id: a.id, customerId: wire.id, scheduledAt: a.scheduledAt, status: a.status ?? "" })
    }
    for (const s of wire.services) {
      services.push({ id: s.id, customerId: wire.id, appointmentId: s.appointmentId, completedAt: s.completedAt })
    }
  })
  return { customers, appointments, services, rejected, unreadable }
}
