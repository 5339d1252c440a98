/*
 * Every GraphQL document this project sends to POM, in one place, so they can be matched to POM's live schema by
 * editing this file only. POM publishes `infiniteCustomers(first, after, filter, search)` with Relay edges,
 * `customer(selector: {id})` and `quickbooksId`/`status` on customers; the rest (emails and phones as numbered
 * fields like the customer export, nested `appointments`/`services` on a customer, the update mutations) follows
 * the same naming and is the part to verify against a live POM account first. Whatever changes here must keep
 * the shapes in pomWire.ts.
 *
 * Emails and phones are separate numbered fields (`email`, `email2`..`email4`; `phone`, `mobilePhone`,
 * `phone2`..`phone4`), the layout of POM's customer export, so one conversion serves the API and the CSV.
 *
 * Writes carry `clientMutationId` in their input (the Relay convention). The client sends one on every write
 * (the caller's, or a fresh one per call) and re-sends the same one when it retries, so a write whose answer
 * was lost is answered from POM's first result instead of being applied twice. Callers that may re-run a whole
 * apply should pass a key derived from the plan step, so a second run cannot apply a step twice either.
 */

export interface PomDocument {
  /** Sent as `operationName`; also names the operation in errors and progress. */
  readonly operationName: string
  readonly query: string
}

const customerFields = /* GraphQL */ `
  fragment PomCustomerFields on Customer {
    id
    firstName
    lastName
    companyName
    email
    email2
    email3
    email4
    phone
    mobilePhone
    phone2
    phone3
    phone4
    street
    city
    state
    zipCode
    billingStreet
    billingCity
    billingState
    billingZipCode
    status
    quickbooksId
    createdAt
    updatedAt
  }
`

const appointmentFields = /* GraphQL */ `
  fragment PomAppointmentFields on Appointment {
    id
    customer { id }
    scheduledAt
    status
    updatedAt
  }
`

const serviceFields = /* GraphQL */ `
  fragment PomServiceFields on Service {
    id
    customer { id }
    appointment { id }
    completedAt
    updatedAt
  }
`

/** One page of customers with their appointments and services, so the pull needs no request per customer. */
export const pullCustomersPage: PomDocument = {
  operationName: "PullCustomersPage",
  query: /* GraphQL */ `
    query PullCustomersPage($first: Int!, $after: String) {
      infiniteCustomers(first: $first, after: $after) {
        edges {
          cursor
          node {
            ...PomCustomerFields
            appointments { id scheduledAt status }
            services { id appointmentId completedAt }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
    ${customerFields}
  `
}

export const readCustomer: PomDocument = {
  operationName: "ReadCustomer",
  query: /* GraphQL */ `
    query ReadCustomer($selector: CustomerSelector!) {
      customer(selector: $selector) { ...PomCustomerFields }
    }
    ${customerFields}
  `
}

export const readAppointment: PomDocument = {
  operationName: "ReadAppointment",
  query: /* GraphQL */ `
    query ReadAppointment($selector: AppointmentSelector!) {
      appointment(selector: $selector) { ...PomAppointmentFields }
    }
    ${appointmentFields}
  `
}

export const readService: PomDocument = {
  operationName: "ReadService",
  query: /* GraphQL */ `
    query ReadService($selector: ServiceSelector!) {
      service(selector: $selector) { ...PomServiceFields }
    }
    ${serviceFields}
  `
}

/** `input: { quickbooksId?: String (null clears the link), status?: CustomerStatus, clientMutationId?: String }` */
export const updateCustomer: PomDocument = {
  operationName: "UpdateCustomer",
  query: /* GraphQL */ `
    mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
      updateCustomer(id: $id, input: $input) { ...PomCustomerFields }
    }
    ${customerFields}
  `
}

/** `input: { customerId: ID!, clientMutationId?: String }` */
export const updateAppointment: PomDocument = {
  operationName: "UpdateAppointment",
  query: /* GraphQL */ `
    mutation UpdateAppointment($id: ID!, $input: UpdateAppointmentInput!) {
      updateAppointment(id: $id, input: $input) { ...PomAppointmentFields }
    }
    ${appointmentFields}
  `
}

/** `input: { customerId: ID!, clientMutationId?: String }` */
export const updateService: PomDocument = {
  operationName: "UpdateService",
  query: /* GraphQL */ `
    mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {
      updateService(id: $id, input: $input) { ...PomServiceFields }
    }
    ${serviceFields}
  `
}
