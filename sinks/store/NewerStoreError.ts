import { Schema } from "effect"

/**
 * The store holds migrations this build does not know: a newer version of reconcile wrote it. Reading or
 * writing it with this version could misread its tables, so the store is left as it is.
 */
export class NewerStoreError extends Schema.TaggedError<NewerStoreError>()("NewerStoreError", {
  path: Schema.String,
  /** When the newest migration in the store was made, and the newest this build knows (drizzle's `when`). */
  storeMigration: Schema.Number,
  knownMigration: Schema.Number
}) {
  override get message(): string {
    return `${this.path}: this store was written by a newer version of reconcile; use that version or another --db.`
  }
}
