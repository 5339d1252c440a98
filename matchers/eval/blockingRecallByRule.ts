import type { CandidatePairs } from "../blocking/candidatePairs.ts"
import type { GroundTruth } from "./GroundTruth.ts"

/**
 * Each blocking rule's share of the true pairs it proposes on its own, keyed by rule name. Rules are unioned, so
 * these shares overlap and the total blocking recall is at least the largest of them: a rule with a low share may
 * still be the only one finding some pairs.
 */
export const blockingRecallByRule = (truth: GroundTruth, candidates: CandidatePairs): Record<string, number> => {
  const found = new Float64Array(candidates.perRule.length)
  for (let k = 0; k < candidates.count; k++) {
    if (truth.judge(candidates.left[k] ?? 0, candidates.right[k] ?? 0) !== true) continue
    const mask = candidates.rules[k] ?? 0
    for (let r = 0; r < found.length; r++) if ((mask & (1 << r)) !== 0) found[r] = (found[r] ?? 0) + 1
  }
  return Object.fromEntries(
    candidates.perRule.map((report, r) => [report.rule, truth.truePairs === 0 ? 1 : (found[r] ?? 0) / truth.truePairs])
  )
}
