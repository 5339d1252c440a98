import { type Config, type ConfigError, Effect, Schema } from "effect"

/** What a system's settings are for, in words, so that a missing one can be asked for by what it is. */
export interface SettingsGuide {
  /** The system, as a person names it: "QuickBooks Online". */
  readonly system: string
  /** The README section that explains where each value comes from. */
  readonly readmeSection: string
  /** Each environment variable with what it is, e.g. `QBO_CLIENT_ID` → "the client id of your Intuit app". */
  readonly settings: Readonly<Record<string, string>>
}

/**
 * Settings of QBO or POM that are missing or unusable, said as what to set and what each one is for. Values are
 * never part of it: some settings are secrets.
 */
export class SettingsError extends Schema.TaggedError<SettingsError>()("SettingsError", {
  system: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    return this.detail
  }
}

type Need =
  | { readonly _tag: "Missing"; readonly name: string }
  | { readonly _tag: "Unusable"; readonly name: string; readonly reason: string }
  | { readonly _tag: "Either"; readonly alternatives: ReadonlyArray<ReadonlyArray<Need>> }

const needsOf = (error: ConfigError.ConfigError): ReadonlyArray<Need> => {
  switch (error._op) {
    case "And":
      return [...needsOf(error.left), ...needsOf(error.right)]
    case "Or": {
      const alternatives = (e: ConfigError.ConfigError): ReadonlyArray<ReadonlyArray<Need>> =>
        e._op === "Or" ? [...alternatives(e.left), ...alternatives(e.right)] : [needsOf(e)]
      return [{ _tag: "Either", alternatives: alternatives(error) }]
    }
    case "MissingData":
      return [{ _tag: "Missing", name: error.path.join("_") }]
    case "InvalidData":
    case "SourceUnavailable":
    case "Unsupported":
      return [{ _tag: "Unusable", name: error.path.join("_"), reason: error.message }]
  }
}

const listed = (items: ReadonlyArray<string>): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`

const describe = (guide: SettingsGuide, name: string): string => {
  const what = guide.settings[name]
  return what === undefined ? name : `${name} (${what})`
}

const sayNeeds = (guide: SettingsGuide, needs: ReadonlyArray<Need>): ReadonlyArray<string> => {
  const missing = needs.flatMap((n) => (n._tag === "Missing" ? [describe(guide, n.name)] : []))
  return [
    ...(missing.length === 0 ? [] : [`set ${listed(missing)}`]),
    ...needs.flatMap((n) => {
      switch (n._tag) {
        case "Missing":
          return []
        case "Unusable":
          // Our own validations already name the setting ("POM_PAGE_SIZE must be ..."); Effect's do not.
          return [n.reason.includes(n.name) ? n.reason : `${describe(guide, n.name)} is not usable: ${n.reason}`]
        case "Either":
          return [`either ${n.alternatives.map((a) => sayNeeds(guide, a).join(", ")).join(", or ")}`]
      }
    })
  ]
}

/** The settings error for a failed read of `guide.system`'s configuration. */
export const settingsErrorFrom = (guide: SettingsGuide, error: ConfigError.ConfigError): SettingsError => {
  const needs = needsOf(error)
  const incomplete = needs.some((n) => n._tag !== "Unusable")
  return new SettingsError({
    system: guide.system,
    detail: `${guide.system} ${incomplete ? "is not set up" : "settings are not usable"}: ${sayNeeds(guide, needs).join("; ")}. See "${guide.readmeSection}" in the README.`
  })
}

/** Reads `config`, turning a missing or unusable setting into a `SettingsError` that says what to set. */
export const readSettings = <A>(config: Config.Config<A>, guide: SettingsGuide): Effect.Effect<A, SettingsError> =>
  Effect.mapError(config, (error) => settingsErrorFrom(guide, error))
