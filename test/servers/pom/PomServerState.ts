import { PomServerError } from "./PomServerError.ts"

/*
 * The data one POM organization holds, seeded from POM export rows, with the three writes the bulk apply uses.
 * Blank export cells become null, as POM's API returns them.
 */

export const customerStatuses = ["ACTIVE", "INACTIVE", "LEAD"] as const
export type CustomerStatus = (typeof customerStatuses)[number]

const isCustomerStatus = (value: string): value is CustomerStatus =>
  customerStatuses.some((status) => status === value)

export interface CustomerRecord {
  id: string
  firstName: string | null
  lastName: string | null
  companyName: string | null
  email: string | null
  email2: string | null
  email3: string | null
  email4: string | null
  phone: string | null
  mobilePhone: string | null
  phone2: string | null
  phone3: string | null
  phone4: string | null
  street: string | null
  city: string | null
  state: string | null
  zipCode: string | null
  billingStreet: string | null
  billingCity: string | null
  billingState: string | null
  billingZipCode: string | null
  status: CustomerStatus
  quickbooksId: string | null
  createdAt: string | null
  updatedAt: string | null
}

export interface AppointmentRecord {
  id: string
  customerId: string
  scheduledAt: string | null
  status: string | null
  updatedAt: string | null
}

export interface ServiceRecord {
  id: string
  customerId: string
  appointmentId: string | null
  completedAt: string | null
  updatedAt: string | null
}

export type Row = Readonly<Record<string, string | undefined>>

export type WriteOperation = "updateCustomer" | "updateAppointment" | "updateService"

/** One write that changed the data. A replayed `clientMutationId` adds nothing here. */
export interface AppliedWrite {
  readonly seq: number
  readonly operation: WriteOperation
  readonly id: string
  readonly clientMutationId: string | null
  readonly changes: Readonly<Record<string, { readonly from: string | null; readonly to: string | null }>>
}

/** A write answered from the idempotency store instead of being applied again. */
export interface ReplayedWrite {
  readonly operation: WriteOperation
  readonly id: string
  readonly clientMutationId: string
}

export interface CustomerChange {
  readonly quickbooksId?: string | null
  readonly status?: string
}

const cell = (row: Row, key: string): string | null => {
  const value = row[key]?.trim() ?? ""
  return value === "" ? null : value
}

const required = (row: Row, key: string, what: string, line: number): string => {
  const value = cell(row, key)
  if (value === null) throw new Error(`${what} row ${line}: "${key}" is blank`)
  return value
}

const customerFromRow = (row: Row, line: number): CustomerRecord => {
  const status = (cell(row, "status") ?? "ACTIVE").toUpperCase()
  if (!isCustomerStatus(status)) throw new Error(`customers row ${line}: status "${status}" is not one of ${customerStatuses.join(", ")}`)
  return {
    id: required(row, "id", "customers", line),
    firstName: cell(row, "firstName"),
    lastName: cell(row, "lastName"),
    companyName: cell(row, "companyName"),
    email: cell(row, "email"),
    email2: cell(row, "email2"),
    email3: cell(row, "email3"),
    email4: cell(row, "email4"),
    phone: cell(row, "phone"),
    mobilePhone: cell(row, "mobilePhone"),
    phone2: cell(row, "phone2"),
    phone3: cell(row, "phone3"),
    phone4: cell(row, "phone4"),
    street: cell(row, "street"),
    city: cell(row, "city"),
    state: cell(row, "state"),
    zipCode: cell(row, "zipCode"),
    billingStreet: cell(row, "billingStreet"),
    billingCity: cell(row, "billingCity"),
    billingState: cell(row, "billingState"),
    billingZipCode: cell(row, "billingZipCode"),
    status,
    quickbooksId: cell(row, "quickbooksId"),
    createdAt: cell(row, "createdAt"),
    updatedAt: cell(row, "updatedAt")
  }
}

// QBO customer ids are the number at the end of the customer URL (`?nameId=2514`).
const qboIdPattern = /^[0-9]+$/

export class PomServerState {
  readonly customers = new Map<string, CustomerRecord>()
  readonly appointments = new Map<string, AppointmentRecord>()
  readonly services = new Map<string, ServiceRecord>()
  readonly writes: Array<AppliedWrite> = []
  readonly replays: Array<ReplayedWrite> = []
  private readonly fingerprints = new Map<string, string>()
  private readonly customerResults = new Map<string, CustomerRecord>()
  private readonly appointmentResults = new Map<string, AppointmentRecord>()
  private readonly serviceResults = new Map<string, ServiceRecord>()
  private lastWriteAt = 0

  constructor(seed: {
    readonly customers: ReadonlyArray<Row>
    readonly appointments: ReadonlyArray<Row>
    readonly services: ReadonlyArray<Row>
  }) {
    seed.customers.forEach((row, i) => {
      const customer = customerFromRow(row, i + 2)
      if (this.customers.has(customer.id)) throw new Error(`customers row ${i + 2}: id ${customer.id} appears twice`)
      this.customers.set(customer.id, customer)
    })
    seed.appointments.forEach((row, i) => {
      const appointment: AppointmentRecord = {
        id: required(row, "id", "appointments", i + 2),
        customerId: this.knownCustomer(required(row, "customerId", "appointments", i + 2), `appointments row ${i + 2}`),
        scheduledAt: cell(row, "scheduledAt"),
        status: cell(row, "status"),
        updatedAt: cell(row, "updatedAt")
      }
      this.appointments.set(appointment.id, appointment)
    })
    seed.services.forEach((row, i) => {
      const service: ServiceRecord = {
        id: required(row, "id", "services", i + 2),
        customerId: this.knownCustomer(required(row, "customerId", "services", i + 2), `services row ${i + 2}`),
        appointmentId: cell(row, "appointmentId"),
        completedAt: cell(row, "completedAt"),
        updatedAt: cell(row, "updatedAt")
      }
      this.services.set(service.id, service)
    })
  }

  customerIds(): ReadonlyArray<string> {
    return [...this.customers.keys()]
  }

  appointmentsOf(customerId: string): ReadonlyArray<AppointmentRecord> {
    return [...this.appointments.values()].filter((a) => a.customerId === customerId)
  }

  servicesOf(customerId: string): ReadonlyArray<ServiceRecord> {
    return [...this.services.values()].filter((s) => s.customerId === customerId)
  }

  updateCustomer(id: string, change: CustomerChange, clientMutationId: string | null): CustomerRecord {
    return this.idempotent(this.customerResults, "updateCustomer", id, change, clientMutationId, () => {
      const customer = this.customers.get(id)
      if (customer === undefined) throw PomServerError.notFound("Customer", id)
      if (change.quickbooksId === undefined && change.status === undefined) {
        throw PomServerError.badUserInput("input must set quickbooksId or status", "input")
      }
      if (change.status !== undefined && !isCustomerStatus(change.status)) {
        throw PomServerError.badUserInput(`status "${change.status}" is not one of ${customerStatuses.join(", ")}`, "status")
      }
      if (change.quickbooksId !== undefined && change.quickbooksId !== null && !qboIdPattern.test(change.quickbooksId)) {
        throw PomServerError.badUserInput(`quickbooksId "${change.quickbooksId}" is not a QuickBooks customer id (digits only)`, "quickbooksId")
      }
      const changes: Record<string, { from: string | null; to: string | null }> = {}
      if (change.quickbooksId !== undefined) {
        changes["quickbooksId"] = { from: customer.quickbooksId, to: change.quickbooksId }
        customer.quickbooksId = change.quickbooksId
      }
      if (change.status !== undefined && isCustomerStatus(change.status)) {
        changes["status"] = { from: customer.status, to: change.status }
        customer.status = change.status
      }
      customer.updatedAt = this.now()
      this.log("updateCustomer", id, clientMutationId, changes)
      return { ...customer }
    })
  }

  updateAppointment(id: string, customerId: string, clientMutationId: string | null): AppointmentRecord {
    return this.idempotent(this.appointmentResults, "updateAppointment", id, { customerId }, clientMutationId, () => {
      const appointment = this.appointments.get(id)
      if (appointment === undefined) throw PomServerError.notFound("Appointment", id)
      this.targetCustomer(customerId)
      this.log("updateAppointment", id, clientMutationId, { customerId: { from: appointment.customerId, to: customerId } })
      appointment.customerId = customerId
      appointment.updatedAt = this.now()
      return { ...appointment }
    })
  }

  updateService(id: string, customerId: string, clientMutationId: string | null): ServiceRecord {
    return this.idempotent(this.serviceResults, "updateService", id, { customerId }, clientMutationId, () => {
      const service = this.services.get(id)
      if (service === undefined) throw PomServerError.notFound("Service", id)
      this.targetCustomer(customerId)
      this.log("updateService", id, clientMutationId, { customerId: { from: service.customerId, to: customerId } })
      service.customerId = customerId
      service.updatedAt = this.now()
      return { ...service }
    })
  }

  /**
   * A key seen before returns the first result untouched; the same key with a different write is refused, so a
   * key reused by mistake cannot silently drop a write.
   */
  private idempotent<A extends object>(
    results: Map<string, A>,
    operation: WriteOperation,
    id: string,
    input: object,
    clientMutationId: string | null,
    apply: () => A
  ): A {
    if (clientMutationId === null) return apply()
    const fingerprint = JSON.stringify([operation, id, input])
    const seen = this.fingerprints.get(clientMutationId)
    if (seen !== undefined) {
      const stored = results.get(clientMutationId)
      if (seen !== fingerprint || stored === undefined) {
        throw PomServerError.badUserInput(`clientMutationId "${clientMutationId}" was already used for a different write`, "clientMutationId")
      }
      this.replays.push({ operation, id, clientMutationId })
      return { ...stored }
    }
    const result = apply()
    this.fingerprints.set(clientMutationId, fingerprint)
    results.set(clientMutationId, { ...result })
    return result
  }

  private knownCustomer(customerId: string, where: string): string {
    if (!this.customers.has(customerId)) throw new Error(`${where}: customer ${customerId} is not in customers`)
    return customerId
  }

  private targetCustomer(customerId: string): void {
    if (!this.customers.has(customerId)) {
      throw PomServerError.badUserInput(`customerId "${customerId}" does not name a customer`, "customerId")
    }
  }

  private log(
    operation: WriteOperation,
    id: string,
    clientMutationId: string | null,
    changes: Record<string, { from: string | null; to: string | null }>
  ): void {
    this.writes.push({ seq: this.writes.length + 1, operation, id, clientMutationId, changes })
  }

  // Strictly increasing, so two writes in the same millisecond still order by `updatedAt`.
  private now(): string {
    this.lastWriteAt = Math.max(Date.now(), this.lastWriteAt + 1)
    return new Date(this.lastWriteAt).toISOString()
  }
}
