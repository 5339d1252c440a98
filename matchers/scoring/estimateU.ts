import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { ValueColumn } from "../prepare/ValueColumn.ts"
import type { Comparison } from "./Comparison.ts"
import type { LevelOf } from "./compileComparison.ts"
import { seededRandom } from "./random.ts"

/** Pseudo-pairs of the starting u: they decide u on a tiny data set and vanish against a real sample. */
const PRIOR_PAIRS = 100

/**
 * Records holding the field, split by side for a link (a dedupe puts all of them on side 0), in record order,
 * written into `into` (two arrays of `records.size`) and valid until the next call: one pair of arrays serves every
 * comparison, as eleven pairs of a field's records each were array memory enough to bring on a full collection.
 */
const filledBySide = (records: PreparedRecords, column: ValueColumn, into: readonly [Int32Array, Int32Array]): [Int32Array, Int32Array] => {
  const { offsets } = column
  const used = [0, 0]
  for (let i = 0; i < records.size; i++) {
    if ((offsets[i + 1] ?? 0) <= (offsets[i] ?? 0)) continue
    const side = records.side[i] === 1 ? 1 : 0
    into[side][used[side] ?? 0] = i
    used[side] = (used[side] ?? 0) + 1
  }
  return [into[0].subarray(0, used[0]), into[1].subarray(0, used[1])]
}

/**
 * P(two records share a value), counted exactly from the value frequencies rather than sampled: a shared phone is
 * so rare among random pairs that any affordable sample would see it zero times.
 */
const exactAgreement = (records: PreparedRecords, column: ValueColumn, left: number, right: number): { agree: number; pairs: number } => {
  if (!records.linking) {
    let agree = 0
    const { counts } = column
    for (let v = 0; v < counts.length; v++) agree += (counts[v] ?? 0) * ((counts[v] ?? 0) - 1)
    return { agree: agree / 2, pairs: (left * (left - 1)) / 2 }
  }
  const perSide = [new Float64Array(column.values.length), new Float64Array(column.values.length)]
  for (let i = 0; i < records.size; i++) {
    const counts = perSide[records.side[i] === 1 ? 1 : 0]
    if (counts === undefined) continue
    for (let x = column.offsets[i] ?? 0; x < (column.offsets[i + 1] ?? 0); x++) {
      const id = column.items[x] ?? 0
      counts[id] = (counts[id] ?? 0) + 1
    }
  }
  let agree = 0
  const [l, r] = perSide
  if (l !== undefined && r !== undefined) for (let v = 0; v < l.length; v++) agree += (l[v] ?? 0) * (r[v] ?? 0)
  return { agree, pairs: left * right }
}

/**
 * Estimates u, P(level | different customers), for each comparison: the exact level from value frequencies, the
 * others from random pairs of records that both hold the field. Random pairs are almost all non-matches, which is
 * what makes them a fair sample of u. Returns one array per comparison over levels 1..L (level 0 excluded).
 */
export const estimateU = (
  records: PreparedRecords,
  comparisons: ReadonlyArray<Comparison>,
  levelOf: ReadonlyArray<LevelOf>,
  options: { readonly samplePairs: number; readonly seed: number }
): Array<Float64Array> => {
  const scratch = [new Int32Array(records.size), new Int32Array(records.size)] as const
  return comparisons.map((comparison, c) => {
    const compare = levelOf[c]
    const levels = comparison.levels.length
    const prior = Float64Array.from(comparison.levels, (l) => l.u)
    const counts = new Float64Array(levels)
    const [lefts, rightsOrAll] = filledBySide(records, records.columns[comparison.field], scratch)
    const rights = records.linking ? rightsOrAll : lefts
    const possible = records.linking ? lefts.length * rights.length : (lefts.length * (lefts.length - 1)) / 2
    const random = seededRandom(options.seed + c)
    const tally = (i: number, j: number): void => {
      const level = compare === undefined ? 0 : compare(i, j)
      if (level > 0) counts[level - 1] = (counts[level - 1] ?? 0) + 1
    }
    if (possible <= options.samplePairs) {
      for (let a = 0; a < lefts.length; a++) {
        const i = lefts[a] ?? 0
        if (records.linking) for (let b = 0; b < rights.length; b++) tally(i, rights[b] ?? 0)
        else for (let b = a + 1; b < lefts.length; b++) tally(i, lefts[b] ?? 0)
      }
    } else {
      for (let s = 0; s < options.samplePairs; s++) {
        const i = lefts[Math.floor(random() * lefts.length)] ?? 0
        const j = rights[Math.floor(random() * rights.length)] ?? 0
        if (i !== j) tally(i, j)
      }
    }
    const u = new Float64Array(levels)
    const exactFirst = comparison.levels[0]?.test._tag === "Exact"
    if (exactFirst) {
      const { agree, pairs } = exactAgreement(records, records.columns[comparison.field], lefts.length, rights.length)
      u[0] = (agree + PRIOR_PAIRS * (prior[0] ?? 0)) / (pairs + PRIOR_PAIRS)
    }
    const from = exactFirst ? 1 : 0
    let rest = 0
    for (let l = from; l < levels; l++) rest += (counts[l] ?? 0) + PRIOR_PAIRS * (prior[l] ?? 0)
    const share = 1 - (u[0] ?? 0) * from
    for (let l = from; l < levels; l++) u[l] = (share * ((counts[l] ?? 0) + PRIOR_PAIRS * (prior[l] ?? 0))) / rest
    return u
  })
}
