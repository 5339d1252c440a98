import { parsePhoneNumberFromString } from "libphonenumber-js"
import type { Country } from "./Country.ts"

const extension = /\s*(?:ext\.?|extension|x|#)\s*\d{1,6}\s*$/i
const nanpShape = /^[2-9]\d\d[2-9]\d{6}$/

/*
 * libphonenumber-js takes 15-30 µs per parse: seconds at the pipeline's 300,000 phones. Most phones are plain
 * ten-digit North American numbers, and the library's NANP metadata decides their validity from the area code
 * and exchange (NPA-NXX, the first six digits) alone, so its verdict is cached per NPA-NXX. A test checks that
 * the metadata still works that way.
 */
const VALID = 1
const INVALID = 2

/** Verdict per NPA-NXX (0 not yet known), indexed by its six digits as a number: a lookup that allocates nothing. */
const nanpBlockVerdict = new Uint8Array(1_000_000)

const blockIndex = (national: string): number => {
  let index = 0
  for (let k = 0; k < 6; k++) index = index * 10 + national.charCodeAt(k) - 48
  return index
}

/** `national` is ten digits (checked by the caller against `nanpShape`). */
const isValidNanp = (national: string): boolean => {
  const block = blockIndex(national)
  const cached = nanpBlockVerdict[block]
  if (cached === VALID) return true
  if (cached === INVALID) return false
  const valid = parsePhoneNumberFromString(`+1${national}`)?.isValid() ?? false
  nanpBlockVerdict[block] = valid ? VALID : INVALID
  return valid
}

/**
 * The digits of a phone typed with nothing but digits, spaces and ( ) - . + (most are), else null: such a phone
 * has no letter and no "#", so no extension either, and one pass over it replaces the regular expressions below.
 */
const plainDigits = (raw: string): string | null => {
  let digits = ""
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k)
    if (c >= 48 && c <= 57) digits += raw[k]
    // space ( ) + - .
    else if (c !== 32 && c !== 40 && c !== 41 && c !== 43 && c !== 45 && c !== 46) return null
  }
  return digits
}

/**
 * A phone as typed → E.164 ("+16147100074"), read as a number of `region` (the record's country) when no
 * country code is given, so that "020 7946 0958" in London and "+44 20 7946 0958" are one number; an extension
 * is dropped. A number libphonenumber-js does not accept as valid falls back to its digits when it has at least
 * seven (a local number may still match another record's), else null.
 */
export const normalizePhone = (raw: string, region: Country = "US"): string | null => {
  const simple = plainDigits(raw)
  const withoutExtension = simple === null ? raw.replace(extension, "") : raw
  const digits = simple ?? withoutExtension.replace(/\D/g, "")
  if (digits.length === 0) return null
  const fallback = digits.length >= 7 ? digits : null
  const plain = simple !== null || !/[a-z]/i.test(withoutExtension)
  const international = withoutExtension.trimStart().startsWith("+")
  // Canada shares the US numbering plan; a British or Australian record may still hold a +1 number.
  const northAmericanRegion = region === "US" || region === "CA"
  const northAmerican = northAmericanRegion ? !international || digits.startsWith("1") : international && digits.startsWith("1")
  if (plain && northAmerican) {
    const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits
    if (national.length === 10 && nanpShape.test(national)) return isValidNanp(national) ? `+1${national}` : fallback
  }
  const parsed = parsePhoneNumberFromString(withoutExtension, region)
  if (parsed === undefined) return fallback
  if (parsed.isValid()) return parsed.number
  // A number of the right length outside the US plan (a new mobile range, a number reserved for examples) is
  // still written with its country code, so that its local and international forms stay one number.
  return parsed.isPossible() && (international || !northAmericanRegion) ? parsed.number : fallback
}
