const EMPTY = -1

/** Odd multipliers (the golden ratio's and murmur3's) that spread consecutive keys over the table. */
const SPREAD = 0x9e3779b1
const MIX = 0x85ebca6b

/**
 * Numbers non-negative integer keys (up to 2^53) 0, 1, 2, ... in the order they are first seen: what a
 * `Map<number, number>` does for blocking keys and agreement patterns, but in flat typed arrays, so millions of
 * lookups allocate nothing (keys above 2^30 would each be a heap number in a Map).
 */
export class NumberIndex {
  private keys: Float64Array
  private ids: Int32Array
  private mask: number
  private count = 0

  get size(): number {
    return this.count
  }

  constructor(expected = 1024) {
    let capacity = 16
    while (capacity < expected * 2) capacity *= 2
    this.keys = new Float64Array(capacity)
    this.ids = new Int32Array(capacity).fill(EMPTY)
    this.mask = capacity - 1
  }

  /** Forgets every key, keeping the table's size: the next key seen is numbered 0 again. */
  clear(): void {
    if (this.count === 0) return
    this.ids.fill(EMPTY)
    this.count = 0
  }

  /** The number of `key`: the one it was given when first seen, else the next one. */
  idOf(key: number): number {
    let slot = this.slotOf(key)
    for (;;) {
      const id = this.ids[slot] ?? EMPTY
      if (id === EMPTY) break
      if (this.keys[slot] === key) return id
      slot = (slot + 1) & this.mask
    }
    const id = this.count++
    this.keys[slot] = key
    this.ids[slot] = id
    if (this.count * 2 > this.mask) this.grow()
    return id
  }

  private slotOf(key: number): number {
    // A 32-bit mix of both halves of the key (a murmur3-style finaliser), so the low bits used as slot vary.
    let h = Math.imul(key >>> 0, SPREAD) ^ Math.imul(Math.floor(key / 4294967296) >>> 0, MIX)
    h ^= h >>> 15
    h = Math.imul(h, SPREAD)
    h ^= h >>> 13
    return h & this.mask
  }

  private grow(): void {
    const keys = this.keys
    const ids = this.ids
    this.keys = new Float64Array(keys.length * 2)
    this.ids = new Int32Array(ids.length * 2).fill(EMPTY)
    this.mask = this.keys.length - 1
    for (let s = 0; s < ids.length; s++) {
      const id = ids[s] ?? EMPTY
      if (id === EMPTY) continue
      const key = keys[s] ?? 0
      let slot = this.slotOf(key)
      while (this.ids[slot] !== EMPTY) slot = (slot + 1) & this.mask
      this.keys[slot] = key
      this.ids[slot] = id
    }
  }
}
