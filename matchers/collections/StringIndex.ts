const EMPTY = -1

/** FNV-1a over UTF-16 code units, then a final mix so that the low bits used as a slot vary. */
const hashOf = (text: string): number => {
  let h = 0x811c9dc5 | 0
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  return h ^ (h >>> 12)
}

/**
 * Numbers strings 0, 1, 2, ... in the order they are first seen: what a `Map<string, number>` does when values
 * are interned, in flat typed arrays probed in place (open addressing). With a hundred thousand distinct phones
 * or emails it is two to three times as fast as a Map, whose entries are scattered objects.
 */
export class StringIndex {
  /** id → string. */
  readonly values: Array<string> = []
  private slots = new Int32Array(1024).fill(EMPTY)
  /** The hash of the string in each slot, checked before comparing strings. */
  private hashes = new Int32Array(1024)
  private mask = 1023

  get size(): number {
    return this.values.length
  }

  /** The id of `text`: the one it was given when first seen, else the next one. */
  idOf(text: string): number {
    const h = hashOf(text)
    let slot = h & this.mask
    for (;;) {
      const id = this.slots[slot] ?? EMPTY
      if (id === EMPTY) break
      if (this.hashes[slot] === h && this.values[id] === text) return id
      slot = (slot + 1) & this.mask
    }
    const id = this.values.length
    this.values.push(text)
    this.slots[slot] = id
    this.hashes[slot] = h
    if (this.values.length * 2 > this.mask) this.grow()
    return id
  }

  private grow(): void {
    const slots = this.slots
    const hashes = this.hashes
    this.slots = new Int32Array(slots.length * 2).fill(EMPTY)
    this.hashes = new Int32Array(slots.length * 2)
    this.mask = this.slots.length - 1
    for (let s = 0; s < slots.length; s++) {
      const id = slots[s] ?? EMPTY
      if (id === EMPTY) continue
      const h = hashes[s] ?? 0
      let slot = h & this.mask
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask
      this.slots[slot] = id
      this.hashes[slot] = h
    }
  }
}
