import type { SharedStrings } from "./sharedStrings.ts"
import type { CellStyle, WorkbookStyles } from "./WorkbookStyles.ts"
import { xmlText } from "./xmlText.ts"

/** One cell: its text (blank is an empty cell that keeps its style), a link, and its style. */
export interface SheetCell {
  readonly text: string
  readonly link?: string | null
  readonly style: CellStyle
}

/** A column's width, in characters, and the style of cells added to it by hand. */
export interface SheetColumn {
  readonly width: number
  readonly style: CellStyle
}

/** A drop-down offered in every data cell of one column. */
export interface ListValidation {
  readonly column: number
  readonly formula: string
  readonly errorTitle: string
  readonly error: string
}

const columnLetter = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : `${columnLetter(Math.floor((n - 1) / 26))}${String.fromCharCode(65 + ((n - 1) % 26))}`

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
/** The header row and the first column stay in view. */
const FROZEN_HEADER =
  '<sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="B2" sqref="B2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>'
const TAIL =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/></worksheet>'
const HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

/**
 * The ranges a drop-down on rows 2..last of one column is written as. The ExcelJS workbooks this writer replaced
 * sorted the cells' addresses as text (M10 before M2) and covered a run downwards from each cell not yet covered:
 * the same ranges keep the same XML (Excel reads the overlap as one).
 */
const validationRanges = (letter: string, last: number): ReadonlyArray<string> => {
  const rows = Array.from({ length: Math.max(0, last - 1) }, (_, i) => i + 2)
  const sorted = [...rows].sort((a, b) => (`${letter}${a}` < `${letter}${b}` ? -1 : 1))
  const covered = new Set<number>()
  const ranges: Array<string> = []
  for (const row of sorted) {
    if (covered.has(row)) continue
    for (let r = row; r <= last; r++) covered.add(r)
    ranges.push(row === last ? `${letter}${row}` : `${letter}${row}:${letter}${last}`)
  }
  return ranges
}

/** Adjacent columns alike are one `<col>`, as Excel writes them. */
const colsXml = (columns: ReadonlyArray<SheetColumn>, styles: WorkbookStyles): string => {
  const parts: Array<string> = []
  for (let i = 0; i < columns.length; ) {
    const column = columns[i]
    if (column === undefined) break
    let j = i
    while (columns[j + 1]?.width === column.width && columns[j + 1]?.style === column.style) j++
    parts.push(`<col min="${i + 1}" max="${j + 1}" width="${column.width}" style="${styles.id(column.style)}" customWidth="1"/>`)
    i = j + 1
  }
  return `<cols>${parts.join("")}</cols>`
}

/**
 * One worksheet's XML, a row at a time: each row becomes its XML as it is added, with its texts numbered in the
 * workbook's shared strings, so a sheet of many thousand rows is held as text, never as cell objects.
 * `finish` gives the sheet and its links' relationships (null when it has none).
 */
export const worksheetXml = (columns: ReadonlyArray<SheetColumn>, styles: WorkbookStyles, strings: SharedStrings) => {
  const cols = colsXml(columns, styles)
  const rows: Array<string> = []
  const links: Array<{ readonly ref: string; readonly url: string }> = []
  let last = 0
  const addRow = (cells: ReadonlyArray<SheetCell>): void => {
    const r = ++last
    const parts = [`<row r="${r}" spans="1:${cells.length}" x14ac:dyDescent="0.25">`]
    cells.forEach((cell, i) => {
      const ref = `${columnLetter(i + 1)}${r}`
      const s = styles.id(cell.style)
      if (cell.text === "") {
        parts.push(`<c r="${ref}" s="${s}"/>`)
        return
      }
      if (cell.link !== undefined && cell.link !== null) links.push({ ref, url: cell.link })
      parts.push(`<c r="${ref}" s="${s}" t="s"><v>${strings.id(cell.text)}</v></c>`)
    })
    parts.push("</row>")
    rows.push(parts.join(""))
  }
  const finish = (options: { readonly validation?: ListValidation }) => {
    const lastColumn = columnLetter(columns.length)
    const range = `A1:${lastColumn}${Math.max(last, 1)}`
    const validation = options.validation
    const ranges = validation === undefined ? [] : validationRanges(columnLetter(validation.column), last)
    const validations =
      validation === undefined || ranges.length === 0
        ? ""
        : `<dataValidations count="${ranges.length}">${ranges
            .map(
              (sqref) =>
                `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="${xmlText(validation.errorTitle)}" error="${xmlText(validation.error)}" sqref="${sqref}"><formula1>${xmlText(validation.formula)}</formula1></dataValidation>`
            )
            .join("")}</dataValidations>`
    const hyperlinks =
      links.length === 0
        ? ""
        : `<hyperlinks>${links.map((l, i) => `<hyperlink ref="${l.ref}" r:id="rId${i + 1}" tooltip="${xmlText(l.url)}"/>`).join("")}</hyperlinks>`
    const sheet = [
      HEAD,
      `<dimension ref="${range}"/>`,
      FROZEN_HEADER,
      cols,
      "<sheetData>",
      ...rows,
      "</sheetData>",
      `<autoFilter ref="${range}"/>`,
      validations,
      hyperlinks,
      TAIL
    ].join("")
    rows.length = 0
    const rels =
      links.length === 0
        ? null
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${links
            .map((l, i) => `<Relationship Id="rId${i + 1}" Type="${HYPERLINK_TYPE}" Target="${xmlText(l.url)}" TargetMode="External"/>`)
            .join("")}</Relationships>`
    return { sheet, rels }
  }
  return { addRow, finish }
}
