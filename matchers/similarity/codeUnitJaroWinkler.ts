/*
 * Jaro and Jaro-Winkler similarity (Winkler 1990: prefix scale 0.1, prefix up to 4 characters, boost only above
 * a Jaro of 0.7), written here because no maintained npm package exists. Strings are decoded once into one typed
 * array per column of values: the scoring loops compare the same few thousand street and name values millions of
 * times, and reading a typed array is about twice as fast there as `charCodeAt`; the match flags live in scratch
 * buffers reused across calls, so a comparison allocates nothing. A test holds it, number for number, to the
 * plain string computation in `test/matchers/similarity/referenceJaroWinkler.ts`.
 */

/** Strings as UTF-16 code units: string s is `codes[starts[s]] .. codes[starts[s + 1] - 1]`. */
export interface CodeUnits {
  readonly codes: Uint16Array
  readonly starts: Int32Array
  /** Per string, `BUCKETS` counts of its characters (see `bucketOf`); for `jaroWinklerCeiling`. */
  readonly histograms: Uint8Array
}

/** Letters, digits, space, and one bucket for everything else. */
const BUCKETS = 38

const bucketOf = (code: number): number =>
  code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? code - 22 : code === 32 ? 36 : 37

/** Longest string whose character counts fit the histograms' bytes; longer ones are never bounded. */
const MAX_COUNTED = 255

export const codeUnitsOf = (values: ReadonlyArray<string>): CodeUnits => {
  const starts = new Int32Array(values.length + 1)
  let total = 0
  values.forEach((v, s) => {
    total += v.length
    starts[s + 1] = total
  })
  const codes = new Uint16Array(total)
  const histograms = new Uint8Array(values.length * BUCKETS)
  values.forEach((v, s) => {
    const from = starts[s] ?? 0
    for (let k = 0; k < v.length; k++) {
      const code = v.charCodeAt(k)
      codes[from + k] = code
      const bucket = s * BUCKETS + bucketOf(code)
      if (v.length <= MAX_COUNTED) histograms[bucket] = (histograms[bucket] ?? 0) + 1
    }
  })
  return { codes, starts, histograms }
}

let flagsA = new Uint8Array(64)
let flagsB = new Uint8Array(64)

const ensureCapacity = (n: number): void => {
  if (flagsA.length < n) {
    const size = Math.max(n, flagsA.length * 2)
    flagsA = new Uint8Array(size)
    flagsB = new Uint8Array(size)
  }
}

/** Jaro similarity in 0..1 of string `a` of `x` and string `b` of `y`: 1 for equal strings, 0 when either is empty. */
export const jaroAt = (x: CodeUnits, a: number, y: CodeUnits, b: number): number => {
  if (x === y && a === b) return 1
  const ca = x.codes
  const cb = y.codes
  const as = x.starts[a] ?? 0
  const la = (x.starts[a + 1] ?? 0) - as
  const bs = y.starts[b] ?? 0
  const lb = (y.starts[b + 1] ?? 0) - bs
  if (la === 0 || lb === 0) return 0
  ensureCapacity(Math.max(la, lb))
  for (let i = 0; i < la; i++) flagsA[i] = 0
  for (let j = 0; j < lb; j++) flagsB[j] = 0
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0
    const hi = Math.min(i + window + 1, lb)
    const c = ca[as + i]
    for (let j = lo; j < hi; j++) {
      if (flagsB[j] === 0 && cb[bs + j] === c) {
        flagsA[i] = 1
        flagsB[j] = 1
        matches++
        break
      }
    }
  }
  if (matches === 0) return 0
  let halfTranspositions = 0
  let k = 0
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue
    while (flagsB[k] === 0) k++
    if (ca[as + i] !== cb[bs + k]) halfTranspositions++
    k++
  }
  const m = matches
  return (m / la + m / lb + (m - halfTranspositions / 2) / m) / 3
}

/** Jaro-Winkler similarity of string `a` of `x` and string `b` of `y`: Jaro boosted by the common prefix (at most 4). */
export const jaroWinklerAt = (x: CodeUnits, a: number, y: CodeUnits, b: number): number => {
  const j = jaroAt(x, a, y, b)
  if (j <= 0.7) return j
  const as = x.starts[a] ?? 0
  const bs = y.starts[b] ?? 0
  const limit = Math.min(4, (x.starts[a + 1] ?? 0) - as, (y.starts[b + 1] ?? 0) - bs)
  let prefix = 0
  while (prefix < limit && x.codes[as + prefix] === y.codes[bs + prefix]) prefix++
  return j + prefix * 0.1 * (1 - j)
}

/**
 * An upper bound of `jaroWinklerAt(x, a, y, b)` at a fraction of its cost, so a pair far below every threshold
 * skips the exact computation. Jaro's matches pair equal characters one to one, so there are at most as many as
 * the characters the strings share in any order; with no transpositions that caps Jaro, and the Winkler boost
 * grows with Jaro at the exact common prefix.
 */
export const jaroWinklerCeiling = (x: CodeUnits, a: number, y: CodeUnits, b: number): number => {
  const as = x.starts[a] ?? 0
  const la = (x.starts[a + 1] ?? 0) - as
  const bs = y.starts[b] ?? 0
  const lb = (y.starts[b + 1] ?? 0) - bs
  if (la > MAX_COUNTED || lb > MAX_COUNTED) return 1
  if (la === 0 || lb === 0) return 0
  const ha = x.histograms
  const hb = y.histograms
  const ka = a * BUCKETS
  const kb = b * BUCKETS
  let shared = 0
  for (let k = 0; k < BUCKETS; k++) {
    const ca = ha[ka + k] ?? 0
    const cb = hb[kb + k] ?? 0
    shared += ca < cb ? ca : cb
  }
  if (shared === 0) return 0
  const jaro = (shared / la + shared / lb + 1) / 3
  if (jaro <= 0.7) return jaro
  const limit = Math.min(4, la, lb)
  let prefix = 0
  while (prefix < limit && x.codes[as + prefix] === y.codes[bs + prefix]) prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}
