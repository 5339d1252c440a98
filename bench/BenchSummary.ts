import { Schema } from "effect"

/**
 * The part of `reconcile run --json` (the run's `RunSummary`) the benchmark reads. Declared as a schema so the
 * CLI's output is checked rather than trusted: a renamed field fails the benchmark instead of printing zeros.
 */
export const BenchSummary = Schema.Struct({
  runId: Schema.String,
  records: Schema.Struct({
    pomCustomers: Schema.Number,
    appointments: Schema.Number,
    services: Schema.Number,
    qboCustomers: Schema.Number,
    invoices: Schema.Number
  }),
  rejected: Schema.Number,
  cases: Schema.Struct({ total: Schema.Number, byScenario: Schema.Record({ key: Schema.String, value: Schema.Number }) }),
  matching: Schema.Struct({
    records: Schema.Number,
    candidatePairs: Schema.Number,
    matchedPairs: Schema.Number,
    perRule: Schema.Array(Schema.Struct({ rule: Schema.String, candidatePairs: Schema.Number }))
  }),
  timings: Schema.Record({ key: Schema.String, value: Schema.Number })
})
export type BenchSummary = typeof BenchSummary.Type

/** The stages of `reconcile run`, in the order they happen, as `summary.timings` names them. */
export const pipelineStages = ["readPom", "readQbo", "storeHistory", "storeSnapshot", "match", "cases", "storeCases", "write", "total"] as const
