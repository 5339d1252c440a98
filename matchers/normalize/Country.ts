/**
 * The countries whose addresses and phones the matcher reads in their own forms: where POM and QBO are sold. A
 * record of any other country is read as if it were of its company's country, as before.
 */
export const countries = ["US", "CA", "GB", "AU"] as const

export type Country = (typeof countries)[number]

export const isCountry = (text: string): text is Country => (countries as ReadonlyArray<string>).includes(text)
