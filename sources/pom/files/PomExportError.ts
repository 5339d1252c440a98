import { Schema } from "effect"

/** A POM export folder that cannot be read: a missing or unreadable file, or a file without a required column. */
export class PomExportError extends Schema.TaggedError<PomExportError>()("PomExportError", {
  file: Schema.String,
  line: Schema.NullOr(Schema.Number),
  /** The required column the file lacks, when that is the problem. */
  column: Schema.NullOr(Schema.String),
  /** The headers the file does have, so a misnamed column is easy to spot. */
  headersFound: Schema.Array(Schema.String),
  /** What is wrong and what to do about it. */
  detail: Schema.String
}) {
  override get message(): string {
    return `${this.file}${this.line === null ? "" : `, line ${this.line}`}: ${this.detail}`
  }
}
