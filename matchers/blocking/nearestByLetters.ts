import { Int32List } from "../collections/Int32List.ts"
import { StringIndex } from "../collections/StringIndex.ts"
import type { FieldName } from "../prepare/FieldName.ts"
import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { KeyPart, NearestNeighbours } from "./BlockingRule.ts"
import type { TokenTexts } from "./buildBlocks.ts"
import type { ProposedPairs } from "./unionPairs.ts"

/** Letter runs shorter than this give no triples: a lone initial ("m.b" in a mailbox) says too little. */
const MIN_RUN = 2

/**
 * The letter triples of a text, each run of letters padded at both ends ("^ma", "may", "ay$" for "may"): a slip
 * changes at most three of a name's triples, and the padded ends keep a name's start and end apart from its middle.
 * Digits and punctuation split runs, so "hmay32" and "e.page13" give the triples of "hmay", and of "page".
 */
export const letterTriples = (text: string): Array<string> => {
  const triples: Array<string> = []
  for (const run of text.split(/[^\p{L}]+/u)) {
    if (run.length < MIN_RUN) continue
    const padded = `^${run}$`
    for (let k = 0; k + 3 <= padded.length; k++) triples.push(padded.slice(k, k + 3))
  }
  return triples
}

/** Each record's distinct triples of some parts' fields, as ids of one space (record i: `items[offsets[i]..]`). */
interface RecordTriples {
  readonly offsets: Int32Array
  readonly items: Int32Array
}

const recordTriples = (records: PreparedRecords, parts: ReadonlyArray<KeyPart>, texts: TokenTexts, space: StringIndex): RecordTriples => {
  const fields = parts.flatMap((part) => part.fields.map((field) => ({ field, transform: part.transform })))
  // Per distinct value, not per record: a common name's triples are worked out once.
  const ofValue = fields.map(({ field, transform }) => texts(field, transform).map((text) => letterTriples(text).map((t) => space.idOf(t))))
  const offsets = new Int32Array(records.size + 1)
  const items = new Int32List()
  const seen = new Set<number>()
  for (let i = 0; i < records.size; i++) {
    seen.clear()
    fields.forEach(({ field }, f) => {
      const { offsets: from, items: values } = records.columns[field]
      const end = from[i + 1] ?? 0
      for (let x = from[i] ?? 0; x < end; x++) {
        for (const t of ofValue[f]?.[values[x] ?? 0] ?? []) {
          if (seen.has(t)) continue
          seen.add(t)
          items.push(t)
        }
      }
    })
    offsets[i + 1] = items.length
  }
  return { offsets, items: items.data.subarray(0, items.length) }
}

/** The records holding each triple (triple t: `members[starts[t]..starts[t+1]]`), in record order. */
interface Postings {
  readonly starts: Int32Array
  readonly members: Int32Array
}

const postingsOf = (triples: RecordTriples, space: number, size: number): Postings => {
  const starts = new Int32Array(space + 1)
  for (const t of triples.items) starts[t + 1] = (starts[t + 1] ?? 0) + 1
  for (let t = 0; t < space; t++) starts[t + 1] = (starts[t + 1] ?? 0) + (starts[t] ?? 0)
  const fill = starts.slice(0, space)
  const members = new Int32Array(triples.items.length)
  for (let i = 0; i < size; i++) {
    for (let x = triples.offsets[i] ?? 0; x < (triples.offsets[i + 1] ?? 0); x++) {
      const t = triples.items[x] ?? 0
      members[fill[t] ?? 0] = i
      fill[t] = (fill[t] ?? 0) + 1
    }
  }
  return { starts, members }
}

const lacksOne = (records: PreparedRecords, fields: ReadonlyArray<FieldName>, i: number): boolean =>
  fields.some((field) => {
    const { offsets } = records.columns[field]
    return (offsets[i + 1] ?? 0) === (offsets[i] ?? 0)
  })

const holdsAny = (records: PreparedRecords, fields: ReadonlyArray<FieldName>, i: number): boolean =>
  fields.some((field) => {
    const { offsets } = records.columns[field]
    return (offsets[i + 1] ?? 0) > (offsets[i] ?? 0)
  })

/**
 * A nearest-neighbour pass (see `NearestNeighbours`): each record that lacks one of `nearest.lacking` (and holds
 * none of `nearest.unless`) is paired with the `nearest.neighbours` records sharing the most of its rare letter
 * triples (rule's parts pooled), each triple weighing the log of how rare it is, ties to the earlier record. Triples
 * held by more than `maxBlockSize` records are left out, as a block that large would be, so each record's search
 * stays bounded. The `nearest.ranked` part's triples (the town) only order records that share a name's triple:
 * a town alone pairs no one. When the budget cannot pay for every neighbour, each record gets fewer, alike.
 * Returns the pairs proposed.
 */
export const nearestByLetterPairs = (
  records: PreparedRecords,
  parts: ReadonlyArray<KeyPart>,
  nearest: NearestNeighbours,
  maxBlockSize: number,
  texts: TokenTexts,
  budget: number,
  proposed: ProposedPairs,
  ruleIndex: number
): number => {
  const n = records.size
  const queries = new Int32List()
  for (let i = 0; i < n; i++) {
    if (lacksOne(records, nearest.lacking, i) && !holdsAny(records, nearest.unless, i)) queries.push(i)
  }
  // A list whose people all have both names (and whose businesses need none) builds no triples at all.
  if (queries.length === 0 || budget < 1) return 0
  // Neighbours per record, a fraction when the budget cannot pay for one each: record q then gets
  // floor((q + 1) · share) − floor(q · share), so the budget is spread evenly over the list, not spent at its start.
  const share = Math.min(nearest.neighbours, budget / queries.length)
  const neighbours = Math.ceil(share)
  const nameSpace = new StringIndex()
  const names = recordTriples(records, parts, texts, nameSpace)
  const townSpace = new StringIndex()
  const town = recordTriples(records, [nearest.ranked], texts, townSpace)
  const namePostings = postingsOf(names, nameSpace.size, n)
  const townPostings = postingsOf(town, townSpace.size, n)
  const score = new Float64Array(n)
  const touched = new Int32List()
  const best = new Int32Array(neighbours)
  const side = records.side
  let added = 0
  // Adds triple t's weight to the records holding it; when `open` is false, only to records already met.
  const spread = (postings: Postings, t: number, self: number, open: boolean): void => {
    const from = postings.starts[t] ?? 0
    const held = (postings.starts[t + 1] ?? 0) - from
    if (held > maxBlockSize) return
    // Above 0 however common: a record's score is 0 only until it is met.
    const weight = Math.log(1 + n / held)
    for (let x = from; x < from + held; x++) {
      const j = postings.members[x] ?? 0
      if (j === self || (records.linking && side[j] === side[self])) continue
      if (score[j] === 0) {
        if (!open) continue
        touched.push(j)
      }
      score[j] = (score[j] ?? 0) + weight
    }
  }
  for (let q = 0; q < queries.length; q++) {
    const wanted = Math.floor((q + 1) * share) - Math.floor(q * share)
    if (wanted === 0) continue
    const i = queries.data[q] ?? 0
    touched.length = 0
    for (let x = names.offsets[i] ?? 0; x < (names.offsets[i + 1] ?? 0); x++) spread(namePostings, names.items[x] ?? 0, i, true)
    for (let x = town.offsets[i] ?? 0; x < (town.offsets[i + 1] ?? 0); x++) spread(townPostings, town.items[x] ?? 0, i, false)
    let kept = 0
    for (let k = 0; k < touched.length; k++) {
      const j = touched.data[k] ?? 0
      // Insertion into the few best so far: higher score first, then the earlier record.
      let at = Math.min(kept, wanted - 1)
      if (kept === wanted && !outranks(score, j, best[at] ?? 0)) continue
      while (at > 0 && outranks(score, j, best[at - 1] ?? 0)) {
        best[at] = best[at - 1] ?? 0
        at--
      }
      best[at] = j
      kept = Math.min(wanted, kept + 1)
    }
    for (let k = 0; k < kept; k++) {
      const j = best[k] ?? 0
      if (!records.linking) proposed.add(i < j ? i : j, i < j ? j : i, ruleIndex)
      else proposed.add(side[i] === 0 ? i : j, side[i] === 0 ? j : i, ruleIndex)
      added++
    }
    for (let k = 0; k < touched.length; k++) score[touched.data[k] ?? 0] = 0
  }
  return added
}

const outranks = (score: Float64Array, a: number, b: number): boolean => {
  const sa = score[a] ?? 0
  const sb = score[b] ?? 0
  return sa > sb || (sa === sb && a < b)
}
