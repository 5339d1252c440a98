import { Effect, ParseResult, Schema } from "effect"
import { randomUUID } from "node:crypto"
import type { PomAppointmentId, PomCustomerId, PomServiceId, QboCustomerId } from "../../../pipeline/domain/Ids.ts"
import type { PomAppointment, PomCustomer, PomService, PomStatus } from "../../../pipeline/domain/PomRecords.ts"
import type { RejectedRow } from "../../../pipeline/domain/RejectedRow.ts"
import type { UnreadableRecord } from "../../../pipeline/domain/UnreadableRecord.ts"
import { collectingSink, type HistorySink } from "../../../pipeline/domain/History.ts"
import * as documents from "./documents.ts"
import { PomNotFound, PomProtocolError, type PomApiError } from "./PomApiError.ts"
import { PomConfig } from "./PomConfig.ts"
import { PomGraphql, type PomTarget } from "./PomGraphql.ts"
import { reportPomProgress } from "./PomProgress.ts"
import { recordsFromNodes, toPomAppointment, toPomCustomer, toPomService, type PomRecords } from "./pomRecords.ts"
import {
  WireCustomersPage,
  WireReadAppointment,
  WireReadCustomer,
  WireReadService,
  WireUpdateAppointment,
  WireUpdateCustomer,
  WireUpdateService
} from "./pomWire.ts"

/** What one write changes on a customer; a field left out is left as it is. `quickbooksId: null` clears the link. */
export interface PomCustomerChange {
  readonly quickbooksId?: QboCustomerId | null
  readonly status?: PomStatus
}

export interface PomWriteOptions {
  /**
   * POM answers a repeated key with the first result instead of applying the write again. Pass one derived
   * from the plan step to make re-running an apply safe; without one, each call gets a fresh key that its own
   * retries reuse.
   */
  readonly clientMutationId?: string
}

export interface PomWritten<A> {
  readonly record: A
  /** POM's `updatedAt` after the write. */
  readonly updatedAt: string | null
  /** The key the write was sent with, for the apply log. */
  readonly clientMutationId: string
}

const decodeData =
  <A, I>(schema: Schema.Schema<A, I>, operation: string) =>
  (data: unknown): Effect.Effect<A, PomProtocolError> =>
    Schema.decodeUnknown(schema)(data).pipe(
      Effect.mapError(
        (error) => new PomProtocolError({ operation, detail: ParseResult.TreeFormatter.formatErrorSync(error) })
      )
    )

const present = <A>(target: PomTarget, operation: string, value: A | null): Effect.Effect<A, PomNotFound> =>
  value === null ? Effect.fail(new PomNotFound({ operation, kind: target.kind, id: target.id })) : Effect.succeed(value)

const mutationId = (options: PomWriteOptions | undefined): Effect.Effect<string> =>
  options?.clientMutationId === undefined ? Effect.sync(randomUUID) : Effect.succeed(options.clientMutationId)

/**
 * The POM GraphQL API, as the pipeline uses it: one pull of every customer with its appointments and services,
 * reads of single records (apply re-checks each record before writing), and the three writes a merge needs.
 * Provide PomConfig and an HttpClient; report progress by providing PomProgress.
 */
export class PomClient extends Effect.Service<PomClient>()("reconcile/PomClient", {
  effect: Effect.gen(function* () {
    const settings = yield* PomConfig
    const graphql = yield* PomGraphql

    /**
     * Every customer, page by page; customers POM sends in a shape this client cannot read are in `rejected`.
     * Each page's appointments and services go to `sink` as the page arrives: a company's history is many times
     * its customers, and is not kept here.
     */
    const streamCustomers = (
      sink: Pick<HistorySink, "appointment" | "service">
    ): Effect.Effect<Omit<PomRecords, "appointments" | "services">, PomApiError> => Effect.gen(function* () {
      const operation = documents.pullCustomersPage.operationName
      const customers: Array<PomCustomer> = []
      let appointments = 0
      let services = 0
      const rejected: Array<RejectedRow> = []
      const unreadable: Array<UnreadableRecord> = []
      const pulled = new Set<string>()
      let after: string | null = null
      for (let page = 1; ; page++) {
        const data: unknown = yield* graphql.execute(documents.pullCustomersPage, { first: settings.pageSize, after })
        const decodedPage: typeof WireCustomersPage.Type = yield* decodeData(WireCustomersPage, operation)(data)
        const { edges, pageInfo } = decodedPage.infiniteCustomers
        const records = recordsFromNodes(
          edges.map((edge) => edge.node),
          customers.length + rejected.length + 1,
          pulled
        )
        records.customers.forEach((customer) => pulled.add(customer.id))
        customers.push(...records.customers)
        for (const a of records.appointments) sink.appointment(a)
        for (const s of records.services) sink.service(s)
        appointments += records.appointments.length
        services += records.services.length
        rejected.push(...records.rejected)
        unreadable.push(...records.unreadable)
        yield* reportPomProgress({
          _tag: "PageFetched",
          page,
          customers: customers.length,
          appointments,
          services
        })
        if (!pageInfo.hasNextPage) break
        if (pageInfo.endCursor === null || pageInfo.endCursor === after) {
          return yield* new PomProtocolError({
            operation,
            detail: `page ${page} says more pages follow but its endCursor did not move; stopping rather than reading the same page forever`
          })
        }
        after = pageInfo.endCursor
      }
      return { customers, rejected, unreadable }
    }).pipe(Effect.withSpan("PomClient.pullCustomers"))

    /** Every customer with its history, whole: for small companies and tests. */
    const pullCustomers: Effect.Effect<PomRecords, PomApiError> = Effect.suspend(() => {
      const collected = collectingSink()
      return Effect.map(streamCustomers(collected.sink), (read) => ({ ...read, appointments: collected.appointments, services: collected.services }))
    })

    const readCustomer = (id: PomCustomerId): Effect.Effect<PomCustomer, PomApiError> => {
      const target: PomTarget = { kind: "customer", id }
      const operation = documents.readCustomer.operationName
      return graphql.execute(documents.readCustomer, { selector: { id } }, target).pipe(
        Effect.flatMap(decodeData(WireReadCustomer, operation)),
        Effect.flatMap(({ customer }) => present(target, operation, customer)),
        Effect.map(toPomCustomer),
        Effect.withSpan("PomClient.readCustomer")
      )
    }

    const readAppointment = (id: PomAppointmentId): Effect.Effect<PomAppointment, PomApiError> => {
      const target: PomTarget = { kind: "appointment", id }
      const operation = documents.readAppointment.operationName
      return graphql.execute(documents.readAppointment, { selector: { id } }, target).pipe(
        Effect.flatMap(decodeData(WireReadAppointment, operation)),
        Effect.flatMap(({ appointment }) => present(target, operation, appointment)),
        Effect.map(toPomAppointment),
        Effect.withSpan("PomClient.readAppointment")
      )
    }

    const readService = (id: PomServiceId): Effect.Effect<PomService, PomApiError> => {
      const target: PomTarget = { kind: "service", id }
      const operation = documents.readService.operationName
      return graphql.execute(documents.readService, { selector: { id } }, target).pipe(
        Effect.flatMap(decodeData(WireReadService, operation)),
        Effect.flatMap(({ service }) => present(target, operation, service)),
        Effect.map(toPomService),
        Effect.withSpan("PomClient.readService")
      )
    }

    const updateCustomer = (
      id: PomCustomerId,
      change: PomCustomerChange,
      options?: PomWriteOptions
    ): Effect.Effect<PomWritten<PomCustomer>, PomApiError> =>
      Effect.gen(function* () {
        const clientMutationId = yield* mutationId(options)
        const input = {
          ...(change.quickbooksId === undefined ? {} : { quickbooksId: change.quickbooksId }),
          ...(change.status === undefined ? {} : { status: change.status }),
          clientMutationId
        }
        const data = yield* graphql.execute(documents.updateCustomer, { id, input }, { kind: "customer", id })
        const { updateCustomer: wire } = yield* decodeData(WireUpdateCustomer, documents.updateCustomer.operationName)(data)
        const record = toPomCustomer(wire)
        return { record, updatedAt: record.updatedAt, clientMutationId }
      }).pipe(Effect.withSpan("PomClient.updateCustomer"))

    /** Moves an appointment to another customer. */
    const updateAppointment = (
      id: PomAppointmentId,
      change: { readonly customerId: PomCustomerId },
      options?: PomWriteOptions
    ): Effect.Effect<PomWritten<PomAppointment>, PomApiError> =>
      Effect.gen(function* () {
        const clientMutationId = yield* mutationId(options)
        const input = { customerId: change.customerId, clientMutationId }
        const data = yield* graphql.execute(documents.updateAppointment, { id, input }, { kind: "appointment", id })
        const { updateAppointment: wire } = yield* decodeData(WireUpdateAppointment, documents.updateAppointment.operationName)(data)
        return { record: toPomAppointment(wire), updatedAt: wire.updatedAt, clientMutationId }
      }).pipe(Effect.withSpan("PomClient.updateAppointment"))

    /** Moves a service record to another customer. */
    const updateService = (
      id: PomServiceId,
      change: { readonly customerId: PomCustomerId },
      options?: PomWriteOptions
    ): Effect.Effect<PomWritten<PomService>, PomApiError> =>
      Effect.gen(function* () {
        const clientMutationId = yield* mutationId(options)
        const input = { customerId: change.customerId, clientMutationId }
        const data = yield* graphql.execute(documents.updateService, { id, input }, { kind: "service", id })
        const { updateService: wire } = yield* decodeData(WireUpdateService, documents.updateService.operationName)(data)
        return { record: toPomService(wire), updatedAt: wire.updatedAt, clientMutationId }
      }).pipe(Effect.withSpan("PomClient.updateService"))

    return { streamCustomers, pullCustomers, readCustomer, readAppointment, readService, updateCustomer, updateAppointment, updateService } as const
  }),
  dependencies: [PomGraphql.Default]
}) {}
