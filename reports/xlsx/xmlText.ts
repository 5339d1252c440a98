/** Characters a spreadsheet's XML cannot hold as they are: markup, and control characters XML 1.0 forbids. */
const NEEDS_ENCODING = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/

/**
 * Text as an .xlsx file's XML holds it, in an element or an attribute: markup escaped, forbidden control characters
 * dropped (a workbook with them does not open). The rules of the ExcelJS workbooks this writer replaced, so the
 * same cells give the same XML.
 */
export const xmlText = (text: string): string => {
  if (!NEEDS_ENCODING.test(text)) return text
  let out = ""
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const escape =
      code === 34 ? "&quot;"
      : code === 38 ? "&amp;"
      : code === 39 ? "&apos;"
      : code === 60 ? "&lt;"
      : code === 62 ? "&gt;"
      : code === 127 || (code <= 31 && (code <= 8 || (code >= 11 && code !== 13))) ? ""
      : null
    if (escape === null) continue
    out += text.slice(from, i) + escape
    from = i + 1
  }
  return out + text.slice(from)
}
