import { Either } from "effect"

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/
const WHOLE_WITH_ZERO_DECIMALS = /^(\d+)\.0+$/

const mayBeNumber = (s: string): boolean => {
  const c = s.charCodeAt(0)
  return (c >= 48 && c <= 57) || c === 43 || c === 45
}

/**
 * Cleans an id cell that may have passed through a spreadsheet: blank is `null`, `2514.0` (a number column) is
 * `2514`. `2.514E+03` is refused: Excel shows long ids that way and may already have rounded the digits away,
 * so guessing would link to the wrong record.
 */
export const cleanSpreadsheetId = (raw: string): Either.Either<string | null, string> => {
  const s = raw.trim()
  if (s === "") return Either.right(null)
  // Both forms start with a digit or a sign; most ids ("cus_000002", "apt_0000001") do not, and skip the regexes.
  if (!mayBeNumber(s)) return Either.right(s)
  if (SCIENTIFIC.test(s)) {
    return Either.left(
      `"${s}" is in scientific notation, so the real id may be lost: format the column as Text in the spreadsheet and copy the id again from the source`
    )
  }
  const whole = WHOLE_WITH_ZERO_DECIMALS.exec(s)
  return Either.right(whole?.[1] ?? s)
}
