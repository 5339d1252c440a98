import { Schema } from "effect"

/**
 * One scenario of the QBO pull benchmark (bench/qboPull.ts --json FILE), as `npm run bench` reads it back from
 * that process. A schema, so a renamed field fails the benchmark instead of printing zeros.
 */
export const QboPullFigures = Schema.Struct({
  scenario: Schema.String,
  customers: Schema.Number,
  invoices: Schema.Number,
  requests: Schema.Number,
  throttled: Schema.Number,
  seconds: Schema.Number,
  /** Starts per minute from the first admitted request to the last, over QBO's 500 a minute. */
  shareOfCeiling: Schema.Number,
  peakPerSecond: Schema.Number,
  peakPerMinute: Schema.Number
})
export type QboPullFigures = typeof QboPullFigures.Type
