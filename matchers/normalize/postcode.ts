import type { Country } from "./Country.ts"

/** Canada Post's forward sortation area and local delivery unit: letters D, F, I, O, Q, U never appear, W and Z not first. */
const canadianShape = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/
/** Royal Mail's outward code (area, district) then the inward code: a digit and two letters (never C, I, K, M, O, V). */
const britishShape = /^[A-Z]{1,2}\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2}$/
const usShape = /^\d{5}(?:\d{4})?$/
const letter = /[a-z]/i

/** Upper-case letters and digits only: "ba4 4jg" and "BA44JG" read alike before their shape is checked. */
const compact = (raw: string): string => raw.toUpperCase().replace(/[^A-Z0-9]/g, "")

/** The country a postcode's shape names on its own: a Canadian or British postcode, or a US ZIP or ZIP+4; else null. */
export const countryOfPostcode = (raw: string): Country | null => {
  const c = compact(raw)
  if (canadianShape.test(c)) return "CA"
  if (britishShape.test(c)) return "GB"
  return usShape.test(c) && !letter.test(raw) ? "US" : null
}

/** Four digits are an Australian postcode, or a US ZIP whose leading zero a spreadsheet dropped: only a hint decides. */
export const isFourDigits = (raw: string): boolean => /^\s*\d{4}\s*$/.test(raw)

const zipPlus4 = /^\s*\d{5}\s*-?\s*\d{4}\s*$/

/**
 * A postcode as its country writes it, so that two postcodes are equal only when they name one area: US ZIP5
 * (ZIP+4 cut), Canadian "A1A 1A1", British outward and inward code apart ("BA4 4JG"), Australian 4 digits. A
 * postcode with letters that does not have its country's shape keeps every letter and digit: reduced to its
 * digits, "BA4 4JG" and "BS4 4AS" were one postcode.
 */
export const normalizePostcode = (raw: string, country: Country): string => {
  if (letter.test(raw)) {
    const c = compact(raw)
    if (country === "CA" && canadianShape.test(c)) return `${c.slice(0, 3)} ${c.slice(3)}`
    if (country === "GB" && britishShape.test(c)) return `${c.slice(0, -3)} ${c.slice(-3)}`
    return c
  }
  const digits = raw.replace(/\D/g, "")
  // ZIP+4 typed with or without its hyphen: the first five digits are the delivery area.
  return country === "US" && digits.length === 9 && zipPlus4.test(raw) ? digits.slice(0, 5) : digits
}
