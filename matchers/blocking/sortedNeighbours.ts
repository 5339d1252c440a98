import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import { BlockingBuffers } from "./BlockingBuffers.ts"
import type { BlockingRule, KeyPart } from "./BlockingRule.ts"
import type { TokenTexts } from "./buildBlocks.ts"
import type { ProposedPairs } from "./unionPairs.ts"

/**
 * Each value of a part's fields as its token's place among the part's distinct tokens, from 1 (0 for a value that
 * gives none): sorting by these places part by part is sorting by the tokens' texts, without building a key text.
 */
const tokenRanks = (records: PreparedRecords, part: KeyPart, texts: TokenTexts): ReadonlyArray<Int32Array> => {
  const tokens = part.fields.map((field) => texts(field, part.transform))
  const distinct = [...new Set(tokens.flat())].filter((t) => t !== "").sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const place = new Map(distinct.map((t, k) => [t, k + 1]))
  return tokens.map((ofValue) => Int32Array.from(ofValue, (t) => place.get(t) ?? 0))
}

/**
 * Every key of every record under a sorted-neighbourhood rule, as its record, in key order (ties in record order):
 * one key per combination of the parts' values. A record without a value for the first part has no key; a later
 * part missing sorts first, so "J Smith" without a town sorts just before "J Smith, Springfield".
 */
const sortedKeys = (records: PreparedRecords, rule: BlockingRule, texts: TokenTexts, buffers: BlockingBuffers): Int32Array => {
  const ranks = rule.parts.map((part) => tokenRanks(records, part, texts))
  const places = buffers.keyPlaces(rule.parts.length)
  const owners = buffers.owners
  owners.length = 0
  const key = new Int32Array(rule.parts.length)
  const emit = (record: number, depth: number): void => {
    if (depth === rule.parts.length) {
      for (let d = 0; d < depth; d++) places[d]?.push(key[d] ?? 0)
      owners.push(record)
      return
    }
    const part = rule.parts[depth]
    const partRanks = ranks[depth]
    if (part === undefined || partRanks === undefined) return
    let found = false
    // A loop, not `forEach`: a callback per record and part allocated more than the keys themselves.
    for (let f = 0; f < part.fields.length; f++) {
      const field = part.fields[f]
      const rankOf = partRanks[f]
      if (field === undefined || rankOf === undefined) continue
      const { offsets, items } = records.columns[field]
      const end = offsets[record + 1] ?? 0
      for (let x = offsets[record] ?? 0; x < end; x++) {
        const rank = rankOf[items[x] ?? 0] ?? 0
        if (rank === 0) continue
        found = true
        key[depth] = rank
        emit(record, depth + 1)
      }
    }
    if (!found && depth > 0) {
      key[depth] = 0
      emit(record, depth + 1)
    }
  }
  for (let i = 0; i < records.size; i++) emit(i, 0)
  // Least significant part first, each a stable counting sort: the order is by the first part, then the second, ...
  // and by record where the keys are equal.
  const count = owners.length
  const [first, second] = buffers.orders(count)
  let order = first.subarray(0, count)
  let next = second.subarray(0, count)
  for (let k = 0; k < count; k++) order[k] = k
  for (let d = rule.parts.length - 1; d >= 0; d--) {
    const place = places[d]?.data ?? new Int32Array(0)
    let most = 0
    for (let k = 0; k < count; k++) most = Math.max(most, place[k] ?? 0)
    const starts = new Int32Array(most + 2)
    for (let k = 0; k < count; k++) {
      const slot = (place[k] ?? 0) + 1
      starts[slot] = (starts[slot] ?? 0) + 1
    }
    for (let r = 0; r <= most; r++) starts[r + 1] = (starts[r + 1] ?? 0) + (starts[r] ?? 0)
    for (let o = 0; o < count; o++) {
      const k = order[o] ?? 0
      const r = place[k] ?? 0
      next[starts[r] ?? 0] = k
      starts[r] = (starts[r] ?? 0) + 1
    }
    const sorted = next
    next = order
    order = sorted
  }
  // Each entry reads only itself: keys become their records in place.
  for (let o = 0; o < count; o++) order[o] = owners.data[order[o] ?? 0] ?? 0
  return order
}

/**
 * A sorted-neighbourhood pass: records sorted by the rule's key, each paired with the `window` records after it,
 * the nearest first while `budget` lasts (about `budget` pairs). It compares names that share no block key but sort side by side (a slip
 * late in a name, a sound that changes with one letter), and a block too large to pair whole still gets its
 * neighbours compared. Returns the pairs proposed.
 */
export const sortedNeighbourPairs = (
  records: PreparedRecords,
  rule: BlockingRule,
  window: number,
  texts: TokenTexts,
  budget: number,
  proposed: ProposedPairs,
  ruleIndex: number,
  buffers: BlockingBuffers = new BlockingBuffers()
): number => {
  const order = sortedKeys(records, rule, texts, buffers)
  const side = records.side
  let added = 0
  for (let distance = 1; distance <= window && added < budget; distance++) {
    const positions = order.length - distance
    // When the budget cannot pay for every pair at this distance, the ones it pays for are spread evenly over
    // the order: a cut at a position would leave the second half of the alphabet without neighbours.
    const step = Math.max(1, positions / Math.max(1, budget - added))
    for (let x = 0; x < positions; x += step) {
      const p = Math.floor(x)
      const i = order[p] ?? 0
      const j = order[p + distance] ?? 0
      if (i === j) continue
      if (!records.linking) proposed.add(i < j ? i : j, i < j ? j : i, ruleIndex)
      else if (side[i] !== side[j]) proposed.add(side[i] === 0 ? i : j, side[i] === 0 ? j : i, ruleIndex)
      else continue
      added++
    }
  }
  return added
}
