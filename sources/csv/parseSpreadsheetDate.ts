import { Either } from "effect"

/*
 * Dates as exports and spreadsheets write them, normalised so they compare as strings:
 * - a date alone → `YYYY-MM-DD`;
 * - a time with a zone (ISO 8601 `Z` or `±HH:MM`) → UTC, `YYYY-MM-DDTHH:MM:SSZ`;
 * - a time without a zone (Excel's `M/D/YYYY H:MM AM`) → `YYYY-MM-DDTHH:MM:SS`, no zone invented.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, "0")

interface Parts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

const isValid = (p: Parts): boolean => {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 59) return false
  const daysInMonth = p.month === 2 && isLeapYear(p.year) ? 29 : (DAYS_IN_MONTH[p.month - 1] ?? 0)
  return p.day <= daysInMonth
}

const dateOnly = (p: Parts): string => `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`
const localDateTime = (p: Parts): string => `${dateOnly(p)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`

/** Applies a `Z` / `±HH:MM` / `±HHMM` offset and renders the instant in UTC. */
const utcDateTime = (p: Parts, zone: string): string => {
  // Already UTC: the parts are the answer, without a Date per cell (exports hold hundreds of thousands). Years
  // below 100 take the long way, since Date.UTC reads them as 19xx.
  if ((zone === "Z" || zone === "z") && p.year >= 100) return `${localDateTime(p)}Z`
  const offsetMinutes =
    zone === "Z" || zone === "z"
      ? 0
      : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)))
  const ms = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - offsetMinutes * 60_000
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z")
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|[+-]\d{2}:?\d{2})?)?$/
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/

const toHour24 = (hour: number, meridiem: string | undefined): number | null => {
  if (meridiem === undefined) return hour
  if (hour < 1 || hour > 12) return null
  const pm = meridiem.toLowerCase() === "pm"
  return (hour % 12) + (pm ? 12 : 0)
}

/** The number written by `length` digits at `at`, or -1 when one of them is not a digit. */
const digitsAt = (s: string, at: number, length: number): number => {
  let value = 0
  for (let i = at; i < at + length; i++) {
    const digit = s.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

const at = (s: string, i: number, char: string): boolean => s.charCodeAt(i) === char.charCodeAt(0)

/**
 * The two forms exports write for nearly every history row, `2024-01-05` and `2024-01-05T10:00:00.000Z` (or
 * without milliseconds), read without a regex or a parts object: a pool company's history has millions of them.
 * Gives what the general reader gives for them; null for anything else, a date that is not real included, which
 * the general reader then reads and words.
 */
const commonForm = (s: string): string | null => {
  const n = s.length
  if ((n !== 10 && n !== 20 && n !== 24) || !at(s, 4, "-") || !at(s, 7, "-")) return null
  const year = digitsAt(s, 0, 4)
  const month = digitsAt(s, 5, 2)
  const day = digitsAt(s, 8, 2)
  // Years below 100 take the general reader's long way (see `utcDateTime`).
  if (year < 100 || month < 0 || day < 0) return null
  if (n === 10) return isValid({ year, month, day, hour: 0, minute: 0, second: 0 }) ? s : null
  if (!at(s, 10, "T") || !at(s, 13, ":") || !at(s, 16, ":") || !at(s, n - 1, "Z")) return null
  if (n === 24 && (!at(s, 19, ".") || digitsAt(s, 20, 3) < 0)) return null
  const hour = digitsAt(s, 11, 2)
  const minute = digitsAt(s, 14, 2)
  const second = digitsAt(s, 17, 2)
  if (hour < 0 || minute < 0 || second < 0 || !isValid({ year, month, day, hour, minute, second })) return null
  return `${s.slice(0, 19)}Z`
}

const ACCEPTED = "use YYYY-MM-DD, M/D/YYYY, M/D/YYYY H:MM AM, or an ISO 8601 date-time"

/**
 * Normalises a date cell. Empty is `null` (unknown), not an error; anything else that is not a real calendar
 * date in an accepted form is a `Left` reason.
 */
export const parseSpreadsheetDate = (raw: string): Either.Either<string | null, string> => {
  const common = commonForm(raw)
  if (common !== null) return Either.right(common)
  const s = raw.trim()
  if (s === "") return Either.right(null)
  const iso = ISO.exec(s)
  if (iso !== null) {
    const [, y, mo, d, h, mi, sec, zone] = iso
    const parts: Parts = {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h ?? 0),
      minute: Number(mi ?? 0),
      second: Number(sec ?? 0)
    }
    if (!isValid(parts)) return Either.left(`"${s}" is not a real date or time`)
    if (h === undefined) return Either.right(dateOnly(parts))
    return Either.right(zone === undefined ? localDateTime(parts) : utcDateTime(parts, zone))
  }
  const us = US.exec(s)
  if (us !== null) {
    const [, mo, d, y, h, mi, sec, meridiem] = us
    const hour = toHour24(Number(h ?? 0), h === undefined ? undefined : meridiem)
    const invalid = Either.left(`"${s}" is not a real date or time (read as month/day/year)`)
    if (hour === null) return invalid
    const parts: Parts = {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour,
      minute: Number(mi ?? 0),
      second: Number(sec ?? 0)
    }
    if (!isValid(parts)) return invalid
    return Either.right(h === undefined ? dateOnly(parts) : localDateTime(parts))
  }
  return Either.left(`"${s}" is not a date in a known form: ${ACCEPTED}`)
}
