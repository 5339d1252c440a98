import { Int32Chunks } from "../collections/Int32Chunks.ts"

const RULE_BITS = 5

/** Rules a candidate set can tell apart: a pair's rules are bits of a 32-bit mask. */
export const MAX_RULES = 1 << RULE_BITS

/**
 * The pairs every rule proposes, repeats included, as they are found: pair k joins record `lefts[k]` (the smaller
 * index, or the left side of a link) with `right * MAX_RULES + rule` in `tagged[k]`. Both stay int32s (for fewer
 * than 2^26 records), so building and sorting them never boxes a number.
 */
export class ProposedPairs {
  readonly lefts = new Int32Chunks()
  readonly tagged = new Int32Chunks()
  add(left: number, right: number, rule: number): void {
    this.lefts.push(left)
    this.tagged.push((right << RULE_BITS) | rule)
  }
}

export interface PairUnion {
  readonly count: number
  readonly left: Int32Array
  readonly right: Int32Array
  /** Bit r set when rule r proposed the pair. */
  readonly rules: Uint32Array
  /** Distinct pairs per rule. */
  readonly perRule: Float64Array
}

/** Sorts a short run in place; the runs here are one record's partners, a dozen or so. */
const sortRun = (values: Int32Array, from: number, to: number): void => {
  if (to - from > 32) {
    values.subarray(from, to).sort()
    return
  }
  for (let a = from + 1; a < to; a++) {
    const v = values[a] ?? 0
    let b = a - 1
    for (; b >= from && (values[b] ?? 0) > v; b--) values[b + 1] = values[b] ?? 0
    values[b + 1] = v
  }
}

/**
 * Each proposed pair once, ordered by left then right record, with the rules that proposed it. A counting sort by
 * left record, then a sort of each record's partners, orders them as one sort of `(left, right, rule)` would.
 */
export const unionPairs = (proposed: ProposedPairs, records: number, rules: number): PairUnion => {
  const total = proposed.lefts.length
  const lefts = proposed.lefts
  const starts = new Int32Array(records + 1)
  for (let k = 0; k < total; k++) {
    const slot = lefts.at(k) + 1
    starts[slot] = (starts[slot] ?? 0) + 1
  }
  for (let i = 0; i < records; i++) starts[i + 1] = (starts[i + 1] ?? 0) + (starts[i] ?? 0)
  const byLeft = new Int32Array(total)
  const fill = starts.slice(0, records)
  for (let k = 0; k < total; k++) {
    const i = lefts.at(k)
    byLeft[fill[i] ?? 0] = proposed.tagged.at(k)
    fill[i] = (fill[i] ?? 0) + 1
  }
  let distinct = 0
  for (let i = 0; i < records; i++) {
    const from = starts[i] ?? 0
    const to = starts[i + 1] ?? 0
    sortRun(byLeft, from, to)
    for (let x = from; x < to; x++) {
      if (x === from || ((byLeft[x] ?? 0) >> RULE_BITS) !== ((byLeft[x - 1] ?? 0) >> RULE_BITS)) distinct++
    }
  }
  const left = new Int32Array(distinct)
  const right = new Int32Array(distinct)
  const ruleMasks = new Uint32Array(distinct)
  const perRule = new Float64Array(rules)
  let count = 0
  for (let i = 0; i < records; i++) {
    const to = starts[i + 1] ?? 0
    let previous = -1
    for (let x = starts[i] ?? 0; x < to; x++) {
      const v = byLeft[x] ?? 0
      // A rule proposes a pair once however many keys its two records share.
      if (v === previous) continue
      const j = v >> RULE_BITS
      const r = v & (MAX_RULES - 1)
      perRule[r] = (perRule[r] ?? 0) + 1
      if (previous < 0 || j !== previous >> RULE_BITS) {
        left[count] = i
        right[count] = j
        count++
      }
      ruleMasks[count - 1] = ((ruleMasks[count - 1] ?? 0) | (1 << r)) >>> 0
      previous = v
    }
  }
  return { count, left, right, rules: ruleMasks, perRule }
}
