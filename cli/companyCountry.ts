import { Effect, Option } from "effect"
import { type Country, countryNamed } from "../matchers/normalize/Country.ts"

/** `--country` if given, else the live QBO company's country when it is one the matcher reads. */
export const companyCountry = (option: Option.Option<Country>, qbo: string | null): Effect.Effect<Country | null> => {
  if (Option.isSome(option) || qbo === null) return Effect.succeed(Option.getOrNull(option))
  const country = countryNamed(qbo)
  return country !== null
    ? Effect.succeed(country)
    : Effect.as(Effect.logInfo(`QBO's company country is ${qbo}: addresses that do not name their country are read as US ones (see --country)`), null)
}

