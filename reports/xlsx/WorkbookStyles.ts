/*
 * The cell formats of a workbook, numbered as they are first used, and its styles.xml. The numbering and the XML
 * are those of the ExcelJS workbooks this writer replaced, so the same cells give the same files.
 */

/** A font, fill or border as styles.xml writes it. */
type Part = string

export interface CellStyle {
  /** Text (`@`) rather than General: what is typed stays as typed. */
  readonly text: boolean
  readonly font?: Part
  readonly fill?: Part
  readonly border?: Part
  readonly alignment?: { readonly vertical: "top" | "center"; readonly wrapText?: boolean }
}

const TEXT_FORMAT = 49

export const font = (options: { readonly bold?: boolean; readonly underline?: boolean; readonly argb: string }): Part =>
  `<font>${options.bold === true ? "<b/>" : ""}${options.underline === true ? "<u/>" : ""}<color rgb="${options.argb}"/></font>`

export const solidFill = (argb: string): Part => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/></patternFill></fill>`

export const thinBorder = (argb: string): Part => {
  const side = (name: string) => `<${name} style="thin"><color rgb="${argb}"/></${name}>`
  return `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`
}

const DEFAULT_FONT = '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>'
const NO_FILLS = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']
const NO_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>"
const DEFAULT_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'

const STYLES_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">'
const STYLES_TAIL =
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/><extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>'

const numbered = (list: Array<string>, item: string): number => {
  const at = list.indexOf(item)
  return at >= 0 ? at : list.push(item) - 1
}

/** The styles of one workbook: `id` numbers a cell's style, `xml` is styles.xml for every style numbered so far. */
export const workbookStyles = () => {
  const fonts = [DEFAULT_FONT]
  const fills = [...NO_FILLS]
  const borders = [NO_BORDER]
  const xfs = [DEFAULT_XF]
  // A workbook uses a handful of styles over many cells: each is worked out once.
  const known = new Map<CellStyle, number>()
  const id = (style: CellStyle): number => {
    const seen = known.get(style)
    if (seen !== undefined) return seen
    const fontId = style.font === undefined ? 0 : numbered(fonts, style.font)
    const borderId = style.border === undefined ? 0 : numbered(borders, style.border)
    const fillId = style.fill === undefined ? 0 : numbered(fills, style.fill)
    const numFmtId = style.text ? TEXT_FORMAT : 0
    const { alignment } = style
    const applied = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : "",
      fontId !== 0 ? ' applyFont="1"' : "",
      fillId !== 0 ? ' applyFill="1"' : "",
      borderId !== 0 ? ' applyBorder="1"' : "",
      alignment !== undefined ? ' applyAlignment="1"' : ""
    ].join("")
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`
    const xf =
      alignment === undefined
        ? `${open}/>`
        : `${open}><alignment vertical="${alignment.vertical}"${alignment.wrapText === true ? ' wrapText="1"' : ""}/></xf>`
    const n = numbered(xfs, xf)
    known.set(style, n)
    return n
  }
  const xml = (): string =>
    STYLES_HEAD +
    `<fonts count="${fonts.length}" x14ac:knownFonts="1">${fonts.join("")}</fonts>` +
    `<fills count="${fills.length}">${fills.join("")}</fills>` +
    `<borders count="${borders.length}">${borders.join("")}</borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    STYLES_TAIL
  return { id, xml }
}

export type WorkbookStyles = ReturnType<typeof workbookStyles>
