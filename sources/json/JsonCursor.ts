import { ChunkReader, type Mark } from "./ChunkReader.ts"
import { JsonStreamFailure } from "./JsonStreamFailure.ts"
import { TOO_DEEP, ValueScanner } from "./ValueScanner.ts"

const OPEN_OBJECT = 0x7b
const OPEN_LIST = 0x5b
const CLOSE_OBJECT = 0x7d
const CLOSE_LIST = 0x5d
const QUOTE = 0x22
const COMMA = 0x2c
const COLON = 0x3a
const END = -1

/** `value` found the value longer than its limit and went back to its start, to be walked member by member. */
export const TOO_LARGE: unique symbol = Symbol("TOO_LARGE")

/**
 * Bytes of items parsed by one JSON.parse call, about. The call's cost is per item, not per call, so a run need not be
 * long; and all of a run's objects live until its last item is handed on, so a collection that comes meanwhile
 * copies every one still to be handed on. Reading the 10,000 heavy company's snapshot (76 MB of invoices) with runs
 * of a whole 1 MB chunk took 3.1–3.2 s of CPU against 2.7–2.9 s with runs of 64 kB (16 kB and 256 kB no better),
 * three rounds each, alternating (`npx tsx bench/qboSnapshotRead.ts`).
 */
const RUN_BYTES = 64 * 1024

/** No property name of a QBO response comes near this; a longer one is not worth holding. */
const KEY_LIMIT = 64 * 1024

const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

/** V8's words for a syntax error, without its offset: that one counts from the start of the value parsed, not the file. */
const syntaxDetail = (message: string): string => message.replace(/ in JSON at position \d+/, "").replace(/\s*\(line \d+ column \d+\)$/, "")

/**
 * Walks JSON text as it streams in, a value at a time: objects and lists can be opened and their members taken
 * one by one, and any value small enough can be taken whole (found by `ValueScanner`, parsed by JSON.parse), so
 * memory is bounded by the largest value taken whole, however long the text. Every byte is checked: by JSON.parse
 * inside values taken whole, by the cursor between them. Errors name the line and column.
 */
export class JsonCursor {
  private readonly reader: ChunkReader
  /** The objects and lists open around the cursor, with how many members each has had (a comma comes before the next). */
  private readonly open: Array<{ readonly list: boolean; members: number }> = []
  /** A run of items that did not parse together: until past its end, items are read one by one. */
  private badRun: { readonly buf: Buffer | null; readonly end: number } = { buf: null, end: 0 }

  constructor(
    chunks: AsyncIterable<Uint8Array>,
    /** The deepest the text may nest; deeper is refused before it is walked or parsed. */
    private readonly maxDepth: number,
    signal?: AbortSignal
  ) {
    this.reader = new ChunkReader(chunks[Symbol.asyncIterator](), signal)
  }

  /** Skips a UTF-8 byte order mark (some editors write one); false when the text holds nothing but whitespace. */
  async start(): Promise<boolean> {
    await this.reader.ensure(3)
    const b = this.reader.buf
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      this.reader.pos = 3
      this.reader.startLineHere()
    }
    return (await this.peek()) !== END
  }

  /** The first byte of what comes next, past whitespace; -1 at the end of the text. */
  async peek(): Promise<number> {
    const r = this.reader
    for (;;) {
      const buf = r.buf
      let i = r.pos
      while (i < buf.length && isSpace(buf[i])) i++
      r.pos = i
      if (i < buf.length) return buf[i] ?? END
      if (!(await r.fill())) return END
    }
  }

  /** Fails at the cursor, or at a mark. */
  fail(detail: string, at?: Mark, reason: "syntax" | "too-deep" = "syntax"): never {
    const { line, column } = this.reader.positionOf(at)
    throw new JsonStreamFailure({ line, column, reason, detail })
  }

  private unexpected(c: number, detail: string): never {
    return this.fail(c === END ? "Unexpected end of JSON input" : detail)
  }

  private tooDeep(): never {
    return this.fail(`nests more than ${this.maxDepth} levels deep`, undefined, "too-deep")
  }

  /**
   * The next value parsed, when its text is at most `limit` bytes; otherwise TOO_LARGE,
   * with the cursor back at the value's start.
   */
  async value(limit: number): Promise<unknown> {
    const first = await this.peek()
    if (first === END || first === COMMA || first === COLON || first === CLOSE_LIST || first === CLOSE_OBJECT) {
      this.unexpected(first, `Unexpected token '${String.fromCharCode(first)}'`)
    }
    const r = this.reader
    const start = r.mark(true)
    const scanner = new ValueScanner(this.open.length, this.maxDepth)
    let size = 0
    for (;;) {
      const from = r.pos
      const end = scanner.scan(r.buf, from)
      if (end >= 0) {
        r.pos = end
        if (size + (end - from) > limit) {
          r.rewind(start)
          return TOO_LARGE
        }
        break
      }
      if (end === TOO_DEEP) {
        r.pos = scanner.tooDeepAt
        this.tooDeep()
      }
      size += r.buf.length - from
      r.pos = r.buf.length
      if (size > limit) {
        r.rewind(start)
        return TOO_LARGE
      }
      // At the end of the text a number is complete; anything else is cut short, which JSON.parse will say.
      if (!(await r.fill())) break
    }
    return this.parse(r.takeSince(start), start)
  }

  private parse(text: string, start: Mark): unknown {
    try {
      return JSON.parse(text)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const at = /at position (\d+)/.exec(message)?.[1]
      const offset = at === undefined ? text.length : Number(at)
      const before = text.slice(0, offset)
      const lastBreak = before.lastIndexOf("\n")
      const origin = this.reader.positionOf(start)
      const line = origin.line + before.split("\n").length - 1
      const column = lastBreak === -1 ? origin.column + offset : offset - lastBreak
      throw new JsonStreamFailure({ line, column, reason: "syntax", detail: syntaxDetail(message) })
    }
  }

  private async enter(open: number, list: boolean): Promise<void> {
    const c = await this.peek()
    if (c !== open) this.unexpected(c, list ? "Expected a JSON list" : "Expected a JSON object")
    if (this.open.length + 1 > this.maxDepth) this.tooDeep()
    this.reader.pos++
    this.open.push({ list, members: 0 })
  }

  /** Steps into the object that comes next; its members follow from `nextKey`. */
  openObject(): Promise<void> {
    return this.enter(OPEN_OBJECT, false)
  }

  /** Steps into the list that comes next; its items follow from `nextItem`. */
  openList(): Promise<void> {
    return this.enter(OPEN_LIST, true)
  }

  /**
   * The next property name of the open object, leaving its value to be read next (exactly one: `value`, `skip`,
   * or opening it); null when the object closes.
   */
  async nextKey(): Promise<string | null> {
    const top = this.open.at(-1)
    let c = await this.peek()
    if (c === CLOSE_OBJECT) {
      this.reader.pos++
      this.open.pop()
      return null
    }
    if (top !== undefined && top.members > 0) {
      if (c !== COMMA) this.unexpected(c, "Expected ',' or '}' after property value")
      this.reader.pos++
      c = await this.peek()
    }
    if (c !== QUOTE) this.unexpected(c, "Expected double-quoted property name")
    const key = await this.value(KEY_LIMIT)
    if (typeof key !== "string") this.fail("a property name too long to be one")
    if ((await this.peek()) !== COLON) this.unexpected(await this.peek(), "Expected ':' after property name")
    this.reader.pos++
    if (top !== undefined) top.members++
    return key
  }

  /** Whether the open list has another item, leaving it to be read next (exactly once); false when the list closes. */
  async nextItem(): Promise<boolean> {
    const top = this.open.at(-1)
    let c = await this.peek()
    if (c === CLOSE_LIST) {
      this.reader.pos++
      this.open.pop()
      return false
    }
    if (top !== undefined && top.members > 0) {
      if (c !== COMMA) this.unexpected(c, "Expected ',' or ']' after array element")
      this.reader.pos++
      c = await this.peek()
      if (c === CLOSE_LIST) this.fail("Unexpected token ']'")
    }
    if (top !== undefined) top.members++
    return true
  }

  /**
   * Reads the items of the list just opened: `onValue` gets each item at most `limit` bytes long, parsed, with its
   * 1-based index; `onLarge` is called at the start of a larger one, and must read it. Runs of items that lie
   * whole in the chunk at hand are parsed by one JSON.parse call: per item, the calls, not the parsing, cost most.
   */
  async eachItem(limit: number, onValue: (value: unknown, index: number) => void, onLarge: (index: number) => Promise<void>): Promise<void> {
    let index = 0
    while (await this.nextItem()) {
      const run = this.runOfItems(limit)
      if (run !== null) {
        for (const value of run) onValue(value, ++index)
        continue
      }
      const value = await this.value(limit)
      if (value === TOO_LARGE) await onLarge(++index)
      else onValue(value, ++index)
    }
  }

  /**
   * The items from the cursor on that lie whole in the current chunk, parsed together, with the cursor moved past
   * them; null when fewer than two do, or when they do not parse (read one by one, the bad one is then placed).
   */
  private runOfItems(limit: number): ReadonlyArray<unknown> | null {
    const buf = this.reader.buf
    const start = this.reader.pos
    let at = start
    let end = start
    let count = 0
    for (;;) {
      const first = buf[at]
      if (first === undefined || first === COMMA || first === COLON || first === CLOSE_LIST || first === CLOSE_OBJECT) break
      const found = new ValueScanner(this.open.length, this.maxDepth).scan(buf, at)
      if (found < 0 || found - at > limit) break
      end = found
      count++
      if (end - start > RUN_BYTES) break
      let next = end
      while (next < buf.length && isSpace(buf[next])) next++
      if (buf[next] !== COMMA) break
      next++
      while (next < buf.length && isSpace(buf[next])) next++
      at = next
    }
    if (count < 2 || (buf === this.badRun.buf && start < this.badRun.end)) return null
    let values: unknown
    try {
      values = JSON.parse(`[${buf.toString("utf8", start, end)}]`)
    } catch {
      values = null
    }
    if (!Array.isArray(values) || values.length !== count) {
      // Its items are read one by one up to the bad one; trying the rest of the run again at each would be quadratic.
      this.badRun = { buf, end }
      return null
    }
    this.reader.pos = end
    const top = this.open.at(-1)
    if (top !== undefined) top.members += count - 1
    return values
  }

  /** Reads past the next value, checking it as `value` does, however large it is. */
  async skip(limit: number): Promise<void> {
    const c = await this.peek()
    if ((await this.value(limit)) !== TOO_LARGE) return
    if (c === OPEN_OBJECT) {
      await this.openObject()
      while ((await this.nextKey()) !== null) await this.skip(limit)
    } else if (c === OPEN_LIST) {
      await this.openList()
      while (await this.nextItem()) await this.skip(limit)
    } else this.fail(`a single string or number longer than ${limit} bytes`)
  }

  /** Checks that nothing but whitespace follows the value read. */
  async end(): Promise<void> {
    if ((await this.peek()) !== END) this.fail("Unexpected non-whitespace character after JSON")
  }

  /** Lets the source go; to be called however reading ended. */
  close(): Promise<void> {
    return this.reader.close()
  }
}
