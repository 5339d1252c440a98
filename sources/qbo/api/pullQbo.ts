import { Effect } from "effect"
import { QboClient } from "./QboClient.ts"
import type { QboRequestError } from "./QboRequestErrors.ts"

export interface QboPull {
  readonly customers: ReadonlyArray<unknown>
  readonly invoices: ReadonlyArray<unknown>
}

/**
 * The QBO side of a live pull: every customer (inactive ones included) and every invoice, as QBO's raw JSON.
 * Decode with `decodeQboCustomers` / `decodeQboInvoices` from `sources/qbo/QboEntities.ts`.
 */
export const pullQbo: Effect.Effect<QboPull, QboRequestError, QboClient> = Effect.gen(function* () {
  const client = yield* QboClient
  const customers = yield* client.pullCustomers
  const invoices = yield* client.pullInvoices
  return { customers, invoices }
}).pipe(Effect.withSpan("pullQbo"))
