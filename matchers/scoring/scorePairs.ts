import type { FieldContribution, MatchEvidence } from "../../pipeline/domain/MatchEvidence.ts"
import type { CandidatePairs } from "../blocking/candidatePairs.ts"
import { streetParts } from "../prepare/FieldName.ts"
import { type PreparedRecords, refOf } from "../prepare/PreparedRecords.ts"
import type { ValueColumn } from "../prepare/ValueColumn.ts"
import { codeUnitsOf } from "../similarity/codeUnitJaroWinkler.ts"
import { type Comparison, levelLabel } from "./Comparison.ts"
import { bestJaroWinklerAbove } from "./levelTests.ts"
import type { FellegiSunterModel } from "./FellegiSunterModel.ts"
import { agreesOnCommonValue, fieldWeigher, fieldWeights } from "./fieldWeigher.ts"
import {
  anotherSiteOnTheStreet,
  billingAllowance,
  DIFFERENT_BUSINESS_WEIGHT,
  DIFFERENT_PROPERTY_WEIGHT,
  differentBusiness,
  differentProperty,
  type PairKind,
  pairKind,
  keepOneOrganisationAgreement,
  keepOnePlaceAgreement,
  NEXT_DOOR_WEIGHT,
  nextDoor,
  type PairSemantics,
  pairSemantics
} from "./pairSemantics.ts"

/** What decided a pair's weight beyond its evidence, for `pairExplainer` to say. */
type Correction = "none" | "different property" | "different business" | "next door" | "billing elsewhere"

/**
 * Which of the pair's meanings (see `pairSemantics.ts`) applies: two POM accounts at different properties get
 * `DIFFERENT_PROPERTY_WEIGHT` and two records naming different businesses `DIFFERENT_BUSINESS_WEIGHT`, whatever
 * they share; a POM account and a QBO customer at another house of the property's street get `NEXT_DOOR_WEIGHT`
 * more; any other payer pair's address penalty is softened, unless the address is another site on the same street
 * (which is no billing address elsewhere). `row` is where the pair's levels start in `levels`. The one place both
 * scoring and explaining take the pair's semantics from.
 */
const correctionOf = (semantics: PairSemantics, kind: PairKind, levels: Uint8Array, row: number): Correction => {
  if (kind === "account") return differentProperty(semantics, levels, row) ? "different property" : differentBusiness(semantics, levels, row) ? "different business" : "none"
  if (differentBusiness(semantics, levels, row)) return "different business"
  if (nextDoor(semantics, levels, row)) return kind === "account-payer" ? "next door" : "none"
  return anotherSiteOnTheStreet(semantics, levels, row) ? "none" : "billing elsewhere"
}

const addressWeight = (semantics: PairSemantics, weights: Float64Array): number => {
  let sum = 0
  for (let c = 0; c < weights.length; c++) if (semantics.isAddress[c] === 1) sum += weights[c] ?? 0
  return sum
}

/**
 * The weight of a pair whose evidence is the prior plus the field weights `weights`; the address fields' share of
 * them is summed only for the one correction that reads it.
 */
const weightWithSemantics = (correction: Correction, evidence: number, semantics: PairSemantics, weights: Float64Array): number => {
  switch (correction) {
    case "different property":
      return DIFFERENT_PROPERTY_WEIGHT
    case "different business":
      return DIFFERENT_BUSINESS_WEIGHT
    case "next door":
      return evidence + NEXT_DOOR_WEIGHT
    case "billing elsewhere":
      return evidence + billingAllowance(addressWeight(semantics, weights))
    case "none":
      return evidence
  }
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
  const weigher = fieldWeigher(model, records)
  const scratch = new Float64Array(C)
  const out = new Float64Array(candidates.count)
  let row = 0
  const common = (c: number): boolean => agreesOnCommonValue(weigher, c, levels[row + c] ?? 0, scratch[c] ?? 0)
  for (let k = 0; k < candidates.count; k++) {
    const i = candidates.left[k] ?? 0
    const j = candidates.right[k] ?? 0
    row = k * C
    const correction = correctionOf(semantics, pairKind(records, i, j), levels, row)
    // Two properties or two businesses weigh the same whatever their evidence: it is not worked out.
    if (correction === "different property" || correction === "different business") {
      out[k] = weightWithSemantics(correction, 0, semantics, scratch)
      continue
    }
    fieldWeights(weigher, levels, row, i, j, scratch)
    keepOneOrganisationAgreement(semantics, scratch, common)
    keepOnePlaceAgreement(semantics, scratch)
    let evidence = model.priorWeight
    for (let c = 0; c < C; c++) evidence += scratch[c] ?? 0
    out[k] = weightWithSemantics(correction, evidence, semantics, scratch)
  }
  return out
}

export const probabilityOf = (weight: number): number => 1 / (1 + 2 ** -weight)

const describeOdds = (weight: number): string => {
  const oneIn = Math.round(1 + 2 ** -weight)
  return `1 in ${oneIn.toLocaleString("en-US")} pairs`
}

const noUnits = codeUnitsOf([])

const holds = (column: ValueColumn, i: number): boolean => (column.offsets[i + 1] ?? 0) > (column.offsets[i] ?? 0)

/** Why a field both records hold sits at the "missing" level (see `compileComparison`). */
const neutralLabel = (comparison: Comparison): string =>
  streetParts.has(comparison.field)
    ? "a PO box and a street address, neither agreeing nor disagreeing"
    : comparison.levels.some((l) => l.test._tag === "EditDistance" && l.test.notBuiltFrom !== undefined)
      ? "two mailbox names built from the names both records share, no evidence either way"
      : "neither agreeing nor disagreeing"

const correctionLabels: Record<Correction, { readonly field: string; readonly level: string }> = {
  "different property": { field: "property", level: "different property: POM accounts are per property" },
  "different business": { field: "business", level: "different businesses named, whatever else they share" },
  "next door": { field: "property", level: "another house on the property's street: a neighbour, not a billing address elsewhere" },
  "billing elsewhere": { field: "address", level: "billing address may differ from the property" },
  none: { field: "prior", level: "" }
}

/** Explains candidate pairs of one scored run: `(k, i, j)` is candidate pair k, of records i and j. */
export type PairExplainer = (k: number, i: number, j: number) => MatchEvidence

/**
 * The field-by-field account of candidate pairs; each explanation's contributions sum to its weight. What all
 * pairs share (the semantics, the prior's wording) is worked out once.
 */
export const pairExplainer = (model: FellegiSunterModel, records: PreparedRecords, levels: Uint8Array): PairExplainer => {
  const C = model.comparisons.length
  const semantics = pairSemantics(model.comparisons)
  const weigher = fieldWeigher(model, records)
  const scratch = new Float64Array(C)
  const prior = describeOdds(model.priorWeight)
  // The similarity a fuzzy level was reached with goes into its label: the columns that have such levels, decoded.
  const units = model.comparisons.map((comparison) =>
    comparison.levels.some((l) => l.test._tag === "JaroWinkler") ? codeUnitsOf(records.columns[comparison.field].values) : noUnits
  )
  return (k, i, j) => {
    fieldWeights(weigher, levels, k * C, i, j, scratch)
    const asMeasured = scratch.slice()
    const organisation = keepOneOrganisationAgreement(semantics, scratch, (c) => agreesOnCommonValue(weigher, c, levels[k * C + c] ?? 0, asMeasured[c] ?? 0))
    const organisationField = model.comparisons[organisation]?.field ?? ""
    const place = keepOnePlaceAgreement(semantics, scratch)
    const placeField = model.comparisons[place]?.field ?? ""
    const contributions: Array<FieldContribution> = [{ field: "prior", level: prior, weight: model.priorWeight }]
    model.comparisons.forEach((comparison, c) => {
      const l = levels[k * C + c] ?? 0
      if (l === 0) {
        // Held by both records yet weighing nothing: say why, or it reads as a field nobody filled in.
        const column = records.columns[comparison.field]
        if (holds(column, i) && holds(column, j)) contributions.push({ field: comparison.field, level: neutralLabel(comparison), weight: 0 })
        return
      }
      const test = comparison.levels[l - 1]?.test
      const label =
        test?._tag === "JaroWinkler"
          ? `JW ${bestJaroWinklerAbove(records.columns[comparison.field], units[c] ?? noUnits, 0, i, j).toFixed(2)}`
          : levelLabel(comparison, l)
      const countedOnce =
        scratch[c] === asMeasured[c]
          ? label
          : semantics.place[c] === 1
            ? `${label}, one place with the ${placeField}`
            : `${label}, one organisation with the ${organisationField}`
      contributions.push({ field: comparison.field, level: countedOnce, weight: scratch[c] ?? 0 })
    })
    const evidence = contributions.reduce((s, c) => s + c.weight, 0)
    const correction = correctionOf(semantics, pairKind(records, i, j), levels, k * C)
    const adjusted = weightWithSemantics(correction, evidence, semantics, scratch)
    // The correction is shown as one more contribution, so the contributions still add up to the weight.
    if (adjusted !== evidence) contributions.push({ ...correctionLabels[correction], weight: adjusted - evidence })
    return { left: refOf(records, i), right: refOf(records, j), weight: adjusted, probability: probabilityOf(adjusted), contributions }
  }
}
