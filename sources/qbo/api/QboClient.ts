import { Data, Effect, Either, Option } from "effect"
import type { QboCustomerId, QboInvoiceId } from "../../../pipeline/domain/Ids.ts"
import { makeQboHttp } from "./QboHttp.ts"
import { pagesInOrder } from "./pagesInOrder.ts"
import { QboProgress } from "./QboProgress.ts"
import { type QboFault, QboInvalidRequest, type QboRequestError, QboUnexpectedResponse } from "./QboRequestErrors.ts"
import { entityOf, itemFault, queryRows } from "./QboResponses.ts"
import {
  batchItemBody,
  checkBatch,
  checkRequestId,
  type CustomerUpdate,
  customerSparseBody,
  type InvoiceUpdate,
  invoiceSparseBody,
  type QboBatchItem
} from "./QboWrites.ts"

/** What became of one batch item. A batch can succeed as a whole while some of its items fail. */
export type QboBatchResult = Data.TaggedEnum<{
  Updated: { readonly bId: string; readonly entity: unknown }
  Queried: { readonly bId: string; readonly rows: ReadonlyArray<unknown> }
  Failed: { readonly bId: string; readonly error: QboFault | QboUnexpectedResponse }
}>
export const QboBatchResult = Data.taggedEnum<QboBatchResult>()

const INVOICES_QUERY = "SELECT * FROM Invoice ORDERBY Id"

const selectPattern = /^\s*select\s+\*\s+from\s+([A-Za-z]+)\b/i

const entityOfSelect = (select: string): Either.Either<string, QboInvalidRequest> => {
  const entity = selectPattern.exec(select)?.[1]
  if (entity === undefined) return Either.left(new QboInvalidRequest({ operation: `query "${select}"`, reason: "only SELECT * FROM <Entity> queries can be paged" }))
  if (/\b(startposition|maxresults)\b/i.test(select)) {
    return Either.left(new QboInvalidRequest({ operation: `query "${select}"`, reason: "leave STARTPOSITION and MAXRESULTS out: the client pages by itself" }))
  }
  return Either.right(entity)
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const idOf = (row: unknown): string | undefined => (isRecord(row) && typeof row["Id"] === "string" ? row["Id"] : undefined)

/**
 * The QBO Accounting API, as the reconciler uses it. Entities come back as QBO's raw JSON (`unknown`); the
 * pipeline decodes them. Every write takes the caller's `requestId`, so a retry or a rerun never applies twice.
 */
export class QboClient extends Effect.Service<QboClient>()("reconcile/QboClient", {
  effect: Effect.gen(function* () {
    const { send, options } = yield* makeQboHttp
    const pageSize = Math.min(1_000, Math.max(1, options.pageSize))
    const concurrency = Math.max(1, options.pageConcurrency)

    const page = (select: string, entity: string, startPosition: number) => {
      const context = { operation: `query ${entity} (rows from ${startPosition})`, requestId: null }
      return send({
        operation: context.operation,
        method: "GET",
        path: "query",
        params: { query: `${select} STARTPOSITION ${startPosition} MAXRESULTS ${pageSize}` }
      }).pipe(Effect.flatMap((json) => queryRows(json, entity, context)))
    }

    /**
     * Every row of a `SELECT * FROM <Entity> ...` query, paged by 1,000 until a short page, `pageConcurrency`
     * pages at a time (see `pagesInOrder`). A row seen twice (the data moved between pages) is handed on once.
     * Each page's rows go to `onRow` as that page is read, in order, so a pull of a company's invoices never holds
     * more than the pages in flight; gives the number of rows.
     */
    const queryEach = (select: string, onRow: (row: unknown) => void): Effect.Effect<number, QboRequestError> =>
      Effect.gen(function* () {
        const entity = yield* entityOfSelect(select)
        let rows = 0
        let pages = 0
        const seen = new Set<string>()
        yield* pagesInOrder({
          pageSize,
          concurrency,
          fetch: (at) => page(select, entity, at),
          onPage: (pageRows, at) => {
            pages++
            for (const row of pageRows) {
              const id = idOf(row)
              if (id !== undefined && seen.has(id)) continue
              if (id !== undefined) seen.add(id)
              rows++
              onRow(row)
            }
            return options.onProgress(QboProgress.PageFetched({ entity, startPosition: at, records: pageRows.length, totalRecords: rows, pages }))
          }
        })
        return rows
      }).pipe(Effect.withSpan("QboClient.query", { attributes: { select } }))

    /** Every row of a query (see `queryEach`), gathered: for small queries and tests. */
    const query = (select: string): Effect.Effect<ReadonlyArray<unknown>, QboRequestError> =>
      Effect.suspend(() => {
        const rows: Array<unknown> = []
        return Effect.as(
          queryEach(select, (row) => void rows.push(row)),
          rows
        )
      })

    const read = (entity: "Customer" | "Invoice", id: string): Effect.Effect<unknown, QboRequestError> => {
      const context = { operation: `read ${entity} ${id}`, requestId: null }
      return send({ operation: context.operation, method: "GET", path: `${entity.toLowerCase()}/${encodeURIComponent(id)}` }).pipe(
        Effect.flatMap((json) => entityOf(json, entity, context)),
        Effect.withSpan(`QboClient.read${entity}`, { attributes: { id } })
      )
    }

    const update = (entity: "Customer" | "Invoice", id: string, body: Record<string, unknown>, requestId: string) => {
      const context = { operation: `update ${entity} ${id}`, requestId }
      return Effect.gen(function* () {
        yield* checkRequestId(requestId, context.operation, false)
        const json = yield* send({ operation: context.operation, method: "POST", path: entity.toLowerCase(), body, requestId })
        return yield* entityOf(json, entity, context)
      }).pipe(Effect.withSpan(`QboClient.sparseUpdate${entity}`, { attributes: { id, requestId } }))
    }

    const batchResult = (item: QboBatchItem, answer: unknown, requestId: string): QboBatchResult => {
      const context = { operation: `batch item ${item.bId}`, requestId }
      const fault = itemFault(answer, context)
      if (Option.isSome(fault)) return QboBatchResult.Failed({ bId: item.bId, error: fault.value })
      const decoded: Either.Either<QboBatchResult, QboUnexpectedResponse | QboFault | QboInvalidRequest> =
        item._tag === "Query"
          ? Either.flatMap(entityOfSelect(item.query), (entity) => queryRows(answer, entity, context)).pipe(
              Either.map((rows) => QboBatchResult.Queried({ bId: item.bId, rows }))
            )
          : Either.map(entityOf(answer, item._tag === "UpdateCustomer" ? "Customer" : "Invoice", context), (entity) =>
              QboBatchResult.Updated({ bId: item.bId, entity })
            )
      return Either.getOrElse(decoded, (error) =>
        QboBatchResult.Failed({
          bId: item.bId,
          error:
            error._tag === "QboInvalidRequest"
              ? new QboUnexpectedResponse({ operation: context.operation, status: 200, expected: "query rows", snippet: error.reason })
              : error
        })
      )
    }

    /** Up to 30 items in one request; QBO runs them independently and answers each one, faults included. */
    const batch = (items: ReadonlyArray<QboBatchItem>, requestId: string): Effect.Effect<ReadonlyArray<QboBatchResult>, QboRequestError> =>
      Effect.gen(function* () {
        const operation = `batch of ${items.length}`
        yield* checkBatch(items, operation)
        yield* checkRequestId(requestId, operation, true)
        const json = yield* send({
          operation,
          method: "POST",
          path: "batch",
          body: { BatchItemRequest: items.map(batchItemBody) },
          requestId,
          isBatch: true
        })
        const answers = isRecord(json) && Array.isArray(json["BatchItemResponse"]) ? json["BatchItemResponse"] : undefined
        if (answers === undefined) {
          return yield* new QboUnexpectedResponse({ operation, status: 200, expected: "BatchItemResponse", snippet: JSON.stringify(json).slice(0, 300) })
        }
        // QBO does not promise to answer in request order: match answers to items by bId.
        const byBId = new Map(answers.map((answer) => [isRecord(answer) ? String(answer["bId"]) : "", answer]))
        return items.map((item) => {
          const answer = byBId.get(item.bId)
          return answer === undefined
            ? QboBatchResult.Failed({
                bId: item.bId,
                error: new QboUnexpectedResponse({ operation: `batch item ${item.bId}`, status: 200, expected: "an answer for this bId", snippet: "missing" })
              })
            : batchResult(item, answer, requestId)
        })
      }).pipe(Effect.withSpan("QboClient.batch", { attributes: { items: items.length, requestId } }))

    /**
     * The company's country as QBO's company settings give it (`CompanyInfo.Country`, else its address's), or
     * null when it gives none: the matcher reads records without an address of their own as that country's.
     */
    const companyCountry: Effect.Effect<string | null, QboRequestError> = send({
      operation: "query CompanyInfo",
      method: "GET",
      path: "query",
      params: { query: "SELECT * FROM CompanyInfo" }
    }).pipe(
      Effect.flatMap((json) => queryRows(json, "CompanyInfo", { operation: "query CompanyInfo", requestId: null })),
      Effect.map((rows) => {
        const info = rows[0]
        if (!isRecord(info)) return null
        const address = info["CompanyAddr"]
        const country = info["Country"] ?? (isRecord(address) ? address["Country"] : undefined)
        return typeof country === "string" && country.trim() !== "" ? country : null
      }),
      Effect.withSpan("QboClient.companyCountry")
    )

    return {
      query,
      companyCountry,
      /** Every customer, inactive ones included (QBO leaves them out unless asked). */
      pullCustomers: query("SELECT * FROM Customer WHERE Active IN (true, false) ORDERBY Id"),
      pullInvoices: query(INVOICES_QUERY),
      /** Every invoice, each handed to `onInvoice` as its page is read: a company's invoices are never held at once. */
      streamInvoices: (onInvoice: (raw: unknown) => void) => queryEach(INVOICES_QUERY, onInvoice),
      readCustomer: (id: QboCustomerId) => read("Customer", id),
      readInvoice: (id: QboInvoiceId) => read("Invoice", id),
      /** Changes only the given fields; fails with a `QboFault` of kind "staleObject" if the SyncToken is old. */
      sparseUpdateCustomer: (change: CustomerUpdate) =>
        update("Customer", change.id, customerSparseBody(change.id, change.syncToken, change.fields), change.requestId),
      /** Changes only the given fields; never sends `Line`, which would replace every line of the invoice. */
      sparseUpdateInvoice: (change: InvoiceUpdate) =>
        update("Invoice", change.id, invoiceSparseBody(change.id, change.syncToken, change.fields), change.requestId),
      batch
    }
  })
}) {}
