import { FileSystem } from "@effect/platform"
import { isPlatformError, type PlatformError } from "@effect/platform/Error"
import { CsvError, parse, type Parser } from "csv-parse"
import { isUtf8 } from "node:buffer"
import { Effect, Either, Stream } from "effect"
import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import { CsvFileError } from "./CsvFileError.ts"
import type { TextEncodingName } from "./decodeText.ts"
import { decodeWindows1252 } from "./decodeWindows1252.ts"
import { eachPlainRecord, plainDelimiter } from "./eachPlainRecord.ts"
import { csvParseOptions, type CsvHeader, type CsvRow, parseCsvBytes, recordToRow, unreadableCsvFile } from "./readCsvTable.ts"
import { sniffDelimiter } from "./sniffDelimiter.ts"

/*
 * A history export holds dozens of rows per customer: read whole, its rows as arrays of strings took many times
 * the file's size. Here the file is read as a stream, a row at a time, with the rules of `parseCsvBytes`: the
 * same encodings, delimiter, line and row numbers, padding, and the same refusals.
 */

const CHUNK_SIZE = FileSystem.MiB(1)

type Chunks = () => AsyncIterable<Uint8Array>

interface Encoding {
  readonly name: TextEncodingName
  /** Bytes of byte order mark to skip. */
  readonly skip: number
  /**
   * No byte of the file is 0x22, so no character is a quote in any encoding read here (UTF-16 writes `"` with
   * that byte too): its records are its lines (see `eachPlainRecord`).
   */
  readonly quoteFree: boolean
}

const QUOTE_BYTE = 0x22

const startsWith = (bytes: Uint8Array, prefix: ReadonlyArray<number>): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)

const firstBytes = async (chunks: Chunks, n: number): Promise<Uint8Array> => {
  const parts: Array<Uint8Array> = []
  let length = 0
  for await (const chunk of chunks()) {
    parts.push(chunk)
    length += chunk.length
    if (length >= n) break
  }
  return Buffer.concat(parts).subarray(0, n)
}

/**
 * Where the bytes' last whole character ends: a character cut by the end of a chunk is judged with the next one.
 * Three continuation bytes at the end finish a character or break one; either way nothing after them can change that.
 */
const wholeCharactersEnd = (bytes: Uint8Array): number => {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0
    if ((byte & 0xc0) === 0x80) continue
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return length > back ? bytes.length - back : bytes.length
  }
  return bytes.length
}

/**
 * One pass over the whole file, before a row is read: whether it is valid UTF-8 (unless `utf8` is already known
 * not to matter), as `decodeText` judges it, and whether any byte is a quote. Stops as soon as both are answered.
 * The bytes are checked as they are, without decoding them to text that would be thrown away.
 */
const scanBytes = async (chunks: Chunks, checkUtf8: boolean): Promise<{ readonly utf8: boolean; readonly quoteFree: boolean }> => {
  let utf8 = checkUtf8
  let quoteFree = true
  let cut: Uint8Array = new Uint8Array(0)
  for await (const chunk of chunks()) {
    if (quoteFree && chunk.indexOf(QUOTE_BYTE) !== -1) quoteFree = false
    if (utf8) {
      const bytes = cut.length === 0 ? chunk : Buffer.concat([cut, chunk])
      const end = wholeCharactersEnd(bytes)
      utf8 = isUtf8(bytes.subarray(0, end))
      cut = bytes.slice(end)
    }
    if (!utf8 && !quoteFree) break
  }
  return { utf8: utf8 && cut.length === 0, quoteFree }
}

/** The encoding `decodeText` would choose for the whole file. */
const detectEncoding = async (chunks: Chunks): Promise<Encoding> => {
  const head = await firstBytes(chunks, 4)
  const marked = (name: TextEncodingName, skip: number): Promise<Encoding> =>
    scanBytes(chunks, false).then(({ quoteFree }) => ({ name, skip, quoteFree }))
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return marked("utf-8-bom", 3)
  if (startsWith(head, [0xff, 0xfe])) return marked("utf-16le", 2)
  if (startsWith(head, [0xfe, 0xff])) return marked("utf-16be", 2)
  if (head.length >= 4 && head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0) return marked("utf-16le", 0)
  if (head.length >= 4 && head[0] === 0 && head[1] !== 0 && head[2] === 0 && head[3] !== 0) return marked("utf-16be", 0)
  const { utf8, quoteFree } = await scanBytes(chunks, true)
  return { name: utf8 ? "utf-8" : "windows-1252", skip: 0, quoteFree }
}

const decoderFor = (name: TextEncodingName): ((bytes: Uint8Array, end: boolean) => string) => {
  if (name === "windows-1252") return (bytes) => decodeWindows1252(bytes)
  const decoder =
    name === "utf-8" ? new TextDecoder("utf-8", { ignoreBOM: true }) : new TextDecoder(name === "utf-8-bom" ? "utf-8" : name)
  return (bytes, end) => decoder.decode(bytes, { stream: !end })
}

/**
 * The file's text with every line end as "\n", chunk by chunk: a "\r" at the end of a chunk waits for the next,
 * which may start with its "\n".
 */
async function* textOf(chunks: Chunks, encoding: Encoding): AsyncGenerator<string> {
  const decode = decoderFor(encoding.name)
  let skip = encoding.skip
  let carriageReturn = false
  const normalised = (text: string): string => {
    const joined = carriageReturn ? `\r${text}` : text
    carriageReturn = joined.endsWith("\r")
    return (carriageReturn ? joined.slice(0, -1) : joined).replace(/\r\n?/g, "\n")
  }
  for await (const chunk of chunks()) {
    const bytes = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk
    skip -= chunk.length - bytes.length
    const text = normalised(decode(bytes, false))
    if (text !== "") yield text
  }
  const tail = normalised(decode(new Uint8Array(0), true))
  if (tail !== "" || carriageReturn) yield carriageReturn ? `${tail}\n` : tail
}

/** The delimiter, judged from the header line as `parseCsvBytes` does: the text up to the first line with content. */
const sniffStreamDelimiter = async (chunks: Chunks, encoding: Encoding): Promise<string> => {
  let text = ""
  for await (const part of textOf(chunks, encoding)) {
    text += part
    const lines = text.split("\n")
    if (lines.slice(0, -1).some((line) => line.trim() !== "")) break
  }
  return sniffDelimiter(text)
}

/**
 * Hands the file's non-blank records to `onRow` as rows, numbered as `parseCsvBytes` numbers them, until the file
 * ends or `onRow` says "stop". Rows are taken from the parser as it emits them, within the chunk that holds them:
 * awaiting each one cost more than parsing it. A file without quotes is split into lines instead of parsed.
 */
const eachRow = (chunks: Chunks, encoding: Encoding, delimiter: string, onRow: (row: CsvRow) => "stop" | void): Promise<void> => {
  let line = 1
  let record = 0
  const onRecord = (cells: ReadonlyArray<string>): "stop" | void => {
    record++
    const { row, lines } = recordToRow(line, record, cells)
    line += lines
    return row === null ? undefined : onRow(row)
  }
  if (encoding.quoteFree && plainDelimiter(delimiter)) return eachPlainRecord(textOf(chunks, encoding), delimiter, onRecord)
  const parser: Parser = parse({ ...csvParseOptions(delimiter), skip_empty_lines: false })
  let stopped = false
  parser.on("data", (cells: ReadonlyArray<string>) => {
    if (stopped) return
    if (onRecord(cells) === "stop") {
      stopped = true
      parser.destroy()
    }
  })
  return pipeline(Readable.from(textOf(chunks, encoding)), parser).catch((error: unknown) => {
    if (!stopped) throw error
  })
}

/** `eachRow` for the rows after the header, each padded to the header's width as `parseCsvBytes` pads them. */
const eachDataRow = (chunks: Chunks, encoding: Encoding, delimiter: string, onRow: (row: CsvRow) => "stop" | void): Promise<void> => {
  let width: number | null = null
  return eachRow(chunks, encoding, delimiter, (row) => {
    if (width === null) {
      width = row.cells.length
      return
    }
    return onRow(
      row.cells.length >= width
        ? row
        : { line: row.line, row: row.row, cells: [...row.cells, ...Array.from({ length: width - row.cells.length }, () => "")] }
    )
  })
}

/**
 * True when every data row ends in the same empty cells past the header (a tool that ends each line with a
 * delimiter): the rule of `shapeCheckOf`, which judges all rows, so a file whose first row is wider than its header
 * is read once more to judge it before any row is handed on.
 */
const allRowsTrail = async (chunks: Chunks, encoding: Encoding, delimiter: string, width: number, cells: number): Promise<boolean> => {
  let trail = true
  await eachDataRow(chunks, encoding, delimiter, (row) => {
    if (row.cells.length === cells && !row.cells.slice(width).some((cell) => cell !== "")) return
    trail = false
    return "stop"
  })
  return trail
}

/** How a streamed file begins: its header, and whether its rows all end in empty cells (see `shapeCheckOf`). */
export interface CsvStreamHeader extends CsvHeader {
  readonly trailingDelimiters: boolean
}

type Outcome<E> = { readonly _tag: "read"; readonly rows: number } | { readonly _tag: "refused"; readonly error: E | CsvFileError }

const emptyFile = (file: string): CsvFileError =>
  new CsvFileError({
    file,
    problem: "empty",
    line: null,
    detail: "the file is empty: it needs a header line naming the columns, then one line per record"
  })

const streamRows = async <E>(
  chunks: Chunks,
  file: string,
  begin: (header: CsvStreamHeader) => Either.Either<(row: CsvRow) => void, E>
): Promise<Outcome<E>> => {
  const encoding = await detectEncoding(chunks)
  const delimiter = await sniffStreamDelimiter(chunks, encoding)
  const opening: Array<CsvRow> = []
  await eachRow(chunks, encoding, delimiter, (row) => (opening.push(row) >= 2 ? "stop" : undefined))
  const [header, first] = opening
  if (header === undefined) return { _tag: "refused", error: emptyFile(file) }
  const width = header.cells.length
  const trailingDelimiters =
    first !== undefined && first.cells.length > width && (await allRowsTrail(chunks, encoding, delimiter, width, first.cells.length))
  const onRow = begin({ file, headers: header.cells, delimiter, encoding: encoding.name, trailingDelimiters })
  if (Either.isLeft(onRow)) return { _tag: "refused", error: onRow.left }
  let rows = 0
  await eachDataRow(chunks, encoding, delimiter, (row) => {
    onRow.right(row)
    rows++
  })
  return { _tag: "read", rows }
}

/**
 * Reads a CSV file a row at a time: `begin` sees the header first and either refuses the file or gives the
 * function each data row is handed to, in order. Gives the number of data rows. Rows are handed on as they are
 * read, so a file that turns out malformed further down has had its earlier rows handed on before the read fails.
 */
export const streamCsvTable = <E>(
  path: string,
  begin: (header: CsvStreamHeader) => Either.Either<(row: CsvRow) => void, E>
): Effect.Effect<number, CsvFileError | E, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    yield* Effect.mapError(fs.stat(path), (error) => unreadableCsvFile(path, error))
    const chunks: Chunks = () => Stream.toAsyncIterable(fs.stream(path, { chunkSize: CHUNK_SIZE }))
    const outcome = yield* Effect.tryPromise({
      try: () => streamRows(chunks, path, begin),
      catch: (error): unknown => error
    }).pipe(Effect.catchAll((error) => refusal(error, path, fs)))
    return outcome._tag === "read" ? outcome.rows : yield* Effect.fail(outcome.error)
  }).pipe(Effect.withSpan("streamCsvTable", { attributes: { path } }))

/** Files past this size are not read whole to place a parse error: the parser's own line is given instead. */
const WHOLE_FILE_FOR_ERROR_BYTES = 256 * 1024 * 1024

/**
 * Why a streamed read failed, as `readCsvTable` would say it. A malformed file is read whole once more to place
 * the error exactly where the whole-file reader places it (the record after the last good one); refusing such a
 * file is rare and ends the run, so the cost is paid once.
 */
const refusal = (
  error: unknown,
  file: string,
  fs: FileSystem.FileSystem
): Effect.Effect<Outcome<never>, CsvFileError> => {
  if (isPlatformError(error)) return Effect.fail(unreadableCsvFile(file, error satisfies PlatformError))
  if (!(error instanceof CsvError)) return Effect.die(error)
  const reported = typeof error["lines"] === "number" ? error["lines"] : null
  const fallback = new CsvFileError({ file, problem: "malformed", line: reported, detail: `the file is not valid CSV (${error.message}): open it in a spreadsheet and save it again as CSV` })
  return Effect.gen(function* () {
    const size = yield* Effect.orElseSucceed(fs.stat(file), () => null)
    if (size === null || Number(size.size) > WHOLE_FILE_FOR_ERROR_BYTES) return yield* Effect.fail(fallback)
    const bytes = yield* Effect.mapError(fs.readFile(file), (e) => unreadableCsvFile(file, e))
    const whole = parseCsvBytes(bytes, file)
    return yield* Either.isLeft(whole) ? Effect.fail(whole.left) : Effect.fail(fallback)
  })
}
