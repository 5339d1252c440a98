import { buildSchema } from "graphql"
import { PomServerError } from "./PomServerError.ts"
import type { AppointmentRecord, CustomerRecord, PomServerState, ServiceRecord } from "./PomServerState.ts"

/*
 * The part of POM's GraphQL schema this project reads and writes. Names follow POM's published examples
 * (`infiniteCustomers(first, after, filter, search)`, `customer(selector: {id})`, `quickbooksId`, `status`);
 * the write mutations follow the Relay convention, with `clientMutationId` in the input.
 */
export const pomSdl = /* GraphQL */ `
  enum CustomerStatus { ACTIVE INACTIVE LEAD }

  type Customer {
    id: ID!
    firstName: String
    lastName: String
    companyName: String
    email: String
    email2: String
    email3: String
    email4: String
    phone: String
    mobilePhone: String
    phone2: String
    phone3: String
    phone4: String
    street: String
    city: String
    state: String
    zipCode: String
    billingStreet: String
    billingCity: String
    billingState: String
    billingZipCode: String
    status: CustomerStatus!
    quickbooksId: String
    createdAt: String
    updatedAt: String
    appointments: [Appointment!]!
    services: [Service!]!
  }

  type Appointment {
    id: ID!
    customerId: ID!
    customer: Customer
    scheduledAt: String
    status: String
    updatedAt: String
  }

  type Service {
    id: ID!
    customerId: ID!
    customer: Customer
    appointmentId: ID
    appointment: Appointment
    completedAt: String
    updatedAt: String
  }

  type CustomerEdge { cursor: String! node: Customer! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type CustomerConnection { edges: [CustomerEdge!]! pageInfo: PageInfo! totalCount: Int! }

  input CustomerFilter { status: CustomerStatus }
  input CustomerSelector { id: ID! }
  input AppointmentSelector { id: ID! }
  input ServiceSelector { id: ID! }

  type Query {
    infiniteCustomers(first: Int!, after: String, filter: CustomerFilter, search: String): CustomerConnection!
    customer(selector: CustomerSelector!): Customer
    appointment(selector: AppointmentSelector!): Appointment
    service(selector: ServiceSelector!): Service
    services(customerId: ID!): [Service!]!
  }

  input UpdateCustomerInput { quickbooksId: String status: CustomerStatus clientMutationId: String }
  input UpdateAppointmentInput { customerId: ID! clientMutationId: String }
  input UpdateServiceInput { customerId: ID! clientMutationId: String }

  type Mutation {
    updateCustomer(id: ID!, input: UpdateCustomerInput!): Customer!
    updateAppointment(id: ID!, input: UpdateAppointmentInput!): Appointment!
    updateService(id: ID!, input: UpdateServiceInput!): Service!
  }
`

export const pomSchema = buildSchema(pomSdl)

/** POM rejects larger pages; so does this server. */
export const maxPageSize = 100

type Args = Readonly<Record<string, unknown>>

const record = (value: unknown): Args =>
  typeof value === "object" && value !== null ? Object.fromEntries(Object.entries(value)) : {}

const text = (args: Args, key: string): string | null => {
  const value = args[key]
  return typeof value === "string" ? value : null
}

// Cursors are opaque to clients; POM's look like base64 of `{"id":"cust_456"}`, so these do too.
export const encodeCursor = (id: string): string => Buffer.from(JSON.stringify({ id })).toString("base64")

const decodeCursor = (cursor: string): string | null => {
  try {
    const id = record(JSON.parse(Buffer.from(cursor, "base64").toString("utf8")))["id"]
    return typeof id === "string" ? id : null
  } catch {
    return null
  }
}

const matchesSearch = (customer: CustomerRecord, search: string | null): boolean => {
  if (search === null || search.trim() === "") return true
  const needle = search.trim().toLowerCase()
  return [customer.firstName, customer.lastName, customer.companyName, customer.email].some(
    (value) => value !== null && value.toLowerCase().includes(needle)
  )
}

interface History {
  readonly appointments: (customerId: string) => ReadonlyArray<AppointmentRecord>
  readonly services: (customerId: string) => ReadonlyArray<ServiceRecord>
}

const groupBy = <A extends { readonly customerId: string }>(records: Iterable<A>): Map<string, Array<A>> => {
  const groups = new Map<string, Array<A>>()
  for (const record of records) {
    const group = groups.get(record.customerId)
    if (group === undefined) groups.set(record.customerId, [record])
    else group.push(record)
  }
  return groups
}

/**
 * The history of a whole page, grouped in one pass over the data the first time a customer on the page asks,
 * so a page costs one scan rather than one per customer. Built per request, so it always sees current data,
 * including records a test edited in place.
 */
const pageHistory = (state: PomServerState): History => {
  let appointments: Map<string, Array<AppointmentRecord>> | undefined
  let services: Map<string, Array<ServiceRecord>> | undefined
  return {
    appointments: (customerId) => (appointments ??= groupBy(state.appointments.values())).get(customerId) ?? [],
    services: (customerId) => (services ??= groupBy(state.services.values())).get(customerId) ?? []
  }
}

/** The root object graphql-js resolves Query and Mutation fields against; nested fields are methods on views. */
export const makeRootValue = (state: PomServerState) => {
  const historyOf: History = {
    appointments: (customerId) => state.appointmentsOf(customerId),
    services: (customerId) => state.servicesOf(customerId)
  }
  const customerView = (customer: CustomerRecord, history: History = historyOf) => ({
    ...customer,
    appointments: () => history.appointments(customer.id).map(appointmentView),
    services: () => history.services(customer.id).map(serviceView)
  })
  const customerById = (id: string) => {
    const customer = state.customers.get(id)
    return customer === undefined ? null : customerView(customer)
  }
  const appointmentView = (appointment: AppointmentRecord) => ({
    ...appointment,
    customer: () => customerById(appointment.customerId)
  })
  const serviceView = (service: ServiceRecord) => ({
    ...service,
    customer: () => customerById(service.customerId),
    appointment: () => {
      const appointment = service.appointmentId === null ? undefined : state.appointments.get(service.appointmentId)
      return appointment === undefined ? null : appointmentView(appointment)
    }
  })
  const found = <A>(type: string, id: string, value: A | undefined): A => {
    if (value === undefined) throw PomServerError.notFound(type, id)
    return value
  }
  const selectorId = (args: Args): string => text(record(args["selector"]), "id") ?? ""

  return {
    infiniteCustomers: (args: Args) => {
      const first = typeof args["first"] === "number" ? args["first"] : 0
      if (first < 0) throw PomServerError.badUserInput("first must not be negative", "first")
      if (first > maxPageSize) throw PomServerError.badUserInput(`first must be at most ${maxPageSize}, got ${first}`, "first")
      const order = state.customerIds()
      const after = text(args, "after")
      let start = 0
      if (after !== null) {
        const afterId = decodeCursor(after)
        const position = afterId === null ? -1 : order.indexOf(afterId)
        if (position < 0) throw PomServerError.badUserInput("after is not a cursor this server issued", "after")
        start = position + 1
      }
      const status = text(record(args["filter"]), "status")
      const search = text(args, "search")
      const matching = order
        .slice(start)
        .flatMap((id) => {
          const customer = state.customers.get(id)
          return customer === undefined ? [] : [customer]
        })
        .filter((customer) => (status === null || customer.status === status) && matchesSearch(customer, search))
      const page = matching.slice(0, first)
      const last = page.at(-1)
      const history = pageHistory(state)
      return {
        edges: page.map((customer) => ({ cursor: encodeCursor(customer.id), node: customerView(customer, history) })),
        pageInfo: { hasNextPage: matching.length > page.length, endCursor: last === undefined ? null : encodeCursor(last.id) },
        totalCount: [...state.customers.values()].filter(
          (customer) => (status === null || customer.status === status) && matchesSearch(customer, search)
        ).length
      }
    },
    customer: (args: Args) => {
      const id = selectorId(args)
      return customerView(found("Customer", id, state.customers.get(id)))
    },
    appointment: (args: Args) => {
      const id = selectorId(args)
      return appointmentView(found("Appointment", id, state.appointments.get(id)))
    },
    service: (args: Args) => {
      const id = selectorId(args)
      return serviceView(found("Service", id, state.services.get(id)))
    },
    services: (args: Args) => state.servicesOf(text(args, "customerId") ?? "").map(serviceView),
    updateCustomer: (args: Args) => {
      const input = record(args["input"])
      const status = text(input, "status")
      const change = {
        ...(Object.hasOwn(input, "quickbooksId") ? { quickbooksId: text(input, "quickbooksId") } : {}),
        ...(status === null ? {} : { status })
      }
      return customerView(state.updateCustomer(text(args, "id") ?? "", change, text(input, "clientMutationId")))
    },
    updateAppointment: (args: Args) => {
      const input = record(args["input"])
      const id = text(args, "id") ?? ""
      return appointmentView(state.updateAppointment(id, text(input, "customerId") ?? "", text(input, "clientMutationId")))
    },
    updateService: (args: Args) => {
      const input = record(args["input"])
      const id = text(args, "id") ?? ""
      return serviceView(state.updateService(id, text(input, "customerId") ?? "", text(input, "clientMutationId")))
    }
  }
}
