import type { PreparedRecords } from "../prepare/PreparedRecords.ts"
import type { ValueColumn } from "../prepare/ValueColumn.ts"
import type { FellegiSunterModel } from "./FellegiSunterModel.ts"

/**
 * A trained model's field weights laid out flat for the scoring loop, which looks one up per candidate pair and
 * comparison: no property lookups by field name, no arrays of arrays.
 */
export interface FieldWeigher {
  readonly comparisons: number
  /** log2(m/u) of comparison c at level l: `byLevel[c * stride + l]`. */
  readonly byLevel: Float64Array
  readonly stride: number
  /** Per comparison with term frequencies, the column and the exact-agreement weight per value id; else null. */
  readonly termFrequency: ReadonlyArray<{ readonly column: ValueColumn; readonly byValue: Float64Array } | null>
}

export const fieldWeigher = (model: FellegiSunterModel, records: PreparedRecords): FieldWeigher => {
  const stride = Math.max(1, ...model.weights.map((w) => w.length))
  const byLevel = new Float64Array(model.comparisons.length * stride)
  model.weights.forEach((w, c) => byLevel.set(w, c * stride))
  return {
    comparisons: model.comparisons.length,
    byLevel,
    stride,
    termFrequency: model.comparisons.map((comparison, c) => {
      const byValue = model.exactWeightByValue[c]
      return byValue === null || byValue === undefined ? null : { column: records.columns[comparison.field], byValue }
    })
  }
}

/** The weight of an exact agreement: by the rarest value the two records share when the field has term frequencies. */
const exactWeight = (weigher: FieldWeigher, c: number, i: number, j: number): number => {
  const plain = weigher.byLevel[c * weigher.stride + 1] ?? 0
  const tf = weigher.termFrequency[c]
  if (tf === null || tf === undefined) return plain
  const { byValue } = tf
  const { offsets, items } = tf.column
  // Most records hold one value of a field: at the exact level it is the value the two share, found without
  // reading the other record's values.
  const from = offsets[i] ?? 0
  if ((offsets[i + 1] ?? 0) - from === 1) return byValue[items[from] ?? 0] ?? plain
  let best = -Infinity
  for (let x = offsets[i] ?? 0; x < (offsets[i + 1] ?? 0); x++) {
    const id = items[x] ?? 0
    for (let y = offsets[j] ?? 0; y < (offsets[j + 1] ?? 0); y++) {
      if (items[y] === id) best = Math.max(best, byValue[id] ?? plain)
    }
  }
  return best === -Infinity ? plain : best
}

/**
 * Fills `out` with each comparison's weight for the pair of records i and j whose levels start at `levels[row]`,
 * as measured; the pair's semantics (see `scorePairs.ts`) still adjust them before they are summed.
 */
export const fieldWeights = (weigher: FieldWeigher, levels: Uint8Array, row: number, i: number, j: number, out: Float64Array): void => {
  const { comparisons, byLevel, stride } = weigher
  for (let c = 0; c < comparisons; c++) {
    const l = levels[row + c] ?? 0
    out[c] = l === 0 ? 0 : l === 1 ? exactWeight(weigher, c, i, j) : (byLevel[c * stride + l] ?? 0)
  }
}

/**
 * True when comparison c, at its exact level with weight `weight`, agreed on a value its term frequencies weigh
 * below a plain exact agreement: a value common in the data.
 */
export const agreesOnCommonValue = (weigher: FieldWeigher, c: number, level: number, weight: number): boolean =>
  level === 1 && weigher.termFrequency[c] !== null && weight < (weigher.byLevel[c * weigher.stride + 1] ?? 0)
