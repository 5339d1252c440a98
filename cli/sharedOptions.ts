import { HelpDoc, Options, ValidationError } from "@effect/cli"
import { FileSystem } from "@effect/platform"
import { Effect } from "effect"
import { countryCode, decodedWith } from "./optionValues.ts"

/** Options several commands share, defined once so they read the same everywhere. */

const DEFAULT_DB = "./reconcile.db"

/** The store of a command that fills it (`run`, `pull`, `qbo connect`): created when missing. */
export const dbOption = Options.file("db").pipe(
  Options.withDefault(DEFAULT_DB),
  Options.withDescription(`The SQLite store (created if missing; holds runs, cases, plans and QBO tokens). Default: ${DEFAULT_DB}`)
)

/**
 * The store of a command that reads what runs left (`status`, `apply`, `decisions`). It must exist: opening a
 * mistyped path would create an empty store and answer "no runs", as if nothing had ever been found.
 */
export const existingDbOption = Options.file("db").pipe(
  Options.withDefault(DEFAULT_DB),
  Options.mapEffect((path) =>
    Effect.flatMap(FileSystem.FileSystem, (fs) => fs.exists(path)).pipe(
      Effect.orElseSucceed(() => false),
      Effect.filterOrFail(
        (exists) => exists,
        () => ValidationError.invalidValue(HelpDoc.p(`no store at ${path} (run \`reconcile run\` first, or pass the --db the run used)`))
      ),
      Effect.as(path)
    )
  ),
  Options.withDescription(`The SQLite store a run wrote (it must exist). Default: ${DEFAULT_DB}`)
)

export const jsonOption = Options.boolean("json").pipe(
  Options.withDescription("Print the result as one JSON object on stdout instead of a human summary")
)

/**
 * The company's country: postcodes and phones of a record whose address does not name its country (no state or
 * province, a postcode of four digits) are read as that country's. An address that names one keeps its own.
 */
export const countryOption = Options.text("country").pipe(
  decodedWith(countryCode("country")),
  Options.withPseudoName("US|CA|GB|AU"),
  Options.optional,
  Options.withDescription(
    "The company's country, for records whose address does not say theirs: US, CA, GB or AU. Default: read from each address (and from QBO's company settings with --qbo-api), else US"
  )
)
