import { NodeFileSystem } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import * as path from "node:path"
import { parseCsvBytes, type CsvRow } from "../../../sources/csv/readCsvTable.ts"
import { streamCsvTable, type CsvStreamHeader } from "../../../sources/csv/streamCsvTable.ts"
import { cp1252, tempFolderWith } from "./tempFiles.ts"

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

const MiB = 1024 * 1024

/**
 * A file whose first 1 MiB read ends between a "\r" and its "\n", and whose second ends inside a two-byte "é":
 * where a reader of chunks could split a line end or a character.
 */
const acrossChunks = (): Uint8Array => {
  const header = "id,name\r\n"
  const first = `1,${"x".repeat(MiB - 1 - header.length - 2)}\r\n`
  const secondStart = header.length + first.length
  const second = `2,${"y".repeat(2 * MiB - 1 - secondStart - 2)}é\r\n`
  const rest = Array.from({ length: 500 }, (_, i) => `${i + 3},"Zoë ${i}\r\nsecond line"\r\n`).join("")
  const bytes = utf8(header + first + second + rest)
  expect(bytes[MiB - 1]).toBe(0x0d)
  expect(bytes[2 * MiB - 1]).toBe(0xc3)
  return bytes
}

/** `acrossChunks` without its quoted values: lines and a line end cut by the 1 MiB reads. */
const quoteFreeAcrossChunks = (): Uint8Array => {
  const header = "id,name\r\n"
  const first = `1,${"x".repeat(MiB - 1 - header.length - 2)}\r\n`
  const rest = Array.from({ length: 50_000 }, (_, i) => `${i + 2},Zoë ${i} ,${i % 3 === 0 ? "extra" : ""}\r\n`).join("")
  const bytes = utf8(header + first + rest)
  expect(bytes[MiB - 1]).toBe(0x0d)
  return bytes
}

/** A three-byte character whose first two bytes end the first 1 MiB read and whose last is missing. */
const cutAtChunkEnd = (): Uint8Array => {
  const header = utf8("id,name\n")
  const filler = utf8(`1,${"x".repeat(MiB - header.length - 4)}`)
  const bytes = new Uint8Array([...header, ...filler, 0xe2, 0x82, ...utf8(",2\n3,\u20ac\n")])
  expect(bytes[MiB - 1]).toBe(0x82)
  return bytes
}

const samples: ReadonlyArray<readonly [string, Uint8Array]> = [
  ["UTF-8 with a BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("id,name\n1,Ann\n")])],
  ["Windows-1252 with a byte that is not UTF-8 near the end", new Uint8Array([...cp1252("id,first\n1,Peña\n2,O"), 0x92, ...cp1252("Brien\n")])],
  ["UTF-16 LE with a BOM", new Uint8Array([0xff, 0xfe, ...Buffer.from("id\tname\r\n1\tZoë\r\n", "utf16le")])],
  ["UTF-16 BE with a BOM", new Uint8Array([0xfe, 0xff, ...Buffer.from("id\tname\r\n1\tZoë\r\n", "utf16le").swap16()])],
  ["UTF-16 without a BOM", new Uint8Array(Buffer.from("id,name\n1,Zoë\n", "utf16le"))],
  ["CR line ends, blank lines and values spanning lines", utf8(["id,note", "1,plain", "", '2,"two', 'lines"', "   ", "3,last"].join("\r") + "\r")],
  ["blank lines before the header and blank rows", utf8("\n\nid,name\n\n,\n1,Ann\n , \n")],
  ["short and long rows", utf8("a,b,c\n1\n1,2,3,4,\n1,2,3,,\n")],
  ["semicolons and a last line without a line end", utf8('"Doe, John";x\n1;2,5\n3;4')],
  ["a file read in several chunks", acrossChunks()],
  // Without a quote anywhere, rows are split from lines rather than parsed: the same rows all the same.
  ["no quotes: padding, a no-break space, blank and blank-looking lines", utf8("id , name\n 1 ,\u00a0Ann\t\n\n \t \n2,Bo ,\n;\n\n")],
  ["no quotes, semicolons, CRLF and no last line end", utf8("id;name\r\n1;Ann\r\n\r\n2;Bo")],
  ["no quotes, tabs", utf8("id\tname\n 1 \t\tAnn\n")],
  ["no quotes, in several chunks", quoteFreeAcrossChunks()],
  ["a character cut short at the end of the file", new Uint8Array([...utf8("id,name\n1,Ren"), 0xc3])],
  ["a character cut short at the end of a 1 MiB read", cutAtChunkEnd()]
]

const streamed = (bytes: Uint8Array) =>
  Effect.gen(function* () {
    const dir = yield* tempFolderWith({ "file.csv": bytes })
    const file = path.join(dir, "file.csv")
    const rows: Array<CsvRow> = []
    const headers: Array<CsvStreamHeader> = []
    const count = yield* streamCsvTable(file, (header) => {
      headers.push(header)
      return Either.right((row: CsvRow) => void rows.push(row))
    })
    return { file, count, header: headers[0], rows }
  })

describe("streamCsvTable", () => {
  it.scoped("hands over the rows that reading the whole file gives, numbered the same, in every encoding", () =>
    Effect.gen(function* () {
      for (const [name, bytes] of samples) {
        const whole = parseCsvBytes(bytes, "whole.csv")
        if (Either.isLeft(whole)) throw new Error(`${name}: ${whole.left.message}`)
        const { count, header, rows } = yield* streamed(bytes)
        expect({ name, headers: header?.headers, delimiter: header?.delimiter, encoding: header?.encoding }).toEqual({
          name,
          headers: whole.right.headers,
          delimiter: whole.right.delimiter,
          encoding: whole.right.encoding
        })
        expect(rows, name).toEqual(whole.right.rows)
        expect(count, name).toBe(whole.right.rows.length)
      }
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("says whether every row ends in the same empty cells, judged over all rows", () =>
    Effect.gen(function* () {
      expect((yield* streamed(utf8("a,b\n1,2,\n3,4,\n"))).header?.trailingDelimiters).toBe(true)
      expect((yield* streamed(utf8("a,b\n1,2,\n3,4,\n5,6,x\n"))).header?.trailingDelimiters).toBe(false)
      expect((yield* streamed(utf8("a,b\n1,2,\n3,4\n"))).header?.trailingDelimiters).toBe(false)
      expect((yield* streamed(utf8("a,b\n1,2\n3,4,\n"))).header?.trailingDelimiters).toBe(false)
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("refuses an empty or malformed file as reading it whole does, after handing over the rows before the fault", () =>
    Effect.gen(function* () {
      const empty = yield* Effect.flip(streamed(utf8(" \n\n")))
      expect(empty._tag === "CsvFileError" && empty.problem).toBe("empty")

      const bytes = utf8(`id,name\n${Array.from({ length: 2000 }, (_, i) => `${i},Ann\n`).join("")}\n2,"Bob\n3,Cy\n`)
      const whole = parseCsvBytes(bytes, "x")
      if (Either.isRight(whole)) throw new Error("expected the whole-file reader to refuse it")
      const dir = yield* tempFolderWith({ "file.csv": bytes })
      let handed = 0
      const error = yield* Effect.flip(streamCsvTable(path.join(dir, "file.csv"), () => Either.right(() => void handed++)))
      expect(error._tag === "CsvFileError" && [error.problem, error.line, error.detail]).toEqual([whole.left.problem, whole.left.line, whole.left.detail])
      expect(handed).toBe(2000)
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("gives the header's refusal and hands over no row", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({ "file.csv": utf8("a,b\n1,2\n") })
      let handed = 0
      const error = yield* Effect.flip(
        streamCsvTable(path.join(dir, "file.csv"), (header) => (header.headers.includes("id") ? Either.right(() => void handed++) : Either.left("no id column")))
      )
      expect([error, handed]).toEqual(["no id column", 0])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )
})
