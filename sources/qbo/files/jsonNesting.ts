/**
 * How deep QBO's own JSON nests: a page list, a batch item, a query response, an entity, its lines and their
 * details stay under a dozen levels. Far deeper is not a QBO export, and walking it would exhaust the stack.
 */
export const MAX_JSON_DEPTH = 64

const OPEN_OBJECT = 0x7b
const OPEN_LIST = 0x5b
const CLOSE_OBJECT = 0x7d
const CLOSE_LIST = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * The character offset where JSON text first nests deeper than `limit` objects and lists, or null. Counts
 * brackets outside strings in one pass, before anything parses or walks the text.
 */
export const tooDeepAt = (text: string, limit: number = MAX_JSON_DEPTH): number | null => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (c === OPEN_OBJECT || c === OPEN_LIST) {
      if (++depth > limit) return i
    } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) depth--
  }
  return null
}
