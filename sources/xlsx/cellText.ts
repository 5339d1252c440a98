import type ExcelJS from "exceljs"

const isoOf = (d: Date): string => {
  const iso = d.toISOString()
  // A date typed without a time is stored as midnight: show it as the date it is.
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso
}

/**
 * A number as the text of an id or a word. A whole number past 2^53 has lost digits in the spreadsheet (a
 * 20-digit id typed into a General cell): it is shown in scientific notation, which the id readers refuse, so
 * that no rounded id is taken for a real one.
 */
const numberText = (n: number): string =>
  Number.isInteger(n) && !Number.isSafeInteger(n) ? n.toExponential().toUpperCase() : String(n)

/** What a cell shows, as text: numbers as typed, dates as ISO, a link or a formula by its text or result. */
export const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return ""
  if (typeof value === "string") return value
  if (typeof value === "number") return numberText(value)
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE"
  if (value instanceof Date) return isoOf(value)
  if ("richText" in value) return value.richText.map((r) => r.text).join("")
  if ("hyperlink" in value) return cellText(value.text)
  if ("error" in value) return value.error
  // A formula: what it last showed (exceljs does not compute; Excel saves the result with it).
  return value.result === undefined ? "" : cellText(value.result)
}
