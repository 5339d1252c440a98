import type { Country } from "./Country.ts"
import { countryOfPostcode, isFourDigits } from "./postcode.ts"
import { australianStates, canadianProvinces } from "./regionCodes.ts"
import { stateCodes } from "./uspsAbbreviations.ts"

const codesOf = (table: ReadonlyMap<string, string>): ReadonlySet<string> => new Set(table.values())
const us = codesOf(stateCodes)
const ca = codesOf(canadianProvinces)
const au = codesOf(australianStates)

/** The countries a normalised state may be of: none, one, or two for a code they share ("wa", "nt"). */
const countriesOfState = (state: string): ReadonlyArray<Country> => {
  const named: Array<Country> = []
  if (us.has(state)) named.push("US")
  if (ca.has(state)) named.push("CA")
  if (au.has(state)) named.push("AU")
  return named
}

/**
 * The country of an address, from what the address itself says, strongest first: a Canadian or British postcode
 * (their shapes are unmistakable), a state or province of one country, a US ZIP, an Australian state code with
 * four digits ("WA 6000"); then `hint` (the company's country) for an address that does not say; then four
 * digits as an Australian postcode; else the US. `state` is normalised (`normalizeState`), `zip` as typed.
 */
export const countryOfAddress = (state: string, zip: string, hint: Country | null): Country => {
  const byPostcode = countryOfPostcode(zip)
  if (byPostcode === "CA" || byPostcode === "GB") return byPostcode
  const byState = countriesOfState(state)
  if (byState.length === 1) return byState[0] ?? "US"
  if (byPostcode !== null) return byPostcode
  const fourDigits = isFourDigits(zip)
  if (fourDigits && byState.includes("AU")) return "AU"
  if (hint !== null) return hint
  return fourDigits ? "AU" : "US"
}
