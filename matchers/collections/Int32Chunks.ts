/** Entries per chunk: 256 KB, so a list of a few million stays a few dozen chunks. */
const CHUNK_BITS = 16
const CHUNK = 1 << CHUNK_BITS
const LOW = CHUNK - 1

/**
 * A growable list of int32s kept in fixed chunks: growing never copies, so a list of millions leaves no trail of
 * discarded halves-as-large arrays behind it. What that trail cost is not the copying but the collector's count of
 * array memory: it survives long enough to be counted until the next full collection, and enough of it starts one.
 */
export class Int32Chunks {
  private readonly chunks: Array<Int32Array> = []
  private last = new Int32Array(0)
  length = 0

  push(v: number): void {
    const at = this.length & LOW
    if (at === 0) {
      this.last = new Int32Array(CHUNK)
      this.chunks.push(this.last)
    }
    this.last[at] = v
    this.length++
  }

  /** Entry k, for k below `length`. */
  at(k: number): number {
    return this.chunks[k >>> CHUNK_BITS]?.[k & LOW] ?? 0
  }

  /** The entries as one array (a copy). */
  toArray(): Int32Array {
    const out = new Int32Array(this.length)
    this.chunks.forEach((chunk, c) => out.set(chunk.subarray(0, Math.min(CHUNK, this.length - c * CHUNK)), c * CHUNK))
    return out
  }
}
