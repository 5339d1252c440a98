import { parse } from "csv-parse/sync"
import { describe, expect, it } from "vitest"
import { excelSafe } from "../../reports/excelSafe.ts"
import { rejectedCsv } from "../../reports/RejectedCsv.ts"

/** Raw rows as an export could hold them: comma-delimited CSV whose cells carry `;`, tabs and line breaks. */
const hostile = [
  `cus_1,Jane,x;=HYPERLINK("http://evil.example/?q=1","click")`,
  `cus_2;+1-555-0100;@SUM(A1:A9)`,
  `cus_3\t-2+3\tplain`,
  `cus_4,"Doe\r\n=1+1"`,
  `=cmd|'/C calc'!A0`
]

const csv = () =>
  rejectedCsv(hostile.map((raw, i) => ({ file: "customers.csv", line: i + 2, field: "email", reason: "not an email address", raw, severity: "row" as const })))

/**
 * The pieces a spreadsheet can make of the text when it does not honour quotes in the middle of a line: split at
 * every separator of any locale and at line breaks. A piece that starts with a quote is read from after it.
 */
const piecesWithoutQuotes = (text: string) => text.replace(/^\uFEFF/, "").split(/[;,\t\r\n]/).map((piece) => piece.replace(/^"+/, ""))

describe("rejected.csv", () => {
  it("keeps every raw row readable as it was, with only the formula starts neutralised", () => {
    const rows: Array<Array<string>> = parse(csv(), { bom: true })
    expect(rows[0]).toEqual(["file", "line", "severity", "field", "reason", "raw"])
    expect(rows.slice(1).map((r) => r[5])).toEqual([
      `cus_1,Jane,x;'=HYPERLINK("http://evil.example/?q=1","click")`,
      `cus_2;'+1-555-0100;'@SUM(A1:A9)`,
      `cus_3\t'-2+3\tplain`,
      `cus_4,"Doe\r\n'=1+1"`,
      `'=cmd|'/C calc'!A0`
    ])
  })

  it("cannot start a formula in a ';'-locale spreadsheet that splits its comma-delimited lines at ';'", () => {
    const text = csv()
    for (const piece of piecesWithoutQuotes(text)) expect(piece).not.toMatch(/^[=+\-@]/)
    // Before the rule, a piece after ';' started a formula: the check above can fail.
    expect(piecesWithoutQuotes(hostile.join("\r\n")).some((piece) => /^[=+\-@]/.test(piece))).toBe(true)
  })

  it("quotes every cell that holds a ';', a tab or a line break, so a reader that honours quotes keeps it whole", () => {
    const text = csv()
    for (const raw of hostile.filter((r) => /[;\t\r\n]/.test(r))) {
      expect(text).toContain(`"${excelSafe(raw).replaceAll('"', '""')}"`)
    }
  })

  it("leaves text alone where no separator is followed by a formula start", () => {
    expect(excelSafe("Smith, John; 12 Main St")).toBe("Smith, John; 12 Main St")
    expect(excelSafe("cus_1;cus_2")).toBe("cus_1;cus_2")
    expect(excelSafe("a-b+c=d@e")).toBe("a-b+c=d@e")
  })
})
