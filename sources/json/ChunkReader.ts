import { setImmediate } from "node:timers/promises"

const NEWLINE = 0x0a

/** UTF-16 code units of UTF-8 bytes: what a line's column counts, as an editor and `String#length` do. */
const utf16Units = (bytes: Uint8Array, from: number, to: number): number => {
  let units = 0
  for (let i = from; i < to; i++) {
    const b = bytes[i] ?? 0
    // Continuation bytes add nothing; a four-byte sequence is a surrogate pair.
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1
  }
  return units
}

const asBuffer = (chunk: Uint8Array): Buffer => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))

const EMPTY = Buffer.alloc(0)

/**
 * Bytes read between two turns given to the event loop. A source that answers at once (a generator, a cached
 * file) would otherwise keep timers, sockets and the other side's pull waiting until the whole text is read.
 */
const BYTES_BETWEEN_TURNS = 4 * 1024 * 1024

/**
 * A place in the text, cheap to take at every value: the work of turning it into a line and column is only done
 * when one is asked for (an error), and it can be gone back to while its bytes are kept (`ChunkReader.rewind`).
 */
export interface Mark {
  readonly buf: Buffer
  readonly pos: number
  /** Bytes of `buf` before this index have had their line breaks counted into `line`. */
  readonly counted: number
  readonly line: number
  /** Index in `buf` where the line starts, or -1 when it started in an earlier chunk. */
  readonly lineStart: number
  /** UTF-16 units of the line in earlier chunks, when it started there. */
  readonly unitsBefore: number
}

/** 1-based line and column. */
export interface TextPosition {
  readonly line: number
  readonly column: number
}

/**
 * Bytes arriving in chunks, read from `buf` at `pos`, with line breaks counted as chunks are let go (natively, by
 * `indexOf`), so that a position can be named in any file however long its lines. Holds one chunk, or, while a
 * mark is kept, every chunk since the mark.
 */
export class ChunkReader {
  buf: Buffer = EMPTY
  pos = 0
  private counted = 0
  private line = 1
  private lineStart = 0
  private unitsBefore = 0
  private ended = false
  /** Chunks let go since the kept mark (the mark's own chunk first), or null when none is kept. */
  private kept: Array<Buffer> | null = null
  private sinceTurn = 0

  constructor(
    private readonly chunks: AsyncIterator<Uint8Array>,
    private readonly signal?: AbortSignal
  ) {}

  /** The next chunk into `buf`; false at the end of the text. Only call when `pos` has reached the end of `buf`. */
  async fill(): Promise<boolean> {
    if (this.ended) return false
    this.signal?.throwIfAborted()
    this.countTo(this.buf.length)
    this.unitsBefore = (this.lineStart < 0 ? this.unitsBefore : 0) + utf16Units(this.buf, Math.max(0, this.lineStart), this.buf.length)
    this.lineStart = -1
    if (this.kept !== null && this.buf.length > 0) this.kept.push(this.buf)
    for (;;) {
      const next = await this.chunks.next()
      if (next.done === true) {
        this.ended = true
        this.buf = EMPTY
        this.pos = 0
        this.counted = 0
        return false
      }
      if (next.value.length === 0) continue
      this.sinceTurn += next.value.length
      if (this.sinceTurn >= BYTES_BETWEEN_TURNS) {
        this.sinceTurn = 0
        await setImmediate()
      }
      this.buf = asBuffer(next.value)
      this.pos = 0
      this.counted = 0
      return true
    }
  }

  /** Lets the source go (closes the file) when reading stops early. */
  async close(): Promise<void> {
    if (!this.ended) {
      this.ended = true
      await this.chunks.return?.()
    }
  }

  private countTo(end: number): void {
    for (let i = this.buf.indexOf(NEWLINE, this.counted); i !== -1 && i < end; i = this.buf.indexOf(NEWLINE, i + 1)) {
      this.line++
      this.lineStart = i + 1
    }
    this.counted = Math.max(this.counted, end)
  }

  /** The current place; pass `keep` to hold every byte from here until `takeSince` or `rewind`. */
  mark(keep = false): Mark {
    if (keep) this.kept = []
    return { buf: this.buf, pos: this.pos, counted: this.counted, line: this.line, lineStart: this.lineStart, unitsBefore: this.unitsBefore }
  }

  /** The bytes from a kept mark to `pos`, as text; stops keeping. */
  takeSince(mark: Mark): string {
    const kept = this.kept ?? []
    this.kept = null
    if (kept.length === 0) return this.buf.toString("utf8", mark.pos, this.pos)
    const [first = EMPTY, ...rest] = kept
    return Buffer.concat([first.subarray(mark.pos), ...rest, this.buf.subarray(0, this.pos)]).toString("utf8")
  }

  /** Back to a kept mark, to read its bytes again another way. */
  rewind(mark: Mark): void {
    const kept = this.kept ?? []
    this.kept = null
    // The mark's chunk is put back whole, so the indexes the mark holds stay true.
    this.buf = kept.length === 0 ? this.buf : Buffer.concat([...kept, this.buf])
    this.pos = mark.pos
    this.counted = mark.counted
    this.line = mark.line
    this.lineStart = mark.lineStart
    this.unitsBefore = mark.unitsBefore
  }

  /** Line and column of a mark; of `pos` when none is given. */
  positionOf(mark: Mark = this.mark()): TextPosition {
    let line = mark.line
    let lineStart = mark.lineStart
    for (let i = mark.buf.indexOf(NEWLINE, mark.counted); i !== -1 && i < mark.pos; i = mark.buf.indexOf(NEWLINE, i + 1)) {
      line++
      lineStart = i + 1
    }
    const before = lineStart < 0 ? mark.unitsBefore + utf16Units(mark.buf, 0, mark.pos) : utf16Units(mark.buf, lineStart, mark.pos)
    return { line, column: before + 1 }
  }

  /**
   * Makes at least `n` bytes readable at `pos` if the text has them, joining chunks whole so that every index
   * held stays true (only the start of the text needs this, to look for a byte order mark in chunks however small).
   */
  async ensure(n: number): Promise<void> {
    while (this.buf.length - this.pos < n && !this.ended) {
      const next = await this.chunks.next()
      if (next.done === true) {
        this.ended = true
        return
      }
      this.buf = Buffer.concat([this.buf, asBuffer(next.value)])
    }
  }

  /** Starts line 1 at `pos`: bytes before it (a byte order mark) are not part of the text. */
  startLineHere(): void {
    this.counted = this.pos
    this.lineStart = this.pos
  }
}
