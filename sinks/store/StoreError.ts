import { Schema } from "effect"

/** The store could not be opened, migrated, read or written. */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  path: Schema.String,
  operation: Schema.String,
  cause: Schema.Defect
}) {
  override get message(): string {
    const detail = this.cause instanceof Error ? this.cause.message : String(this.cause)
    return `The store ${this.path} failed to ${this.operation}: ${detail}. Check the path given with --db is writable and not used by another program.`
  }
}
