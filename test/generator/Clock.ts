/*
 * Date formatting for a few million timestamps. Date#toISOString allocates a Date each time; formatting the
 * day once and the time of day by arithmetic keeps a 100,000-customer company fast to write.
 */

export const DAY_MS = 86_400_000

const dayCache = new Map<number, string>()

/** "2026-11-01" for days since 1970-01-01. */
export const dayString = (day: number): string => {
  let s = dayCache.get(day)
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10)
    dayCache.set(day, s)
  }
  return s
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n))

const clock = (msOfDay: number): string => {
  const s = Math.floor(msOfDay / 1000)
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`
}

/** POM's form: "2026-11-01T14:05:09.000Z" (whole seconds). */
export const isoTime = (ms: number): string => {
  const day = Math.floor(ms / DAY_MS)
  return `${dayString(day)}T${clock(ms - day * DAY_MS)}.000Z`
}

/** QBO's form, in the company's zone with its offset: "2024-04-13T13:36:31-07:00". */
export const qboTime = (ms: number): string => {
  const local = ms - 7 * 3_600_000
  const day = Math.floor(local / DAY_MS)
  return `${dayString(day)}T${clock(local - day * DAY_MS)}-07:00`
}
