/*
 * Number and date formats for the report. Fixed (not the viewer's locale) so the same run always renders the same
 * page, and the page matches the CSV files next to it.
 */

export const count = (n: number): string => Math.round(n).toLocaleString("en-US")

export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`

export const money = (n: number): string =>
  `${n < 0 ? "\u2212" : ""}$${Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

/**
 * 0.9987 → "99.9%"; never rounds a probability up, and never shows "100.0%": a score is never certainty, even one
 * so close to 1 that a computer stores it as 1, which is shown as "over 99.9%".
 */
export const percent = (p: number): string => {
  if (p >= 1) return "over 99.9%"
  const shown = Math.floor(p * 1000) / 10
  return `${shown.toFixed(1)}%`
}

/** Weights in bits with a real minus sign, as in review.csv: "+9.1", "−3.0". */
export const signed = (w: number): string => `${w >= 0 ? "+" : "\u2212"}${Math.abs(w).toFixed(1)}`

/** "2025-06-01T14:03:27.000Z" → "2025-06-01 14:03 UTC"; anything unparseable is shown as given. */
export const when = (iso: string): string => {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const d = new Date(t).toISOString()
  return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`
}

/** "2025-06-01" from an ISO time, for chart axes. */
export const day = (iso: string): string => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10)
}
