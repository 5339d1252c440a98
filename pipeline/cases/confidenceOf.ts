import { type MatchEvidence, refKey } from "../domain/MatchEvidence.ts"
import { UnionFind } from "./UnionFind.ts"

/**
 * The weakest match a case cannot do without: add the strongest pairs first until the records are joined, and
 * take the last one added (the bottleneck of a maximum spanning forest). `null` for a case that rests on no
 * match at all (a link to a missing QBO id).
 */
export const weakestLink = (pairs: ReadonlyArray<MatchEvidence>): MatchEvidence | null => {
  const sets = new UnionFind()
  let weakest: MatchEvidence | null = null
  for (const p of [...pairs].sort((a, b) => b.weight - a.weight)) {
    if (sets.union(refKey(p.left), refKey(p.right)) && (weakest === null || p.weight < weakest.weight)) weakest = p
  }
  return weakest
}

/** The weakest link's probability; a case made of links alone is a fact, not a guess: 1. */
export const confidenceOf = (pairs: ReadonlyArray<MatchEvidence>): number => weakestLink(pairs)?.probability ?? 1
