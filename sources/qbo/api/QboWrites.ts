import { Data, Either } from "effect"
import type { QboCustomerId, QboInvoiceId } from "../../../pipeline/domain/Ids.ts"
import { QboInvalidRequest } from "./QboRequestErrors.ts"

/** The customer fields the reconciler may change. QBO keeps every field a sparse update leaves out. */
export interface CustomerSparseFields {
  readonly DisplayName?: string
  readonly Active?: boolean
  readonly GivenName?: string
  readonly FamilyName?: string
  readonly CompanyName?: string
  readonly Notes?: string
}

/**
 * The invoice fields the reconciler may change. `Line` is deliberately absent: in a sparse update it replaces
 * every line of the invoice.
 */
export interface InvoiceSparseFields {
  readonly CustomerRef?: { readonly value: QboCustomerId; readonly name?: string }
  readonly PrivateNote?: string
}

const customerFieldNames: ReadonlyArray<keyof CustomerSparseFields> = ["DisplayName", "Active", "GivenName", "FamilyName", "CompanyName", "Notes"]
const invoiceFieldNames: ReadonlyArray<keyof InvoiceSparseFields> = ["CustomerRef", "PrivateNote"]

export interface SparseUpdate<Id, Fields> {
  readonly id: Id
  readonly syncToken: string
  readonly fields: Fields
  /** Unique per intended change (a UUID); a retry or a rerun with the same id is not applied twice. */
  readonly requestId: string
}

export type CustomerUpdate = SparseUpdate<QboCustomerId, CustomerSparseFields>
export type InvoiceUpdate = SparseUpdate<QboInvoiceId, InvoiceSparseFields>

// Copies only the named fields, so nothing else (a `Line` above all) can ride along in a wider object.
const pick = <F extends object>(fields: F, names: ReadonlyArray<keyof F>): Record<string, unknown> => {
  const picked: Record<string, unknown> = {}
  for (const name of names) {
    const value = fields[name]
    if (value !== undefined) picked[String(name)] = value
  }
  return picked
}

export const customerSparseBody = (id: string, syncToken: string, fields: CustomerSparseFields): Record<string, unknown> => ({
  ...pick(fields, customerFieldNames),
  Id: id,
  SyncToken: syncToken,
  sparse: true
})

export const invoiceSparseBody = (id: string, syncToken: string, fields: InvoiceSparseFields): Record<string, unknown> => ({
  ...pick(fields, invoiceFieldNames),
  Id: id,
  SyncToken: syncToken,
  sparse: true
})

/** One item of a batch request. */
export type QboBatchItem = Data.TaggedEnum<{
  UpdateCustomer: { readonly bId: string; readonly id: QboCustomerId; readonly syncToken: string; readonly fields: CustomerSparseFields }
  UpdateInvoice: { readonly bId: string; readonly id: QboInvoiceId; readonly syncToken: string; readonly fields: InvoiceSparseFields }
  Query: { readonly bId: string; readonly query: string }
}>
export const QboBatchItem = Data.taggedEnum<QboBatchItem>()

export const batchItemBody = (item: QboBatchItem): Record<string, unknown> =>
  QboBatchItem.$match(item, {
    UpdateCustomer: ({ bId, id, syncToken, fields }) => ({ bId, operation: "update", Customer: customerSparseBody(id, syncToken, fields) }),
    UpdateInvoice: ({ bId, id, syncToken, fields }) => ({ bId, operation: "update", Invoice: invoiceSparseBody(id, syncToken, fields) }),
    Query: ({ bId, query }) => ({ bId, Query: query })
  })

export const maxBatchItems = 30

/** Checks a requestid against QBO's limits: at most 50 characters, 36 for a batch. */
export const checkRequestId = (requestId: string, operation: string, isBatch: boolean): Either.Either<string, QboInvalidRequest> => {
  const max = isBatch ? 36 : 50
  if (requestId.trim() === "") return Either.left(new QboInvalidRequest({ operation, reason: "a requestid is required for every write" }))
  if (requestId.length > max) {
    return Either.left(new QboInvalidRequest({ operation, reason: `the requestid is ${requestId.length} characters; QBO allows ${max}` }))
  }
  return Either.right(requestId)
}

/** Checks a batch against QBO's rules: 1 to 30 items, unique bIds of at most 10 characters (with a requestid). */
export const checkBatch = (items: ReadonlyArray<QboBatchItem>, operation: string): Either.Either<ReadonlyArray<QboBatchItem>, QboInvalidRequest> => {
  const fail = (reason: string) => Either.left(new QboInvalidRequest({ operation, reason }))
  if (items.length === 0) return fail("the batch is empty")
  if (items.length > maxBatchItems) return fail(`the batch has ${items.length} items; QBO takes at most ${maxBatchItems}`)
  const seen = new Set<string>()
  for (const item of items) {
    if (item.bId === "" || item.bId.length > 10) return fail(`bId "${item.bId}" must be 1 to 10 characters when a requestid is sent`)
    if (seen.has(item.bId)) return fail(`bId "${item.bId}" is used twice`)
    seen.add(item.bId)
  }
  return Either.right(items)
}
