import { THEME1_XML } from "./theme1.ts"
import { xmlText } from "./xmlText.ts"
import type { ZipEntry } from "./zipArchive.ts"

/*
 * The files around a workbook's sheets that make a zip an .xlsx: what each part is, how they refer to each other,
 * and the document's properties. Written as the ExcelJS workbooks this writer replaced wrote them.
 */

/** A finished sheet: its name on the tab, its XML, and its links' relationships (null when it has none). */
export interface PackagedSheet {
  readonly name: string
  readonly sheet: string
  readonly rels: string | null
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
const OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
const CONTENT = "application/vnd.openxmlformats-officedocument"

const contentTypes = (sheets: ReadonlyArray<PackagedSheet>): string =>
  `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT}.spreadsheetml.sheet.main+xml"/>` +
  sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CONTENT}.spreadsheetml.worksheet+xml"/>`).join("") +
  `<Override PartName="/xl/theme/theme1.xml" ContentType="${CONTENT}.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="${CONTENT}.spreadsheetml.styles+xml"/>` +
  `<Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT}.spreadsheetml.sharedStrings+xml"/><Default Extension="vml" ContentType="${CONTENT}.vmlDrawing"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${CONTENT}.extended-properties+xml"/></Types>`

const packageRels = (): string =>
  `${DECLARATION}<Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${OFFICE}/extended-properties" Target="docProps/app.xml"/></Relationships>`

/** Styles, theme and shared strings come first (rId1-3), then the sheets. */
const workbookRels = (sheets: ReadonlyArray<PackagedSheet>): string =>
  `${DECLARATION}<Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${OFFICE}/theme" Target="theme/theme1.xml"/>` +
  `<Relationship Id="rId3" Type="${OFFICE}/sharedStrings" Target="sharedStrings.xml"/>` +
  sheets.map((_, i) => `<Relationship Id="rId${i + 4}" Type="${OFFICE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
  "</Relationships>"

const workbook = (sheets: ReadonlyArray<PackagedSheet>): string =>
  `${DECLARATION}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${OFFICE}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
  '<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets>' +
  sheets.map((s, i) => `<sheet sheetId="${i + 1}" name="${xmlText(s.name)}" state="visible" r:id="rId${i + 4}"/>`).join("") +
  '</sheets><calcPr calcId="171027"/></workbook>'

const app = (sheets: ReadonlyArray<PackagedSheet>): string =>
  `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
  '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
  `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
  `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts>` +
  "<Company></Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"

const core = (creator: string, created: Date): string => {
  const at = `${created.toISOString().slice(0, 19)}Z`
  return (
    `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${xmlText(creator)}</dc:creator><dc:title></dc:title><dc:subject></dc:subject><dc:description></dc:description><cp:keywords></cp:keywords><cp:category></cp:category>` +
    `<cp:lastModifiedBy>Unknown</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  )
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, "utf8")

/** Every file of a workbook with these sheets, shared strings and styles, in the order Excel lists them. */
export const workbookPackage = (input: {
  readonly sheets: ReadonlyArray<PackagedSheet>
  readonly sharedStrings: string
  readonly styles: string
  readonly creator: string
  readonly created: Date
}): ReadonlyArray<ZipEntry> => {
  const { sheets } = input
  return [
    { name: "[Content_Types].xml", data: utf8(contentTypes(sheets)) },
    { name: "_rels/.rels", data: utf8(packageRels()) },
    { name: "xl/_rels/workbook.xml.rels", data: utf8(workbookRels(sheets)) },
    ...sheets.flatMap((s, i) => [
      { name: `xl/worksheets/sheet${i + 1}.xml`, data: utf8(s.sheet) },
      ...(s.rels === null ? [] : [{ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: utf8(s.rels) }])
    ]),
    { name: "xl/sharedStrings.xml", data: utf8(input.sharedStrings) },
    { name: "xl/theme/theme1.xml", data: utf8(THEME1_XML) },
    { name: "xl/styles.xml", data: utf8(input.styles) },
    { name: "docProps/app.xml", data: utf8(app(sheets)) },
    { name: "docProps/core.xml", data: utf8(core(input.creator, input.created)) },
    { name: "xl/workbook.xml", data: utf8(workbook(sheets)) }
  ]
}
