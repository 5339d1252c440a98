import { type MatchEvidence, refKey } from "../domain/MatchEvidence.ts"
import { UnionFind } from "./UnionFind.ts"

/**
 * The weakest match a case cannot do without: add the strongest pairs first until the records are joined, and
 * take the last one added (the bottleneck of a maximum spanning forest). A case that rests on no match at all
 * (a link to a missing QBO id) is a fact, not a guess: 1.
 */
export const confidenceOf = (pairs: ReadonlyArray<MatchEvidence>): number => {
  const sets = new UnionFind()
  let weakest = 1
  for (const p of [...pairs].sort((a, b) => b.probability - a.probability)) {
    if (sets.union(refKey(p.left), refKey(p.right))) weakest = Math.min(weakest, p.probability)
  }
  return weakest
}
