import { rawCustomer, rawInvoice } from "../test/sources/qbo/api/rawEntities.ts"

/** A QBO company for the pull benchmarks, as the local server holds it. */
export interface QboPullData {
  readonly customers: Array<unknown>
  readonly invoices: Array<unknown>
}

export const qboPullData = (customerCount: number, invoiceCount: number): QboPullData => ({
  // One customer in twenty is inactive: QBO hides those unless asked, so they test the pull's WHERE clause.
  customers: Array.from({ length: customerCount }, (_, i) => rawCustomer({ id: String(i + 1), active: i % 20 !== 7 })),
  invoices: Array.from({ length: invoiceCount }, (_, i) =>
    rawInvoice({ id: String(i + 1), customerId: String(1 + (i % customerCount)), balance: i % 3 === 0 ? 0 : 100 })
  )
})

/** The most requests admitted in any window of `windowMillis`, from their admission times in order. */
export const peakInWindow = (times: ReadonlyArray<number>, windowMillis: number): number => {
  let best = 0
  let from = 0
  for (let to = 0; to < times.length; to++) {
    while ((times[from] ?? 0) <= (times[to] ?? 0) - windowMillis) from++
    best = Math.max(best, to - from + 1)
  }
  return best
}

/** Starts per minute from the first admitted request to the last: what QBO's ceiling is measured against. */
export const startsPerMinute = (times: ReadonlyArray<number>): number => {
  const first = times[0] ?? 0
  const last = times[times.length - 1] ?? first
  return times.length > 1 && last > first ? ((times.length - 1) / (last - first)) * 60_000 : 0
}
