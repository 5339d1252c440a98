const OPEN_OBJECT = 0x7b
const OPEN_LIST = 0x5b
const CLOSE_OBJECT = 0x7d
const CLOSE_LIST = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c

/** Bytes that end a number, `true`, `false` or `null`. */
const ENDS_SCALAR = new Uint8Array(256)
for (const b of [COMMA, CLOSE_LIST, CLOSE_OBJECT, 0x20, 0x0a, 0x0d, 0x09]) ENDS_SCALAR[b] = 1

/** The scan ran to the end of the bytes it was given; give it the next chunk. */
export const NEEDS_MORE = -1
/** The value nests deeper than allowed, at `ValueScanner.tooDeepAt`. */
export const TOO_DEEP = -2

type Mode = "start" | "nested" | "scalar"

/**
 * Finds where one JSON value ends, chunk by chunk, by counting brackets outside strings. It does not check the
 * value: JSON.parse does that, natively, on the bytes found; this only has to be fast and to stop at the right
 * byte, and to refuse nesting deeper than `limit` before anything walks it.
 */
export class ValueScanner {
  private mode: Mode = "start"
  private depth = 0
  private inString = false
  private escaped = false
  tooDeepAt = -1

  /** `outerDepth`: the objects and lists the value sits in; `limit`: the most the text may nest. */
  constructor(
    private readonly outerDepth: number,
    private readonly limit: number
  ) {}

  /** True for a number or literal, which only the next delimiter or the end of the text ends. */
  get isScalar(): boolean {
    return this.mode === "scalar"
  }

  /**
   * Scans `buf` from `from` (the value's first byte on the first call); the index just past the value's last
   * byte, NEEDS_MORE, or TOO_DEEP.
   */
  scan(buf: Uint8Array, from: number): number {
    let i = from
    const n = buf.length
    if (this.mode === "start") {
      const first = buf[i]
      if (first === QUOTE) {
        this.mode = "nested"
        this.inString = true
        i++
      } else if (first === OPEN_OBJECT || first === OPEN_LIST) {
        this.mode = "nested"
        this.depth = 1
        if (this.outerDepth + 1 > this.limit) {
          this.tooDeepAt = i
          return TOO_DEEP
        }
        i++
      } else this.mode = "scalar"
    }
    if (this.mode === "scalar") {
      for (; i < n; i++) if (ENDS_SCALAR[buf[i] ?? 0] === 1) return i
      return NEEDS_MORE
    }
    let depth = this.depth
    let inString = this.inString
    let escaped = this.escaped
    const maxDepth = this.limit - this.outerDepth
    for (; i < n; i++) {
      const c = buf[i]
      if (inString) {
        if (escaped) escaped = false
        else if (c === BACKSLASH) escaped = true
        else if (c === QUOTE) {
          inString = false
          if (depth === 0) return i + 1
        }
      } else if (c === QUOTE) inString = true
      else if (c === OPEN_OBJECT || c === OPEN_LIST) {
        if (++depth > maxDepth) {
          this.tooDeepAt = i
          return TOO_DEEP
        }
      } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
        if (--depth === 0) return i + 1
      }
    }
    this.depth = depth
    this.inString = inString
    this.escaped = escaped
    return NEEDS_MORE
  }
}
