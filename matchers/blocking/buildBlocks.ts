import { doubleMetaphone } from "double-metaphone"
import { StringIndex } from "../collections/StringIndex.ts"
import type { FieldName } from "../prepare/FieldName.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { ValueColumn } from "../prepare/ValueColumn.ts"
import { BlockingBuffers } from "./BlockingBuffers.ts"
import type { BlockingRule, KeyPart } from "./BlockingRule.ts"
import { namePrefix } from "./namePrefix.ts"
import { streetCore } from "./streetCore.ts"

export interface Blocks {
  /** Records of block b are `members[starts[b]] .. members[starts[b + 1] - 1]`, in ascending record order (see `keyed`). */
  readonly starts: Int32Array
  readonly members: Int32Array
  readonly count: number
  /**
   * When present, only the first `keyed[b]` records of block b (ascending) pair with every record of it; the rest
   * (ascending too) pair with those only, not with each other, and do not count against `maxBlockSize`: the
   * records without a sub-key value that join every piece of a split block (see `splitBlocks.ts`).
   */
  readonly keyed?: Int32Array
}

export const tokenOf = (transform: KeyPart["transform"], value: string): string => {
  switch (transform) {
    case "value":
      return value
    case "sound":
      return doubleMetaphone(value)[0]
    case "initial":
      return value.charAt(0)
    case "mailbox":
      return value.slice(0, Math.max(0, value.lastIndexOf("@")))
    case "domain": {
      const at = value.lastIndexOf("@")
      return at < 0 ? "" : value.slice(at + 1)
    }
    case "street core":
      return streetCore(value)
    case "prefix":
      return namePrefix(value)
  }
}

/** A part's token text for every value of a field ("" for none), by value id. */
export type TokenTexts = (field: FieldName, transform: KeyPart["transform"]) => ReadonlyArray<string>

/**
 * Token texts computed once per matching run: several rules key on the same sounds (a first name's Double Metaphone
 * serves five of the default rules).
 */
export const tokenTexts = (records: PreparedRecords): TokenTexts => {
  const known = new Map<string, ReadonlyArray<string>>()
  return (field, transform) => {
    const values = records.columns[field].values
    if (transform === "value") return values
    const key = `${field} ${transform}`
    let texts = known.get(key)
    if (texts === undefined) {
      texts = values.map((v) => tokenOf(transform, v))
      known.set(key, texts)
    }
    return texts
  }
}

interface PartField {
  readonly column: ValueColumn
  /** Token id per value id; -1 for a value that gives no token. */
  readonly tokenOfValue: Int32Array
}

/**
 * Each part's tokens as small integers. Blocks are numbered by first appearance, so only which keys are equal
 * matters, never the ids themselves: an ordered rule gives each part its own id space, and a part that is one
 * field's values as they are takes the value ids as its tokens. An unordered rule sorts a key's tokens, so its
 * parts share one space (a first name's sound and a last name's must get one id).
 */
const tokenIds = (
  records: PreparedRecords,
  rule: BlockingRule,
  texts: TokenTexts
): { readonly parts: ReadonlyArray<ReadonlyArray<PartField>>; readonly spaces: ReadonlyArray<number> } => {
  const shared = rule.unordered === true ? new StringIndex() : null
  const spaceOf: Array<() => number> = []
  const parts = rule.parts.map((part) => {
    const only = part.fields[0]
    if (shared === null && part.transform === "value" && part.fields.length === 1 && only !== undefined) {
      const column = records.columns[only]
      spaceOf.push(() => column.values.length)
      const identity = new Int32Array(column.values.length)
      for (let id = 0; id < identity.length; id++) identity[id] = id
      return [{ column, tokenOfValue: identity }]
    }
    const space = shared ?? new StringIndex()
    spaceOf.push(() => space.size)
    return part.fields.map((field) => {
      const tokens = texts(field, part.transform)
      const tokenOfValue = new Int32Array(tokens.length)
      for (let v = 0; v < tokens.length; v++) {
        const token = tokens[v] ?? ""
        tokenOfValue[v] = token === "" ? -1 : space.idOf(token)
      }
      return { column: records.columns[field], tokenOfValue }
    })
  })
  // Read once every part is interned: an unordered rule's parts fill one space together.
  return { parts, spaces: spaceOf.map((size) => Math.max(1, size())) }
}

/** Keys up to this many are looked up in a flat array (4 MB at most), beyond in a hash. */
const DIRECT_KEYS = 1 << 20

/**
 * Groups records by their keys under a rule; a record with several keys (two phones) joins several blocks. The
 * blocks live in `buffers` and are overwritten by the next rule built with them.
 */
export const buildBlocks = (
  records: PreparedRecords,
  rule: BlockingRule,
  texts: TokenTexts,
  buffers: BlockingBuffers = new BlockingBuffers()
): Blocks => {
  const { parts, spaces } = tokenIds(records, rule, texts)
  const depthOfKey = parts.length
  const unordered = rule.unordered === true
  // A key is a number with one digit per part, digit k in base `spaces[k]`: exact while it fits a double.
  const keys = spaces.reduce((a, b) => a * b, 1)
  const numeric = keys < Number.MAX_SAFE_INTEGER
  const direct = keys <= DIRECT_KEYS ? buffers.directIndex(keys) : null
  const { blockIds, recordIds, directKeys } = buffers
  blockIds.length = 0
  recordIds.length = 0
  const blockOfKey = buffers.numberIndex()
  let blocks = 0
  const blockOfText = new Map<string, number>()
  let lastMember = buffers.lastMember(1024)
  const tokens = new Int32Array(depthOfKey)
  const ordered = new Int32Array(depthOfKey)
  const blockOf = (): number => {
    ordered.set(tokens)
    // Insertion sort: a key has two or three tokens.
    if (unordered) {
      for (let a = 1; a < depthOfKey; a++) {
        const t = ordered[a] ?? 0
        let b = a - 1
        for (; b >= 0 && (ordered[b] ?? 0) > t; b--) ordered[b + 1] = ordered[b] ?? 0
        ordered[b + 1] = t
      }
    }
    if (numeric) {
      let key = 0
      for (let k = 0; k < depthOfKey; k++) key = key * (spaces[k] ?? 1) + (ordered[k] ?? 0)
      if (direct === null) return blockOfKey.idOf(key)
      // Stored as block + 1: the array starts as zeros.
      const known = direct[key] ?? 0
      if (known > 0) return known - 1
      direct[key] = ++blocks
      directKeys.push(key)
      return blocks - 1
    }
    const text = ordered.join(",")
    let block = blockOfText.get(text)
    if (block === undefined) {
      block = blockOfText.size
      blockOfText.set(text, block)
    }
    return block
  }
  const emit = (record: number, depth: number): void => {
    if (depth === depthOfKey) {
      const block = blockOf()
      if (block >= lastMember.length) lastMember = buffers.lastMember(block + 1)
      // Two keys of one record can name one block (a repeated sound, an unordered pair): it joins once.
      if (lastMember[block] === record) return
      lastMember[block] = record
      blockIds.push(block)
      recordIds.push(record)
      return
    }
    const fields = parts[depth] ?? []
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]
      if (field === undefined) continue
      const { tokenOfValue } = field
      const { offsets, items } = field.column
      const end = offsets[record + 1] ?? 0
      for (let x = offsets[record] ?? 0; x < end; x++) {
        const token = tokenOfValue[items[x] ?? 0] ?? -1
        if (token < 0) continue
        tokens[depth] = token
        emit(record, depth + 1)
      }
    }
  }
  for (let i = 0; i < records.size; i++) emit(i, 0)
  // Counting sort by block keeps each block's records contiguous and in record order.
  const count = !numeric ? blockOfText.size : direct === null ? blockOfKey.size : blocks
  // The next rule finds the shared arrays as this one found them.
  buffers.clearDirect()
  buffers.clearLastMember(count)
  const starts = buffers.zeros("block starts", count + 1)
  for (let k = 0; k < blockIds.length; k++) {
    const b = (blockIds.data[k] ?? 0) + 1
    starts[b] = (starts[b] ?? 0) + 1
  }
  for (let b = 0; b < count; b++) starts[b + 1] = (starts[b + 1] ?? 0) + (starts[b] ?? 0)
  const fill = buffers.zeros("block fill", count)
  fill.set(starts.subarray(0, count))
  const members = buffers.zeros("block members", blockIds.length)
  for (let k = 0; k < blockIds.length; k++) {
    const b = blockIds.data[k] ?? 0
    members[fill[b] ?? 0] = recordIds.data[k] ?? 0
    fill[b] = (fill[b] ?? 0) + 1
  }
  return { starts, members, count }
}
