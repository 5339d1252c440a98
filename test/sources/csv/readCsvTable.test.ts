import { NodeFileSystem } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import * as path from "node:path"
import { extraCells, parseCsvBytes, readCsvTable } from "../../../sources/csv/readCsvTable.ts"
import { cp1252, fixturePath, projectRoot, tempFolderWith } from "./tempFiles.ts"

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

const parsed = (bytes: Uint8Array) => {
  const result = parseCsvBytes(bytes, "test.csv")
  if (Either.isLeft(result)) throw new Error(`expected a table, got: ${result.left.message}`)
  return result.right
}

const failure = (bytes: Uint8Array) => {
  const result = parseCsvBytes(bytes, "test.csv")
  if (Either.isRight(result)) throw new Error("expected the file to be refused")
  return result.left
}

describe("parseCsvBytes", () => {
  it("strips a UTF-8 byte order mark from the first header", () => {
    const table = parsed(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("id,name\n1,Ann\n")]))
    expect(table.headers).toEqual(["id", "name"])
    expect(table.encoding).toBe("utf-8-bom")
  })

  it("reads Windows-1252 bytes when the file is not valid UTF-8", () => {
    // "O’Brien" with Excel's curly apostrophe, 0x92 in Windows-1252 and absent from Latin-1.
    const bytes = new Uint8Array([...cp1252("id,first,last\n1,Peña,Zoë\n2,Sean,O"), 0x92, ...cp1252("Brien\n")])
    const table = parsed(bytes)
    expect(table.encoding).toBe("windows-1252")
    expect(table.rows.map((r) => r.cells)).toEqual([
      ["1", "Peña", "Zoë"],
      ["2", "Sean", "O\u2019Brien"]
    ])
  })

  it("keeps UTF-8 text that is valid as UTF-8", () => {
    const table = parsed(utf8("id,name\n1,Peña\n"))
    expect(table.encoding).toBe("utf-8")
    expect(table.rows[0]?.cells).toEqual(["1", "Peña"])
  })

  it("reads UTF-16 little- and big-endian text with a BOM, as Excel saves Unicode text", () => {
    const text = "id\tname\r\n1\tZoë\r\n"
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")])
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, "utf16le").swap16()])
    for (const [bytes, encoding] of [
      [le, "utf-16le"],
      [be, "utf-16be"]
    ] as const) {
      const table = parsed(bytes)
      expect(table.encoding).toBe(encoding)
      expect(table.delimiter).toBe("\t")
      expect(table.rows[0]?.cells).toEqual(["1", "Zoë"])
    }
  })

  it("recognises UTF-16 without a BOM from its zero bytes", () => {
    const table = parsed(new Uint8Array(Buffer.from("id,name\n1,Zoë\n", "utf16le")))
    expect(table.encoding).toBe("utf-16le")
    expect(table.rows[0]?.cells).toEqual(["1", "Zoë"])
  })

  it("sniffs semicolon and tab delimiters from the header line", () => {
    expect(parsed(utf8("a;b;c\n1;2,5;3\n")).rows[0]?.cells).toEqual(["1", "2,5", "3"])
    expect(parsed(utf8("a\tb\n1\t2\n")).delimiter).toBe("\t")
    expect(parsed(utf8('"Doe, John";x\n1;2\n')).delimiter).toBe(";")
    expect(parsed(utf8("name\nAnn\n")).delimiter).toBe(",")
  })

  it("numbers rows by the line they start on across CRLF, LF and CR line ends and blank lines", () => {
    for (const eol of ["\r\n", "\n", "\r"]) {
      const text = ["id,note", "1,plain", "", "2,\"two", "lines\"", "   ", "3,last"].join(eol) + eol
      const table = parsed(utf8(text))
      expect(table.rows.map((r) => [r.line, r.cells[1]])).toEqual([
        [2, "plain"],
        [4, "two\nlines"],
        [7, "last"]
      ])
    }
  })

  it("numbers rows as a spreadsheet shows them too: a value spanning lines is one row, a blank line is a row", () => {
    const text = ["id,note", "1,\"three\nline\nnote\"", "2,after", "", "3,last"].join("\r\n")
    expect(parsed(utf8(text)).rows.map((r) => [r.line, r.row, r.cells[0]])).toEqual([
      [2, 2, "1"],
      [5, 3, "2"],
      [7, 5, "3"]
    ])
  })

  it("keeps delimiters and line ends inside quoted values and unescapes doubled quotes", () => {
    const table = parsed(utf8('id,address,note\n1,"12 Main St, Apt 4","He said ""hi""\nthen left"\n2,x,y\n'))
    expect(table.rows[0]).toEqual({ line: 2, row: 2, cells: ["1", "12 Main St, Apt 4", 'He said "hi"\nthen left'] })
    expect(table.rows[1]?.line).toBe(4)
  })

  it("keeps a stray quote inside an unquoted value", () => {
    expect(parsed(utf8('item,size\npipe,1.5" wide\n')).rows[0]?.cells).toEqual(["pipe", '1.5" wide'])
  })

  it("trims padded headers and values, including quoted values after a space as Febrl writes them", () => {
    const table = parsed(utf8('rec_id, given_name , surname\nrec-1, "sarah" , " smith "\n'))
    expect(table.headers).toEqual(["rec_id", "given_name", "surname"])
    expect(table.rows[0]?.cells).toEqual(["rec-1", "sarah", "smith"])
  })

  it("skips blank lines and rows whose cells are all empty", () => {
    const table = parsed(utf8("\n\nid,name\n\n,\n1,Ann\n , \n"))
    expect(table.headers).toEqual(["id", "name"])
    expect(table.rows).toEqual([{ line: 6, row: 6, cells: ["1", "Ann"] }])
  })

  it("pads short rows and keeps, and marks, extra cells on long rows", () => {
    const table = parsed(utf8("a,b,c\n1\n1,2,3,4,\n1,2,3,,\n"))
    expect(table.rows[0]?.cells).toEqual(["1", "", ""])
    const [, long, trailing] = table.rows
    if (long === undefined || trailing === undefined) throw new Error("rows missing")
    expect(long.cells).toEqual(["1", "2", "3", "4", ""])
    expect(extraCells(table, long)).toEqual(["4"])
    expect(extraCells(table, trailing)).toEqual([])
  })

  it("refuses an empty file", () => {
    expect(failure(utf8(" \n\n")).problem).toBe("empty")
  })

  it("refuses a file with an unclosed quote, naming the line the quote opens on", () => {
    const error = failure(utf8('id,name\n1,Ann\n\n2,"Bob\n3,Cy\n'))
    expect(error.problem).toBe("malformed")
    expect(error.line).toBe(4)
    expect(error.message).toContain("test.csv, line 4")
    expect(error.message).toContain("never closed")
  })
})

describe("readCsvTable", () => {
  it.scoped("reads a file from disk, keeping its path", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({ "people.csv": "id,name\r\n1,Ann\r\n" })
      const file = path.join(dir, "people.csv")
      const table = yield* readCsvTable(file)
      expect(table).toEqual({
        file,
        headers: ["id", "name"],
        rows: [{ line: 2, row: 2, cells: ["1", "Ann"] }],
        delimiter: ",",
        encoding: "utf-8"
      })
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("reads a European Excel export: semicolons, Windows-1252, CRLF, quoted delimiter", () =>
    Effect.gen(function* () {
      const table = yield* readCsvTable(fixturePath("csv", "excel-semicolon-cp1252.csv"))
      expect(table.delimiter).toBe(";")
      expect(table.encoding).toBe("windows-1252")
      expect(table.headers).toEqual(["Customer ID", "First Name", "Last Name", "Service Address"])
      expect(table.rows).toEqual([
        { line: 2, row: 2, cells: ["1", "José", "Peña", "12 Cañon Rd; Unit 3"] },
        { line: 3, row: 3, cells: ["2", "Zoë", "Müller", "4 Elm St"] }
      ])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("reads the published Febrl data sets, CRLF and padded cells included", () =>
    Effect.gen(function* () {
      const febrl = path.resolve(projectRoot, "test/fixtures/datasets/febrl")
      const a = yield* readCsvTable(path.join(febrl, "dataset4a.csv"))
      const b = yield* readCsvTable(path.join(febrl, "dataset4b.csv"))
      for (const table of [a, b]) {
        expect(table.headers[0]).toBe("rec_id")
        expect(table.headers).toHaveLength(11)
        expect(table.rows).toHaveLength(5000)
        expect(table.rows.every((r) => r.cells.length === 11 && r.cells[0] === r.cells[0]?.trim())).toBe(true)
      }
      expect(a.rows[0]?.line).toBe(2)
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("fails with a not-found error naming the path", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(readCsvTable("/nonexistent/folder/customers.csv"))
      expect(error._tag).toBe("CsvFileError")
      expect(error.problem).toBe("not-found")
      expect(error.message).toContain("/nonexistent/folder/customers.csv")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails with an unreadable error when the path is a folder", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({})
      const error = yield* Effect.flip(readCsvTable(dir))
      expect(error.problem).toBe("unreadable")
      expect(error.file).toBe(dir)
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )
})
