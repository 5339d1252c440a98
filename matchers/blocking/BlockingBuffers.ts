import { Int32List } from "../collections/Int32List.ts"
import { NumberIndex } from "../collections/NumberIndex.ts"

/** The arrays a rule's blocks are built in (see `zeros`). */
export type ArrayRole = "block starts" | "block fill" | "block members"

/**
 * Working arrays that every blocking rule of one matching run fills and empties again, instead of each rule
 * growing its own: at 100,000 records a side they were most of what blocking allocated (about 135 MB of
 * discarded lists), and that garbage pushed the match over the heap limit into one more major collection of the
 * prepared records. Nothing is kept from one rule to the next; a rule reads only what it has just written.
 */
export class BlockingBuffers {
  /** A key's block and its record, one entry per (record, block) (see `buildBlocks`). */
  readonly blockIds = new Int32List()
  readonly recordIds = new Int32List()
  /** Keys seen, so that `direct` can be zeroed where it was written rather than allocated again. */
  readonly directKeys = new Int32List()
  /** Block + 1 per key, for keys few enough to index directly; all zeros between rules. */
  private direct = new Int32Array(0)
  /** The last record to join each block; all -1 between rules. */
  private last = new Int32Array(0)
  /** A sorted-neighbourhood key's places part by part, and its record (see `sortedNeighbours.ts`). */
  private readonly places: Array<Int32List> = []
  readonly owners = new Int32List()
  private orderA = new Int32Array(0)
  private orderB = new Int32Array(0)
  private readonly arrays = new Map<ArrayRole, Int32Array>()
  private readonly keyIndex = new NumberIndex()

  /** An empty index of block keys, for keys too many to index directly; emptied again by the next call. */
  numberIndex(): NumberIndex {
    this.keyIndex.clear()
    return this.keyIndex
  }

  /**
   * `count` zeros for `role`, valid until the next call for that role: a rule's blocks (`starts`, `members`) are
   * read only while the rule is applied, and the next rule overwrites them.
   */
  zeros(role: ArrayRole, count: number): Int32Array {
    let array = this.arrays.get(role)
    if (array === undefined || array.length < count) {
      // Room to grow: the rules' blocks differ in size, and reallocating for each larger one is what this avoids.
      array = new Int32Array(Math.max(count, Math.ceil((array?.length ?? 0) * 1.5)))
      this.arrays.set(role, array)
      return array.subarray(0, count)
    }
    return array.subarray(0, count).fill(0)
  }

  /** A zeroed array of at least `keys` entries; give it back with `clearDirect`. */
  directIndex(keys: number): Int32Array {
    if (this.direct.length < keys) this.direct = new Int32Array(keys)
    return this.direct
  }

  /** Zeroes the entries of `directIndex` that `directKeys` lists, and empties the list. */
  clearDirect(): void {
    const { data, length } = this.directKeys
    for (let k = 0; k < length; k++) this.direct[data[k] ?? 0] = 0
    this.directKeys.length = 0
  }

  /** The -1-filled array of each block's last member, grown to hold `blocks` blocks. */
  lastMember(blocks: number): Int32Array {
    if (this.last.length < blocks) {
      const grown = new Int32Array(Math.max(blocks, this.last.length * 2, 1024)).fill(-1)
      grown.set(this.last)
      this.last = grown
    }
    return this.last
  }

  /** Refills with -1 the first `blocks` entries of `lastMember`, the ones a rule wrote. */
  clearLastMember(blocks: number): void {
    this.last.fill(-1, 0, Math.min(blocks, this.last.length))
  }

  /** `depth` empty lists of key places. */
  keyPlaces(depth: number): ReadonlyArray<Int32List> {
    while (this.places.length < depth) this.places.push(new Int32List())
    for (const list of this.places) list.length = 0
    return this.places.slice(0, depth)
  }

  /** Two arrays of at least `count` entries for a sort's passes to write in turn. */
  orders(count: number): readonly [Int32Array, Int32Array] {
    if (this.orderA.length < count) {
      this.orderA = new Int32Array(count)
      this.orderB = new Int32Array(count)
    }
    return [this.orderA, this.orderB]
  }
}
