import { Either, Option, Schema } from "effect"

/** What a run read, as its summary records it (`RunSummary.records`). */
export const InputCounts = Schema.Struct({
  pomCustomers: Schema.Number,
  appointments: Schema.Number,
  services: Schema.Number,
  qboCustomers: Schema.Number,
  invoices: Schema.Number
})
export type InputCounts = typeof InputCounts.Type

/** The previous run on the same store and what it read. */
export interface PreviousInput {
  readonly runId: string
  readonly counts: InputCounts
}

/** The counts in a stored run summary; none for a summary of another shape (an older or failed run). */
export const countsOfSummary = (summary: unknown): Option.Option<InputCounts> =>
  Option.map(Schema.decodeUnknownOption(Schema.Struct({ records: InputCounts }))(summary), (s) => s.records)

/**
 * An input that looks broken rather than changed: a side with no customers, or far less than the previous run
 * read. Planning from it would make every case with the missing records look "fixed by hand".
 */
export class InputShrankError extends Schema.TaggedError<InputShrankError>()("InputShrankError", {
  side: Schema.Literal("pom", "qbo"),
  what: Schema.String,
  /** Where this run read the side from. */
  source: Schema.String,
  before: Schema.NullOr(Schema.Number),
  now: Schema.Number,
  previousRunId: Schema.NullOr(Schema.String)
}) {
  /** What was found, without the advice. */
  get finding(): string {
    const side = this.side === "pom" ? "POM" : "QBO"
    return this.before === null || this.previousRunId === null
      ? `${side} has no ${this.what} in ${this.source}`
      : `${side} ${this.what} fell from ${this.before} (run ${this.previousRunId}) to ${this.now} in ${this.source}, more than half gone`
  }

  override get message(): string {
    return `${this.finding}: a cut-off or empty export would make its cases look fixed by hand, so nothing was planned. Check the export or the connection; if the drop is real, run again with --allow-shrink`
  }
}

/** A side shrinking to less than this share of what the previous run read stops the run. */
export const SHRINK_LIMIT = 0.5

interface Measure {
  readonly side: "pom" | "qbo"
  readonly what: string
  readonly count: (c: InputCounts) => number
}

const measures: ReadonlyArray<Measure> = [
  { side: "pom", what: "customers", count: (c) => c.pomCustomers },
  { side: "pom", what: "appointments and services", count: (c) => c.appointments + c.services },
  { side: "qbo", what: "customers", count: (c) => c.qboCustomers },
  { side: "qbo", what: "invoices", count: (c) => c.invoices }
]

/**
 * Checks what a run read against the previous run on the same store: every side needs customers, and no side's
 * customers, history or invoices may fall below half of last time. `--allow-shrink` skips the check.
 */
export const checkInputSize = (
  now: InputCounts,
  sources: { readonly pom: string; readonly qbo: string },
  previous: PreviousInput | null
): Either.Either<void, InputShrankError> => {
  for (const m of measures) {
    const count = m.count(now)
    const source = sources[m.side]
    if (m.what === "customers" && count === 0) {
      return Either.left(new InputShrankError({ side: m.side, what: m.what, source, before: null, now: count, previousRunId: null }))
    }
    const before = previous === null ? 0 : m.count(previous.counts)
    if (previous !== null && count < before * SHRINK_LIMIT) {
      return Either.left(
        new InputShrankError({ side: m.side, what: m.what, source, before, now: count, previousRunId: previous.runId })
      )
    }
  }
  return Either.void
}
