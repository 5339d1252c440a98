import { Int32List } from "../collections/Int32List.ts"
import { StringIndex } from "../collections/StringIndex.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { KeyPart } from "./BlockingRule.ts"
import type { Blocks, TokenTexts } from "./buildBlocks.ts"

/** Each record's sub-key tokens as small integers: `tokens[offsets[i]] .. tokens[offsets[i + 1] - 1]`. */
const subKeyTokens = (records: PreparedRecords, part: KeyPart, texts: TokenTexts) => {
  const space = new StringIndex()
  const fields = part.fields.map((field) => {
    const tokenOfValue = Int32Array.from(texts(field, part.transform), (t) => (t === "" ? -1 : space.idOf(t)))
    return { column: records.columns[field], tokenOfValue }
  })
  return (i: number, into: Int32List): void => {
    for (const { column, tokenOfValue } of fields) {
      const end = column.offsets[i + 1] ?? 0
      for (let x = column.offsets[i] ?? 0; x < end; x++) {
        const token = tokenOfValue[column.items[x] ?? 0] ?? -1
        if (token >= 0) into.push(token)
      }
    }
  }
}

/** Records of block b that pair with all of it: all but the joiners of a split block's piece. */
export const keyedIn = (blocks: Blocks, b: number): number =>
  blocks.keyed?.[b] ?? (blocks.starts[b + 1] ?? 0) - (blocks.starts[b] ?? 0)

/** Pairs a block gives: every two records in a dedupe, left × right in a link; joiners not with each other. */
export const pairsInBlock = (records: PreparedRecords, blocks: Blocks, b: number): number => {
  const from = blocks.starts[b] ?? 0
  const size = (blocks.starts[b + 1] ?? 0) - from
  const k = keyedIn(blocks, b)
  if (!records.linking) return (k * (k - 1)) / 2 + k * (size - k)
  let keyedLefts = 0
  let joinerLefts = 0
  for (let x = from; x < from + size; x++) {
    if (records.side[blocks.members[x] ?? 0] !== 0) continue
    if (x < from + k) keyedLefts++
    else joinerLefts++
  }
  const keyedRights = k - keyedLefts
  return keyedLefts * keyedRights + keyedLefts * (size - k - joinerLefts) + keyedRights * joinerLefts
}

/** Pairs of a piece whose keyed records pair with all of it and whose joiners pair with the keyed only. */
const piecePairs = (records: PreparedRecords, keyed: ReadonlyArray<number>, joiners: Int32List): number => {
  const k = keyed.length
  const m = joiners.length
  if (!records.linking) return (k * (k - 1)) / 2 + k * m
  let keyedLefts = 0
  for (const i of keyed) if (records.side[i] === 0) keyedLefts++
  let joinerLefts = 0
  for (let x = 0; x < m; x++) if (records.side[joiners.data[x] ?? 0] === 0) joinerLefts++
  return keyedLefts * (k - keyedLefts) + keyedLefts * (m - joinerLefts) + (k - keyedLefts) * joinerLefts
}

/**
 * The pieces of the `dropped` blocks under the rule's `subKey`: a common key ("James Smith") still pairs the
 * records that also share a town, instead of pairing none. A record without a sub-key value joins every piece of
 * its block, as it could belong to any of them; so it costs at most its block's size in pairs, as a record with
 * only a name and a common one must; those records are paired with each other once, in a piece of their own, and
 * only the records with a sub-key value count against the cap (the pair budget bounds the rest).
 *
 * Blocks are split in the order given (the smallest first) until the pieces within `cap` hold `enough` pairs:
 * the budget left cannot take more, and splitting every dropped block of a large list would cost more time than
 * the pairs it could add.
 */
export const splitBlocks = (
  records: PreparedRecords,
  subKey: KeyPart,
  blocks: Blocks,
  texts: TokenTexts,
  dropped: Int32List,
  limits: { readonly cap: number; readonly enough: number }
): Blocks & { readonly split: number } => {
  const { starts, members } = blocks
  const tokensOf = subKeyTokens(records, subKey, texts)
  const outStarts = new Int32List()
  const outMembers = new Int32List()
  const keyed = new Int32List()
  const tokens = new Int32List()
  let gathered = 0
  let d = 0
  for (; d < dropped.length && gathered < limits.enough; d++) {
    const b = dropped.data[d] ?? 0
    const from = starts[b] ?? 0
    const to = starts[b + 1] ?? 0
    // Each piece holds its keyed records in ascending order, then the keyless ones (see `Blocks.keyed`).
    const pieces = new Map<number, Array<number>>()
    const keyless = new Int32List()
    for (let x = from; x < to; x++) {
      const i = members[x] ?? 0
      tokens.length = 0
      tokensOf(i, tokens)
      if (tokens.length === 0) keyless.push(i)
      for (let t = 0; t < tokens.length; t++) {
        const token = tokens.data[t] ?? 0
        const piece = pieces.get(token)
        // Two values of one record can give one token: it joins once.
        if (piece === undefined) pieces.set(token, [i])
        else if (piece[piece.length - 1] !== i) piece.push(i)
      }
    }
    // The joiners with each other, once: a piece of its own with no keyed records before them.
    const alone = new Int32List()
    pieces.set(-1, Array.from(keyless.data.subarray(0, keyless.length)))
    for (const [token, piece] of pieces) {
      const joiners = token === -1 ? alone : keyless
      outStarts.push(outMembers.length)
      keyed.push(piece.length)
      for (const i of piece) outMembers.push(i)
      for (let x = 0; x < joiners.length; x++) outMembers.push(joiners.data[x] ?? 0)
      if (piece.length <= limits.cap) gathered += piecePairs(records, piece, joiners)
    }
  }
  outStarts.push(outMembers.length)
  return {
    starts: outStarts.data.slice(0, outStarts.length),
    members: outMembers.data.slice(0, outMembers.length),
    count: outStarts.length - 1,
    keyed: keyed.data.slice(0, keyed.length),
    /** The first `split` of `dropped` were split; the rest were not reached. */
    split: d
  }
}
