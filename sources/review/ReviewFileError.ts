import { Schema } from "effect"

/** A review file that cannot be used as a sign-off. Nothing is applied from it. */
export class ReviewFileError extends Schema.TaggedError<ReviewFileError>()("ReviewFileError", {
  file: Schema.String,
  problems: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `${this.file} cannot be applied:\n${this.problems.map((p) => `  - ${p}`).join("\n")}\nNothing was changed. Fix the file (or re-run and review again) and apply again.`
  }
}
