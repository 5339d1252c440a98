import type { NonEmptyReadonlyArray } from "effect/Array"

/**
 * A small seeded generator (sfc32, seeded through splitmix32) so that one seed always gives the same company.
 * Math.random cannot be seeded, and a data set that changes between runs cannot back a regression test.
 */
export class Prng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    let s = seed >>> 0
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next()
    // The first outputs of sfc32 are still close to the seed state: discard them.
    for (let i = 0; i < 12; i++) this.next()
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<A>(items: NonEmptyReadonlyArray<A>): A {
    return items[Math.floor(this.next() * items.length)] ?? items[0]
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<A>(items: Array<A>): Array<A> {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const a = items[i]
      const b = items[j]
      if (a !== undefined && b !== undefined) {
        items[i] = b
        items[j] = a
      }
    }
    return items
  }

  /** Index into `cumulative` (ascending running totals of weights), chosen in proportion to the weights. */
  weightedIndex(cumulative: ReadonlyArray<number>): number {
    const total = cumulative[cumulative.length - 1] ?? 0
    const x = this.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((cumulative[mid] ?? 0) > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

/** Running totals of `weights`, for `Prng.weightedIndex`. */
export const cumulativeWeights = (weights: ReadonlyArray<number>): ReadonlyArray<number> => {
  const out: Array<number> = []
  let sum = 0
  for (const w of weights) {
    sum += w
    out.push(sum)
  }
  return out
}
