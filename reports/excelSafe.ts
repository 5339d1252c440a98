/**
 * Spreadsheets run a cell that starts with one of these as a formula, so a customer named "=HYPERLINK(...)"
 * could run in an admin's Excel. Such cells get a leading apostrophe, which Excel shows as plain text (OWASP
 * "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/

export const excelSafe = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value)
