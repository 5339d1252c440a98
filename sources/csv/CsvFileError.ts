import { Schema } from "effect"

export const CsvFileProblem = Schema.Literal("not-found", "unreadable", "malformed", "empty")
export type CsvFileProblem = typeof CsvFileProblem.Type

/**
 * A CSV file that cannot be read at all. Row-level problems are not errors of the file: readers turn them into
 * rejected rows and carry on.
 */
export class CsvFileError extends Schema.TaggedError<CsvFileError>()("CsvFileError", {
  file: Schema.String,
  problem: CsvFileProblem,
  /** 1-based line the problem was found at, when it is about the content. */
  line: Schema.NullOr(Schema.Number),
  /** What is wrong and what to do about it. */
  detail: Schema.String
}) {
  override get message(): string {
    return `${this.file}${this.line === null ? "" : `, line ${this.line}`}: ${this.detail}`
  }
}
