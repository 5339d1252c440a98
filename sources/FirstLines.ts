/*
 * Where each id of a file was first read, so that a repeat can be refused naming that line. A pool company's
 * history files hold millions of ids: in a Map each kept its string and an entry for the whole read, a large part
 * of what the garbage collector walked. Exports write ids as a fixed prefix and digits, either zero-padded to a fixed
 * count ("apt_0000001") or as plain numbers of any length (QBO's "130" ... "216337"); those are kept here as numbers
 * in typed arrays, and any other id in a Map.
 */

/** At most this many digits, so that every such number is exact as a double. */
const MAX_DIGITS = 15

const EMPTY = -1

/**
 * A prefix and a digit count, or `null` for numbers written without leading zeros, of any length up to MAX_DIGITS:
 * either way an id of that shape and its number name each other, one to one. Fixing the count for ids that are not
 * padded sent every id longer or shorter than the first to the Map: nearly all of a QBO file's.
 */
interface IdShape {
  readonly prefix: string
  readonly digits: number | null
}

const ZERO = 48

/** The shape of `id` (its trailing digits and what comes before them), or null when it ends in no or too many digits. */
const shapeOf = (id: string): IdShape | null => {
  let start = id.length
  while (start > 0 && id.charCodeAt(start - 1) >= ZERO && id.charCodeAt(start - 1) <= 57) start--
  const digits = id.length - start
  if (digits === 0 || digits > MAX_DIGITS) return null
  const padded = digits > 1 && id.charCodeAt(start) === ZERO
  return { prefix: id.slice(0, start), digits: padded ? digits : null }
}

/** The number an id of `shape` writes, or -1 when the id is of another shape. */
const numberOf = (id: string, shape: IdShape): number => {
  const digits = id.length - shape.prefix.length
  if (shape.digits === null ? digits < 1 || digits > MAX_DIGITS : digits !== shape.digits) return -1
  if (!id.startsWith(shape.prefix)) return -1
  // Unpadded: "07" is not the id "7" is, so it is not a number here.
  if (shape.digits === null && digits > 1 && id.charCodeAt(shape.prefix.length) === ZERO) return -1
  let value = 0
  for (let i = shape.prefix.length; i < id.length; i++) {
    const digit = id.charCodeAt(i) - ZERO
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/** The line each id was first read on: `get` and `set` as a `Map<string, number>` has them. */
export interface FirstLines {
  readonly get: (id: string) => number | undefined
  readonly set: (id: string, line: number) => void
}

/**
 * An empty table. The shape of numbered ids is taken from the first id set; ids of any other shape still work,
 * at a Map's cost. Lines are whole numbers below 2^31.
 */
export const firstLines = (): FirstLines => {
  let shape: IdShape | null | undefined
  const others = new Map<string, number>()
  let keys = new Float64Array(1 << 12).fill(EMPTY)
  let lines = new Int32Array(keys.length)
  let size = 0

  /** Where `key` is, or the empty slot where it would go: open addressing, probing the next slot. */
  const slotOf = (key: number): number => {
    const mask = keys.length - 1
    let hash = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x27d4eb2d), 0x9e3779b1)
    hash ^= hash >>> 15
    let slot = hash & mask
    while (keys[slot] !== EMPTY && keys[slot] !== key) slot = (slot + 1) & mask
    return slot
  }

  const grow = (): void => {
    const oldKeys = keys
    const oldLines = lines
    keys = new Float64Array(oldKeys.length * 2).fill(EMPTY)
    lines = new Int32Array(keys.length)
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i] ?? EMPTY
      if (key === EMPTY) continue
      const slot = slotOf(key)
      keys[slot] = key
      lines[slot] = oldLines[i] ?? 0
    }
  }

  const numbered = (id: string): number => (shape === null || shape === undefined ? -1 : numberOf(id, shape))

  return {
    get: (id) => {
      const key = numbered(id)
      if (key === -1) return others.get(id)
      const slot = slotOf(key)
      return keys[slot] === EMPTY ? undefined : lines[slot]
    },
    set: (id, line) => {
      if (shape === undefined) shape = shapeOf(id)
      const key = numbered(id)
      if (key === -1) {
        others.set(id, line)
        return
      }
      const slot = slotOf(key)
      if (keys[slot] === EMPTY) {
        keys[slot] = key
        // Half full at most, so that a probe stays short.
        if (++size * 2 > keys.length) {
          lines[slot] = line
          grow()
          return
        }
      }
      lines[slot] = line
    }
  }
}
