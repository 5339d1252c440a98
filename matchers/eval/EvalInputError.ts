import { Schema } from "effect"

/** An evaluation that cannot run as asked: a bad `--map`, a missing column, a truth value the pattern cannot read. */
export class EvalInputError extends Schema.TaggedError<EvalInputError>()("EvalInputError", {
  /** The file or option at fault. */
  source: Schema.String,
  line: Schema.NullOr(Schema.Number),
  detail: Schema.String
}) {
  override get message(): string {
    return `${this.source}${this.line === null ? "" : `, line ${this.line}`}: ${this.detail}`
  }
}
