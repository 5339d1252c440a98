import { Int32List } from "../collections/Int32List.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import { BlockingBuffers } from "./BlockingBuffers.ts"
import type { BlockingRule } from "./BlockingRule.ts"
import { type Blocks, buildBlocks, tokenTexts } from "./buildBlocks.ts"
import { sortedNeighbourPairs } from "./sortedNeighbours.ts"
import { keyedIn, pairsInBlock, splitBlocks } from "./splitBlocks.ts"
import { MAX_RULES, ProposedPairs, unionPairs } from "./unionPairs.ts"

export interface RuleReport {
  readonly rule: string
  /** Distinct pairs this rule proposes (a pair may also come from other rules). */
  readonly candidatePairs: number
  readonly skippedBlocks: number
  /** Pairs the skipped blocks would have added. */
  readonly skippedPairs: number
  readonly largestBlock: number
}

/** The union of every rule's pairs, each once, with `left < right` for a dedupe and left-side first for a link. */
export interface CandidatePairs {
  readonly count: number
  readonly left: Int32Array
  readonly right: Int32Array
  /** Bit r set when rule r proposed the pair. */
  readonly rules: Uint32Array
  readonly perRule: ReadonlyArray<RuleReport>
}

/** Every rule may propose this many pairs whatever the size of the data: small sets are cheap to score. */
export const MIN_PAIR_BUDGET = 20_000

/** A rule's blocks with at least one pair: those within `maxBlockSize` and those over it. */
interface RuleBlocks {
  readonly kept: Int32Array
  /** Pairs per kept block. */
  readonly pairs: Float64Array
  /** Block and its pairs, for each block over the cap. */
  readonly oversized: ReadonlyArray<readonly [number, number]>
  readonly largestBlock: number
}

const ruleBlocks = (records: PreparedRecords, rule: BlockingRule, blocks: Blocks): RuleBlocks => {
  const { starts, count } = blocks
  const oversized: Array<readonly [number, number]> = []
  let largestBlock = 0
  const kept = new Int32Array(count)
  const pairsOf = new Float64Array(count)
  let keptCount = 0
  for (let b = 0; b < count; b++) {
    const from = starts[b] ?? 0
    const size = (starts[b + 1] ?? 0) - from
    if (size < 2) continue
    largestBlock = Math.max(largestBlock, size)
    const pairs = pairsInBlock(records, blocks, b)
    if (pairs === 0) continue
    if (keyedIn(blocks, b) > rule.maxBlockSize) oversized.push([b, pairs])
    else {
      kept[keptCount] = b
      pairsOf[keptCount] = pairs
      keptCount++
    }
  }
  return { kept: kept.subarray(0, keptCount), pairs: pairsOf.subarray(0, keptCount), oversized, largestBlock }
}

/** Above this many pairs in one block, `smallestFirst` sorts by comparison rather than by counting. */
const COUNTING_SORT_LIMIT = 1 << 20

/** Indices of `pairs` from the fewest pairs to the most; ties keep their order, as a stable sort would. */
const smallestFirst = (pairs: Float64Array): Int32Array => {
  const order = new Int32Array(pairs.length)
  let most = 0
  for (let x = 0; x < pairs.length; x++) most = Math.max(most, pairs[x] ?? 0)
  if (most > COUNTING_SORT_LIMIT) {
    for (let x = 0; x < order.length; x++) order[x] = x
    // Answers -1, 1 or the index difference, never a fraction: small integers pass to the sort without boxing.
    return order.sort((a, b) => {
      const pa = pairs[a] ?? 0
      const pb = pairs[b] ?? 0
      return pa < pb ? -1 : pa > pb ? 1 : a - b
    })
  }
  // Pair counts are whole numbers: a counting sort, stable and linear.
  const starts = new Int32Array(most + 2)
  for (let x = 0; x < pairs.length; x++) {
    const slot = (pairs[x] ?? 0) + 1
    starts[slot] = (starts[slot] ?? 0) + 1
  }
  for (let p = 0; p <= most; p++) starts[p + 1] = (starts[p + 1] ?? 0) + (starts[p] ?? 0)
  for (let x = 0; x < pairs.length; x++) {
    const p = pairs[x] ?? 0
    order[starts[p] ?? 0] = x
    starts[p] = (starts[p] ?? 0) + 1
  }
  return order
}

/** Records with no phone, email, street or ZIP: only a name rule can find them. */
const nameOnlyRecords = (records: PreparedRecords): number => {
  const { phone, email, street, zip } = records.columns
  const has = (column: typeof phone, i: number): boolean => (column.offsets[i + 1] ?? 0) > (column.offsets[i] ?? 0)
  let count = 0
  for (let i = 0; i < records.size; i++) {
    if (!has(phone, i) && !has(email, i) && !has(street, i) && !has(zip, i)) count++
  }
  return count
}

/**
 * Pairs the records of `picked` blocks, the smallest first, while they fit `budget`; returns the budget left.
 * Blocks over budget go to `drop` from the smallest, then those over the cap; it skips them or splits them.
 */
const pairWithin = (
  records: PreparedRecords,
  blocks: Blocks,
  picked: RuleBlocks,
  budget: number,
  proposed: ProposedPairs,
  rule: number,
  drop: (block: number, pairs: number) => void
): number => {
  const { starts, members } = blocks
  const side = records.side
  let left = budget
  // Over budget: keep the smallest blocks, which are also the most telling, and drop the rest.
  const order = smallestFirst(picked.pairs)
  for (let o = 0; o < order.length; o++) {
    const x = order[o] ?? 0
    const block = picked.kept[x] ?? 0
    const blockPairs = picked.pairs[x] ?? 0
    if (blockPairs > left) {
      drop(block, blockPairs)
      continue
    }
    left -= blockPairs
    const from = starts[block] ?? 0
    const to = starts[block + 1] ?? 0
    // A piece's joiners are not paired with each other, and follow its keyed records (see `Blocks.keyed`): a pair's
    // records are ordered by index here rather than by position.
    const keyedTo = from + keyedIn(blocks, block)
    for (let a = from; a < keyedTo; a++) {
      const i = members[a] ?? 0
      for (let b = a + 1; b < to; b++) {
        const j = members[b] ?? 0
        if (!records.linking) proposed.add(i < j ? i : j, i < j ? j : i, rule)
        else if (side[i] !== side[j]) proposed.add(side[i] === 0 ? i : j, side[i] === 0 ? j : i, rule)
      }
    }
  }
  for (const [block, pairs] of picked.oversized) drop(block, pairs)
  return left
}

/**
 * Applies each blocking rule and unions their pairs. A block over the size cap or the rule's budget is split by the
 * rule's sub-key where it has one, and its pieces take what the budget has left; what still does not fit is
 * skipped and counted.
 */
export const candidatePairs = (records: PreparedRecords, rules: ReadonlyArray<BlockingRule>): CandidatePairs => {
  const n = records.size
  const proposed = new ProposedPairs()
  const perRule: Array<Omit<RuleReport, "candidatePairs">> = []
  const texts = tokenTexts(records)
  const nameOnly = nameOnlyRecords(records)
  const buffers = new BlockingBuffers()
  rules.slice(0, MAX_RULES).forEach((rule, r) => {
    const budget = Math.max(rule.maxPairsPerRecord * n + (rule.pairsPerNameOnlyRecord ?? 0) * nameOnly, MIN_PAIR_BUDGET)
    if (rule.window !== undefined) {
      sortedNeighbourPairs(records, rule, rule.window, texts, budget, proposed, r, buffers)
      perRule.push({ rule: rule.name, skippedBlocks: 0, skippedPairs: 0, largestBlock: 0 })
      return
    }
    let skippedBlocks = 0
    let skippedPairs = 0
    const skip = (_block: number, pairs: number): void => {
      skippedBlocks++
      skippedPairs += pairs
    }
    const whole = buildBlocks(records, rule, texts, buffers)
    const picked = ruleBlocks(records, rule, whole)
    const subKey = rule.subKey
    const dropped = new Int32List()
    const droppedPairs: Array<number> = []
    const keep = (block: number, pairs: number): void => {
      dropped.push(block)
      droppedPairs.push(pairs)
    }
    const left = pairWithin(records, whole, picked, budget, proposed, r, subKey === undefined ? skip : keep)
    let splitCount = 0
    // Pieces spend what any list may spend (`MIN_PAIR_BUDGET`) and what name-only records add, not the rest of a
    // large list's budget: there the other rules already find what a town or an initial would, and every pair
    // costs scoring time.
    const forPieces = Math.min(left, MIN_PAIR_BUDGET + (rule.pairsPerNameOnlyRecord ?? 0) * nameOnly)
    if (subKey !== undefined && dropped.length > 0 && forPieces > 0) {
      const pieces = splitBlocks(records, subKey, whole, texts, dropped, { cap: rule.maxBlockSize, enough: forPieces })
      splitCount = pieces.split
      pairWithin(records, pieces, ruleBlocks(records, rule, pieces), forPieces, proposed, r, skip)
    }
    for (let d = splitCount; d < dropped.length; d++) skip(dropped.data[d] ?? 0, droppedPairs[d] ?? 0)
    const largestBlock = picked.largestBlock
    perRule.push({ rule: rule.name, skippedBlocks, skippedPairs, largestBlock })
  })
  const union = unionPairs(proposed, n, perRule.length)
  return {
    count: union.count,
    left: union.left,
    right: union.right,
    rules: union.rules,
    perRule: perRule.map((report, r) => ({
      rule: report.rule,
      candidatePairs: union.perRule[r] ?? 0,
      skippedBlocks: report.skippedBlocks,
      skippedPairs: report.skippedPairs,
      largestBlock: report.largestBlock
    }))
  }
}
