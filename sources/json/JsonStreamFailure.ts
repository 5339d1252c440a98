import { Data } from "effect"

/**
 * Text that is not JSON, or nests deeper than allowed, at a 1-based line and column. Thrown inside the streaming
 * reader's own loop (plain async code) and turned into the caller's error where it meets Effect.
 */
export class JsonStreamFailure extends Data.TaggedError("JsonStreamFailure")<{
  readonly line: number
  readonly column: number
  readonly reason: "syntax" | "too-deep"
  readonly detail: string
}> {}
