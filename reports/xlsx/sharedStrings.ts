import { xmlText } from "./xmlText.ts"

/**
 * A workbook's table of texts: each distinct text once, numbered in the order first used, as sharedStrings.xml
 * lists them. Cells hold the numbers.
 */
export const sharedStrings = () => {
  const numbers = new Map<string, number>()
  let uses = 0
  const id = (text: string): number => {
    uses++
    const known = numbers.get(text)
    if (known !== undefined) return known
    numbers.set(text, numbers.size)
    return numbers.size - 1
  }
  const xml = (): string => {
    const parts = [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${uses}" uniqueCount="${numbers.size}">`
    ]
    // Spaces at either end, and line ends, are kept only when the element says so.
    for (const text of numbers.keys()) parts.push(/^\s|\n|\s$/.test(text) ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>` : `<si><t>${xmlText(text)}</t></si>`)
    parts.push("</sst>")
    return parts.join("")
  }
  return { id, xml }
}

export type SharedStrings = ReturnType<typeof sharedStrings>
