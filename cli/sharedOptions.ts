import { Options } from "@effect/cli"

/** Options several commands share, defined once so they read the same everywhere. */
export const dbOption = Options.file("db").pipe(
  Options.withDefault("./reconcile.db"),
  Options.withDescription("The SQLite store (created if missing; holds runs, cases, plans and QBO tokens)")
)

export const jsonOption = Options.boolean("json").pipe(
  Options.withDescription("Print the result as one JSON object on stdout instead of a human summary")
)
