import { Schema } from "effect"

/** A QBO snapshot folder that cannot be read: a missing or unreadable file, invalid JSON, or an unexpected shape. */
export class QboSnapshotError extends Schema.TaggedError<QboSnapshotError>()("QboSnapshotError", {
  file: Schema.String,
  /** 1-based line and column of a JSON syntax error. */
  line: Schema.NullOr(Schema.Number),
  column: Schema.NullOr(Schema.Number),
  /** What is wrong and what to do about it. */
  detail: Schema.String
}) {
  override get message(): string {
    const at = this.line === null ? "" : `, line ${this.line}${this.column === null ? "" : `, column ${this.column}`}`
    return `${this.file}${at}: ${this.detail}`
  }
}
