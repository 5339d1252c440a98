import { Effect, Either, Layer } from "effect"
import { createHash } from "node:crypto"
import {
  type InvoiceState,
  QboTarget,
  type QboCustomerState,
  TargetUnavailable,
  type WriteOutcome
} from "../../pipeline/apply/ApplyTargets.ts"
import type { QboCustomerId, QboInvoiceId } from "../../pipeline/domain/Ids.ts"
import { QboClient } from "../../sources/qbo/api/QboClient.ts"
import { defaultQboClientOptions, type QboClientOptions } from "../../sources/qbo/api/QboClientSettings.ts"
import type { QboFault, QboRequestError, QboUnexpectedResponse } from "../../sources/qbo/api/QboRequestErrors.ts"
import { QboBatchItem, maxBatchItems } from "../../sources/qbo/api/QboWrites.ts"
import { decodeQboCustomer, decodeQboInvoice } from "../../sources/qbo/QboEntities.ts"

/** Ids per `WHERE Id IN (...)` query: one request reads many records, and the query stays short. */
const IDS_PER_QUERY = 200

/**
 * The QBO client's settings for apply. Its reads are `Id IN` lists of at most 200 ids, one page each: fetching
 * pages several at a time, as a full pull does, would only spend QBO's request budget on empty pages.
 */
export const applyQboClientOptions: QboClientOptions = { ...defaultQboClientOptions, pageConcurrency: 1 }

const unavailable = (e: QboRequestError) => new TargetUnavailable({ system: "qbo", detail: e.message })

const refused = (e: QboFault | QboUnexpectedResponse): WriteOutcome<never> =>
  e._tag === "QboFault"
    ? { ok: false, code: e.code, message: e.faultMessage || e.message, stale: e.kind === "staleObject" }
    : { ok: false, code: "unexpected-response", message: e.message, stale: false }

const quoted = (ids: ReadonlyArray<string>) => ids.map((id) => `'${id.replace(/'/g, "\\'")}'`).join(", ")

const chunks = <A>(xs: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size))
  return out
}

/**
 * A batch's own requestid (≤36 characters for batches): derived from its items' ids, so the same batch resent
 * after a lost answer is a replay, not a second execution.
 */
const batchRequestId = (itemRequestIds: ReadonlyArray<string>) =>
  createHash("sha256").update(itemRequestIds.join("|")).digest("hex").slice(0, 32)

const invoiceState = (raw: unknown): Either.Either<readonly [QboInvoiceId, InvoiceState], string> =>
  Either.map(decodeQboInvoice(raw), (i) => [i.id, { syncToken: i.syncToken, customerId: i.customerId }] as const)

const customerState = (raw: unknown): Either.Either<readonly [QboCustomerId, QboCustomerState], string> =>
  Either.map(decodeQboCustomer(raw), (c) => [c.id, { syncToken: c.syncToken, active: c.active, balance: c.balance }] as const)

const customerWritten = (raw: unknown): WriteOutcome<QboCustomerState> =>
  Either.match(customerState(raw), {
    onLeft: (reason): WriteOutcome<QboCustomerState> => ({ ok: false, code: "unexpected-response", message: reason, stale: false }),
    onRight: ([, state]): WriteOutcome<QboCustomerState> => ({ ok: true, state })
  })

/** Apply's QBO side: reads by `Id IN (...)` queries, invoice moves through the batch endpoint, sparse updates. */
export const QboApiTargetLive = Layer.effect(
  QboTarget,
  Effect.gen(function* () {
    const client = yield* QboClient
    const readMany = <Id extends string, S>(
      select: (ids: string) => string,
      ids: ReadonlyArray<Id>,
      decode: (raw: unknown) => Either.Either<readonly [Id, S], string>
    ) =>
      Effect.forEach(chunks(ids, IDS_PER_QUERY), (chunk) => client.query(select(quoted(chunk)))).pipe(
        Effect.mapError(unavailable),
        Effect.map((pages) => new Map(pages.flat().flatMap((raw) => Either.match(decode(raw), { onLeft: () => [], onRight: (row) => [row] }))))
      )

    return {
      readInvoices: (ids) => readMany((list) => `SELECT * FROM Invoice WHERE Id IN (${list})`, ids, invoiceState),
      readCustomers: (ids) =>
        // Inactive customers are left out of queries unless asked for.
        readMany((list) => `SELECT * FROM Customer WHERE Id IN (${list}) AND Active IN (true, false)`, ids, customerState),
      moveInvoices: (moves) =>
        Effect.forEach(chunks(moves, maxBatchItems), (chunk) => {
          const items = chunk.map((m, i) =>
            QboBatchItem.UpdateInvoice({ bId: `b${i + 1}`, id: m.invoiceId, syncToken: m.syncToken, fields: { CustomerRef: { value: m.to } } })
          )
          return client.batch(items, batchRequestId(chunk.map((m) => m.requestId))).pipe(
            Effect.mapError(unavailable),
            Effect.map((results) =>
              items.map((item): WriteOutcome<InvoiceState> => {
                const result = results.find((r) => r.bId === item.bId)
                if (result === undefined) return { ok: false, code: "missing", message: "QBO did not answer for this item", stale: false }
                if (result._tag === "Failed") return refused(result.error)
                if (result._tag === "Queried") return { ok: false, code: "unexpected-response", message: "a query answer to an update", stale: false }
                return Either.match(invoiceState(result.entity), {
                  onLeft: (reason): WriteOutcome<InvoiceState> => ({ ok: false, code: "unexpected-response", message: reason, stale: false }),
                  onRight: ([, state]) => ({ ok: true, state })
                })
              })
            )
          )
        }).pipe(Effect.map((parts) => parts.flat())),
      inactivateCustomer: ({ id, syncToken, requestId }) =>
        client.sparseUpdateCustomer({ id, syncToken, fields: { Active: false }, requestId }).pipe(
          Effect.map(customerWritten),
          Effect.catchTag("QboFault", (e) => Effect.succeed<WriteOutcome<QboCustomerState>>(refused(e))),
          Effect.mapError(unavailable)
        ),
      reactivateCustomer: ({ id, syncToken, requestId }) =>
        Effect.gen(function* () {
          // QBO shows an inactive customer as "Name (deleted)"; whether reactivating drops the mark is not
          // documented, so the name is sent without it (the decoder strips it), read under the same SyncToken.
          const rows = yield* client.query(`SELECT * FROM Customer WHERE Id IN (${quoted([id])}) AND Active IN (true, false)`)
          const current = rows.map(decodeQboCustomer).find((c) => Either.isRight(c) && c.right.id === id)
          if (current === undefined || Either.isLeft(current)) {
            return { ok: false, code: "610", message: `QBO customer ${id} could not be read`, stale: false } satisfies WriteOutcome<QboCustomerState>
          }
          if (current.right.syncToken !== syncToken) {
            return { ok: false, code: "5010", message: `QBO customer ${id} changed (SyncToken ${syncToken} → ${current.right.syncToken})`, stale: true } satisfies WriteOutcome<QboCustomerState>
          }
          const raw = yield* client.sparseUpdateCustomer({ id, syncToken, fields: { Active: true, DisplayName: current.right.displayName }, requestId })
          return customerWritten(raw)
        }).pipe(
          Effect.catchTag("QboFault", (e) => Effect.succeed<WriteOutcome<QboCustomerState>>(refused(e))),
          Effect.mapError(unavailable)
        )
    }
  })
)
