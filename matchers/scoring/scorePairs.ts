import type { FieldContribution, MatchEvidence } from "../../pipeline/domain/MatchEvidence.ts"
import type { CandidatePairs } from "../blocking/candidatePairs.ts"
import { type PreparedRecords, refOf } from "../prepare/PreparedRecords.ts"
import { levelLabel } from "./Comparison.ts"
import { bestJaroWinkler } from "./compileComparison.ts"
import type { FellegiSunterModel } from "./FellegiSunterModel.ts"
import { DIFFERENT_PROPERTY_WEIGHT, type PairKind, pairKind, type PairSemantics, pairSemantics } from "./pairSemantics.ts"

/** The weight of an exact agreement: by the rarest value the two records share when the field has term frequencies. */
const exactWeight = (model: FellegiSunterModel, records: PreparedRecords, c: number, i: number, j: number): number => {
  const byValue = model.exactWeightByValue[c]
  const plain = model.weights[c]?.[1] ?? 0
  const comparison = model.comparisons[c]
  if (byValue === null || byValue === undefined || comparison === undefined) return plain
  const { offsets, items } = records.columns[comparison.field]
  let best = -Infinity
  for (let x = offsets[i] ?? 0; x < (offsets[i + 1] ?? 0); x++) {
    const id = items[x] ?? 0
    for (let y = offsets[j] ?? 0; y < (offsets[j + 1] ?? 0); y++) {
      if (items[y] === id) best = Math.max(best, byValue[id] ?? plain)
    }
  }
  return best === -Infinity ? plain : best
}

/** Fills `out` with each comparison's weight for candidate pair k; returns their sum. */
const fieldWeights = (
  model: FellegiSunterModel,
  records: PreparedRecords,
  levels: Uint8Array,
  k: number,
  i: number,
  j: number,
  out: Float64Array
): number => {
  const C = model.comparisons.length
  let sum = 0
  for (let c = 0; c < C; c++) {
    const l = levels[k * C + c] ?? 0
    const w = l === 0 ? 0 : l === 1 ? exactWeight(model, records, c, i, j) : (model.weights[c]?.[l] ?? 0)
    out[c] = w
    sum += w
  }
  return sum
}

/**
 * A pair's weight once its meaning is applied (see `pairSemantics.ts`): two POM accounts at different properties
 * get `DIFFERENT_PROPERTY_WEIGHT` whatever they share; a payer pair's address penalty is softened. `evidence` is
 * the prior plus the field weights, `address` the address fields' share of it. The one place both scoring and
 * explaining take the pair's semantics from.
 */
const weightWithSemantics = (
  semantics: PairSemantics,
  kind: PairKind,
  levelOf: (c: number) => number,
  evidence: number,
  address: number
): number =>
  kind === "account"
    ? semantics.differentProperty(levelOf)
      ? DIFFERENT_PROPERTY_WEIGHT
      : evidence
    : evidence + semantics.billingAllowance(address)

const addressWeight = (semantics: PairSemantics, weights: Float64Array): number => {
  let sum = 0
  for (let c = 0; c < weights.length; c++) if (semantics.isAddress(c)) sum += weights[c] ?? 0
  return sum
}

/** Scores every candidate pair: its match weight in bits. */
export const scoreCandidates = (
  model: FellegiSunterModel,
  records: PreparedRecords,
  candidates: CandidatePairs,
  levels: Uint8Array
): Float64Array => {
  const C = model.comparisons.length
  const semantics = pairSemantics(model.comparisons)
  const scratch = new Float64Array(C)
  const out = new Float64Array(candidates.count)
  let k = 0
  const levelOfPair = (c: number): number => levels[k * C + c] ?? 0
  for (; k < candidates.count; k++) {
    const i = candidates.left[k] ?? 0
    const j = candidates.right[k] ?? 0
    const evidence = model.priorWeight + fieldWeights(model, records, levels, k, i, j, scratch)
    out[k] = weightWithSemantics(semantics, pairKind(records, i, j), levelOfPair, evidence, addressWeight(semantics, scratch))
  }
  return out
}

export const probabilityOf = (weight: number): number => 1 / (1 + 2 ** -weight)

const describeOdds = (weight: number): string => {
  const oneIn = Math.round(1 + 2 ** -weight)
  return `1 in ${oneIn.toLocaleString("en-US")} pairs`
}

/** The field-by-field account of candidate pair k; its contributions sum to its weight. */
export const explainPair = (
  model: FellegiSunterModel,
  records: PreparedRecords,
  levels: Uint8Array,
  k: number,
  i: number,
  j: number
): MatchEvidence => {
  const C = model.comparisons.length
  const semantics = pairSemantics(model.comparisons)
  const scratch = new Float64Array(C)
  fieldWeights(model, records, levels, k, i, j, scratch)
  const contributions: Array<FieldContribution> = [{ field: "prior", level: describeOdds(model.priorWeight), weight: model.priorWeight }]
  model.comparisons.forEach((comparison, c) => {
    const l = levels[k * C + c] ?? 0
    if (l === 0) return
    const test = comparison.levels[l - 1]?.test
    const label =
      test?._tag === "JaroWinkler"
        ? `JW ${bestJaroWinkler(records.columns[comparison.field], i, j).toFixed(2)}`
        : levelLabel(comparison, l)
    contributions.push({ field: comparison.field, level: label, weight: scratch[c] ?? 0 })
  })
  const evidence = contributions.reduce((s, c) => s + c.weight, 0)
  const kind = pairKind(records, i, j)
  const adjusted = weightWithSemantics(semantics, kind, (c) => levels[k * C + c] ?? 0, evidence, addressWeight(semantics, scratch))
  // The correction is shown as one more contribution, so the contributions still add up to the weight.
  if (adjusted !== evidence) {
    contributions.push(
      kind === "account"
        ? { field: "property", level: "different property: POM accounts are per property", weight: adjusted - evidence }
        : { field: "address", level: "billing address may differ from the property", weight: adjusted - evidence }
    )
  }
  const weight = adjusted
  return { left: refOf(records, i), right: refOf(records, j), weight, probability: probabilityOf(weight), contributions }
}
