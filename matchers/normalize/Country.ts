/**
 * The countries whose addresses and phones the matcher reads in their own forms: where POM and QBO are sold. A
 * record of any other country is read as if it were of its company's country, as before.
 */
export const countries = ["US", "CA", "GB", "AU"] as const

export type Country = (typeof countries)[number]

export const isCountry = (text: string): text is Country => (countries as ReadonlyArray<string>).includes(text)

const names: ReadonlyMap<string, Country> = new Map([
  ["UK", "GB"], ["USA", "US"], ["UNITED STATES", "US"], ["UNITED STATES OF AMERICA", "US"], ["CANADA", "CA"],
  ["UNITED KINGDOM", "GB"], ["GREAT BRITAIN", "GB"], ["AUSTRALIA", "AU"]
])

/** The country a code or an English name stands for ("gb", "UK", "Canada"); null for any other. */
export const countryNamed = (text: string): Country | null => {
  const upper = text.trim().toUpperCase()
  return isCountry(upper) ? upper : (names.get(upper) ?? null)
}
