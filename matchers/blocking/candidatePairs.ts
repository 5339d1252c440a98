import { doubleMetaphone } from "double-metaphone"
import type { FieldName } from "../prepare/FieldName.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { BlockingRule, KeyPart } from "./BlockingRule.ts"

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

const MAX_RULES = 16

/** Every rule may propose this many pairs whatever the size of the data: small sets are cheap to score. */
export const MIN_PAIR_BUDGET = 20_000

/** A growable typed list; the blocking loops push millions of numbers and must not allocate per push. */
class Int32List {
  data = new Int32Array(1024)
  length = 0
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = v
  }
}

class Float64List {
  data = new Float64Array(1024)
  length = 0
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = v
  }
  sortedUnique(): Float64Array {
    const view = this.data.subarray(0, this.length).sort()
    let w = 0
    for (let r = 0; r < view.length; r++) if (w === 0 || view[r] !== view[w - 1]) view[w++] = view[r] ?? 0
    return view.slice(0, w)
  }
}

/**
 * A part's tokens as small integers, per value id: the value itself, its Double Metaphone code or its initial,
 * interned in one space shared by the rule's parts (so an unordered rule can match a first name against a last
 * name). Integer keys keep the block index free of string building.
 */
const partTokenIds = (records: PreparedRecords, field: FieldName, part: KeyPart, space: Map<string, number>): Int32Array =>
  Int32Array.from(records.columns[field].values, (v) => {
    const token = tokenOf(part.transform, v)
    if (token === "") return -1
    let id = space.get(token)
    if (id === undefined) {
      id = space.size
      space.set(token, id)
    }
    return id
  })

const tokenOf = (transform: KeyPart["transform"], value: string): string => {
  switch (transform) {
    case "value":
      return value
    case "sound":
      return doubleMetaphone(value)[0]
    case "initial":
      return value.charAt(0)
    case "mailbox":
      return value.slice(0, Math.max(0, value.lastIndexOf("@")))
  }
}

interface Blocks {
  /** Records of block b are `members[starts[b]] .. members[starts[b + 1] - 1]`, in ascending record order. */
  readonly starts: Int32Array
  readonly members: Int32Array
  readonly count: number
}

/** Groups records by their keys under a rule; a record with several keys (two phones) joins several blocks. */
const buildBlocks = (records: PreparedRecords, rule: BlockingRule): Blocks => {
  const space = new Map<string, number>()
  const parts = rule.parts.map((part) =>
    part.fields.map((field) => ({ column: records.columns[field], ofValue: partTokenIds(records, field, part, space) }))
  )
  const radix = space.size + 1
  const blockOf = new Map<number, number>()
  const lastMember: Array<number> = []
  const blockIds = new Int32List()
  const recordIds = new Int32List()
  // Keys are numbers in base `radix` over the parts' token ids: exact while they fit a double.
  const numeric = radix ** parts.length < Number.MAX_SAFE_INTEGER
  const stringIds = new Map<string, number>()
  const tokens: Array<number> = []
  const emit = (record: number, depth: number): void => {
    if (depth === parts.length) {
      const ordered = rule.unordered === true ? [...tokens].sort((a, b) => a - b) : tokens
      let key = 0
      if (numeric) for (let k = 0; k < ordered.length; k++) key = key * radix + (ordered[k] ?? 0)
      else {
        const text = ordered.join(",")
        key = stringIds.get(text) ?? stringIds.size
        stringIds.set(text, key)
      }
      let block = blockOf.get(key)
      if (block === undefined) {
        block = blockOf.size
        blockOf.set(key, block)
      }
      // Two keys of one record can name one block (a repeated sound, an unordered pair): it joins once.
      if (lastMember[block] === record) return
      lastMember[block] = record
      blockIds.push(block)
      recordIds.push(record)
      return
    }
    for (const { column, ofValue } of parts[depth] ?? []) {
      const { offsets, items } = column
      for (let x = offsets[record] ?? 0; x < (offsets[record + 1] ?? 0); x++) {
        const token = ofValue[items[x] ?? 0] ?? -1
        if (token < 0) continue
        tokens[depth] = token
        emit(record, depth + 1)
      }
    }
  }
  for (let i = 0; i < records.size; i++) emit(i, 0)
  // Counting sort by block keeps each block's records contiguous and in record order.
  const count = blockOf.size
  const starts = new Int32Array(count + 1)
  for (let k = 0; k < blockIds.length; k++) {
    const b = (blockIds.data[k] ?? 0) + 1
    starts[b] = (starts[b] ?? 0) + 1
  }
  for (let b = 0; b < count; b++) starts[b + 1] = (starts[b + 1] ?? 0) + (starts[b] ?? 0)
  const fill = starts.slice(0, count)
  const members = new Int32Array(blockIds.length)
  for (let k = 0; k < blockIds.length; k++) {
    const b = blockIds.data[k] ?? 0
    members[fill[b] ?? 0] = recordIds.data[k] ?? 0
    fill[b] = (fill[b] ?? 0) + 1
  }
  return { starts, members, count }
}

/** Applies each blocking rule and unions their pairs; oversized blocks are skipped and counted. */
export const candidatePairs = (records: PreparedRecords, rules: ReadonlyArray<BlockingRule>): CandidatePairs => {
  const n = records.size
  const side = records.side
  const perRuleCodes: Array<Float64Array> = []
  const perRule: Array<RuleReport> = []
  for (const rule of rules.slice(0, MAX_RULES)) {
    const { starts, members, count } = buildBlocks(records, rule)
    let skippedBlocks = 0
    let skippedPairs = 0
    let largestBlock = 0
    const kept: Array<{ block: number; pairs: number }> = []
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
      } else kept.push({ block: b, pairs })
    }
    // Over budget: keep the smallest blocks, which are also the most telling, and skip the rest.
    kept.sort((a, b) => a.pairs - b.pairs)
    let budget = Math.max(rule.maxPairsPerRecord * n, MIN_PAIR_BUDGET)
    const codes = new Float64List()
    for (const { block, pairs } of kept) {
      if (pairs > budget) {
        skippedBlocks++
        skippedPairs += pairs
        continue
      }
      budget -= pairs
      const from = starts[block] ?? 0
      const to = starts[block + 1] ?? 0
      for (let a = from; a < to; a++) {
        const i = members[a] ?? 0
        for (let b = a + 1; b < to; b++) {
          const j = members[b] ?? 0
          if (!records.linking) codes.push(i * n + j)
          else if (side[i] !== side[j]) codes.push(side[i] === 0 ? i * n + j : j * n + i)
        }
      }
    }
    const unique = codes.sortedUnique()
    perRuleCodes.push(unique)
    perRule.push({ rule: rule.name, candidatePairs: unique.length, skippedBlocks, skippedPairs, largestBlock })
  }
  return union(perRuleCodes, perRule, n)
}

const union = (perRuleCodes: ReadonlyArray<Float64Array>, perRule: ReadonlyArray<RuleReport>, n: number): CandidatePairs => {
  let total = 0
  for (const c of perRuleCodes) total += c.length
  // Tag each code with its rule in the low bits, so one numeric sort groups a pair's rules together.
  const tagged = new Float64Array(total)
  let t = 0
  perRuleCodes.forEach((codes, r) => {
    for (let k = 0; k < codes.length; k++) tagged[t++] = (codes[k] ?? 0) * MAX_RULES + r
  })
  tagged.sort()
  const left = new Int32Array(total)
  const right = new Int32Array(total)
  const rules = new Uint16Array(total)
  let count = 0
  let previous = -1
  for (let k = 0; k < total; k++) {
    const v = tagged[k] ?? 0
    const code = Math.floor(v / MAX_RULES)
    const r = v - code * MAX_RULES
    if (code !== previous) {
      const i = Math.floor(code / n)
      left[count] = i
      right[count] = code - i * n
      count++
      previous = code
    }
    rules[count - 1] = (rules[count - 1] ?? 0) | (1 << r)
  }
  return { count, left: left.slice(0, count), right: right.slice(0, count), rules: rules.slice(0, count), perRule }
}
