import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { BlockingRule } from "./BlockingRule.ts"
import { type Blocks, buildBlocks, tokenTexts } from "./buildBlocks.ts"
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
  readonly rules: Uint16Array
  readonly perRule: ReadonlyArray<RuleReport>
}

/** Every rule may propose this many pairs whatever the size of the data: small sets are cheap to score. */
export const MIN_PAIR_BUDGET = 20_000

/** A rule's blocks worth pairing: those with at least one pair and at most `maxBlockSize` records. */
interface RuleBlocks {
  readonly kept: Int32Array
  /** Pairs per kept block. */
  readonly pairs: Float64Array
  readonly skippedBlocks: number
  readonly skippedPairs: number
  readonly largestBlock: number
}

const ruleBlocks = (records: PreparedRecords, rule: BlockingRule, blocks: Blocks): RuleBlocks => {
  const { starts, members, count } = blocks
  const side = records.side
  let skippedBlocks = 0
  let skippedPairs = 0
  let largestBlock = 0
  const kept = new Int32Array(count)
  const pairsOf = new Float64Array(count)
  let keptCount = 0
  for (let b = 0; b < count; b++) {
    const from = starts[b] ?? 0
    const size = (starts[b + 1] ?? 0) - from
    if (size < 2) continue
    largestBlock = Math.max(largestBlock, size)
    let pairs = (size * (size - 1)) / 2
    if (records.linking) {
      let lefts = 0
      for (let x = from; x < from + size; x++) if (side[members[x] ?? 0] === 0) lefts++
      pairs = lefts * (size - lefts)
    }
    if (pairs === 0) continue
    if (size > rule.maxBlockSize) {
      skippedBlocks++
      skippedPairs += pairs
    } else {
      kept[keptCount] = b
      pairsOf[keptCount] = pairs
      keptCount++
    }
  }
  return { kept: kept.subarray(0, keptCount), pairs: pairsOf.subarray(0, keptCount), skippedBlocks, skippedPairs, largestBlock }
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

/** Applies each blocking rule and unions their pairs; oversized blocks are skipped and counted. */
export const candidatePairs = (records: PreparedRecords, rules: ReadonlyArray<BlockingRule>): CandidatePairs => {
  const n = records.size
  const side = records.side
  const proposed = new ProposedPairs()
  const perRule: Array<Omit<RuleReport, "candidatePairs">> = []
  const texts = tokenTexts(records)
  rules.slice(0, MAX_RULES).forEach((rule, r) => {
    const blocks = buildBlocks(records, rule, texts)
    const { starts, members } = blocks
    const { kept, pairs, largestBlock, ...skipped } = ruleBlocks(records, rule, blocks)
    let { skippedBlocks, skippedPairs } = skipped
    // Over budget: keep the smallest blocks, which are also the most telling, and skip the rest.
    const order = smallestFirst(pairs)
    let budget = Math.max(rule.maxPairsPerRecord * n, MIN_PAIR_BUDGET)
    for (let o = 0; o < order.length; o++) {
      const x = order[o] ?? 0
      const blockPairs = pairs[x] ?? 0
      if (blockPairs > budget) {
        skippedBlocks++
        skippedPairs += blockPairs
        continue
      }
      budget -= blockPairs
      const block = kept[x] ?? 0
      const from = starts[block] ?? 0
      const to = starts[block + 1] ?? 0
      for (let a = from; a < to; a++) {
        const i = members[a] ?? 0
        for (let b = a + 1; b < to; b++) {
          const j = members[b] ?? 0
          if (!records.linking) proposed.add(i, j, r)
          else if (side[i] !== side[j]) {
            if (side[i] === 0) proposed.add(i, j, r)
            else proposed.add(j, i, r)
          }
        }
      }
    }
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
