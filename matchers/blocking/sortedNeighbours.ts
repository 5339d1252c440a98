import { Int32List } from "../collections/Int32List.ts"
import { StringIndex } from "../collections/StringIndex.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { BlockingRule } from "./BlockingRule.ts"
import type { TokenTexts } from "./buildBlocks.ts"
import type { ProposedPairs } from "./unionPairs.ts"

/** Separates a key's parts, and sorts before every letter: "smith" + "" comes before "smith" + "a". */
const SEPARATOR = "\u0001"

/**
 * Every key of every record under a sorted-neighbourhood rule, in key order (ties in record order): one key per
 * combination of the parts' values. A record without a value for the first part has no key; a later part missing
 * is an empty piece, so "J Smith" without a town sorts just before "J Smith, Springfield".
 */
const sortedKeys = (records: PreparedRecords, rule: BlockingRule, texts: TokenTexts): Int32Array => {
  const keys = new StringIndex()
  const keyIds = new Int32List()
  const owners = new Int32List()
  const pieces: Array<string> = []
  const emit = (record: number, depth: number): void => {
    if (depth === rule.parts.length) {
      keyIds.push(keys.idOf(pieces.join(SEPARATOR)))
      owners.push(record)
      return
    }
    const part = rule.parts[depth]
    if (part === undefined) return
    let found = false
    for (const field of part.fields) {
      const tokens = texts(field, part.transform)
      const { offsets, items } = records.columns[field]
      const end = offsets[record + 1] ?? 0
      for (let x = offsets[record] ?? 0; x < end; x++) {
        const token = tokens[items[x] ?? 0] ?? ""
        if (token === "") continue
        found = true
        pieces[depth] = token
        emit(record, depth + 1)
      }
    }
    if (!found && depth > 0) {
      pieces[depth] = ""
      emit(record, depth + 1)
    }
  }
  for (let i = 0; i < records.size; i++) emit(i, 0)
  // Ranks of the distinct keys, then a counting sort by rank: stable, so equal keys keep record order.
  const distinct = keys.values
  const byText = Array.from({ length: distinct.length }, (_, id) => id).sort((a, b) => {
    const ta = distinct[a] ?? ""
    const tb = distinct[b] ?? ""
    return ta < tb ? -1 : ta > tb ? 1 : 0
  })
  const rank = new Int32Array(distinct.length)
  byText.forEach((id, r) => {
    rank[id] = r
  })
  const starts = new Int32Array(distinct.length + 1)
  for (let k = 0; k < keyIds.length; k++) {
    const slot = (rank[keyIds.data[k] ?? 0] ?? 0) + 1
    starts[slot] = (starts[slot] ?? 0) + 1
  }
  for (let r = 0; r < distinct.length; r++) starts[r + 1] = (starts[r + 1] ?? 0) + (starts[r] ?? 0)
  const order = new Int32Array(keyIds.length)
  for (let k = 0; k < keyIds.length; k++) {
    const r = rank[keyIds.data[k] ?? 0] ?? 0
    order[starts[r] ?? 0] = owners.data[k] ?? 0
    starts[r] = (starts[r] ?? 0) + 1
  }
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
  ruleIndex: number
): number => {
  const order = sortedKeys(records, rule, texts)
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
