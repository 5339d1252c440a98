/**
 * What is known about which pairs are the same customer. A labelled data set knows every pair (each record
 * names its entity); an admin's past decisions know only the pairs someone judged. Metrics count a pair only
 * when the truth judges it.
 */
export interface GroundTruth {
  /** true: same entity; false: different; undefined: not judged. Records are indices into the evaluated list. */
  readonly judge: (a: number, b: number) => boolean | undefined
  /** How many judged pairs are true matches. */
  readonly truePairs: number
}

/**
 * Complete truth from an entity label per record. `sides` is null for a dedupe; for a link only left × right
 * pairs count.
 */
export const entityTruth = (entity: ReadonlyArray<string>, sides: Uint8Array | null): GroundTruth => {
  const left = new Map<string, number>()
  const right = new Map<string, number>()
  entity.forEach((e, i) => {
    const counts = sides !== null && sides[i] === 1 ? right : left
    counts.set(e, (counts.get(e) ?? 0) + 1)
  })
  let truePairs = 0
  if (sides === null) for (const n of left.values()) truePairs += (n * (n - 1)) / 2
  else for (const [e, n] of left) truePairs += n * (right.get(e) ?? 0)
  return { judge: (a, b) => entity[a] === entity[b], truePairs }
}

export interface LabelledPair {
  readonly a: number
  readonly b: number
  readonly match: boolean
}

/** Partial truth from judged pairs (an admin's approvals and rejections): other pairs are not counted. */
export const labelledPairsTruth = (pairs: ReadonlyArray<LabelledPair>): GroundTruth => {
  const judged = new Map<string, boolean>()
  let truePairs = 0
  for (const p of pairs) {
    const key = p.a < p.b ? `${p.a}:${p.b}` : `${p.b}:${p.a}`
    if (judged.has(key)) continue
    judged.set(key, p.match)
    if (p.match) truePairs++
  }
  return { judge: (a, b) => judged.get(a < b ? `${a}:${b}` : `${b}:${a}`), truePairs }
}
