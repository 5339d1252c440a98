import type { Country } from "./Country.ts"
import { countryOfPostcode, isFourDigits } from "./postcode.ts"
import { australianStates, canadianProvinces } from "./regionCodes.ts"
import { stateCodes } from "./uspsAbbreviations.ts"

const codesOf = (table: ReadonlyMap<string, string>): ReadonlySet<string> => new Set(table.values())
const us = codesOf(stateCodes)
const ca = codesOf(canadianProvinces)
const au = codesOf(australianStates)

/** The country a normalised state names; null for none, or for a code two countries share ("wa", "nt"). */
export const countryOfState = (state: string): Country | null => {
  const named: Array<Country> = []
  if (us.has(state)) named.push("US")
  if (ca.has(state)) named.push("CA")
  if (au.has(state)) named.push("AU")
  return named.length === 1 ? (named[0] ?? null) : null
}

/**
 * The country of an address, from what the address itself says, strongest first: a Canadian or British postcode
 * (their shapes are unmistakable), a state or province of one country, a US ZIP; then `hint` (the company's
 * country) for an address that does not say; then four digits as an Australian postcode; else the US.
 * `state` is normalised (`normalizeState`), `zip` as typed.
 */
export const countryOfAddress = (state: string, zip: string, hint: Country | null): Country => {
  const byPostcode = countryOfPostcode(zip)
  if (byPostcode === "CA" || byPostcode === "GB") return byPostcode
  const byState = countryOfState(state)
  if (byState !== null) return byState
  if (byPostcode !== null) return byPostcode
  if (hint !== null) return hint
  return isFourDigits(zip) ? "AU" : "US"
}
