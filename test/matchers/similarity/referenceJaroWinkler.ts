/*
 * Jaro and Jaro-Winkler similarity (Winkler 1990: prefix scale 0.1, prefix up to 4 characters, boost only above
 * a Jaro of 0.7) computed the plain way, on two strings: the reference the matcher's own
 * `matchers/similarity/codeUnitJaroWinkler.ts` is held to, number for number. (No maintained npm package exists
 * to serve as the reference instead.)
 */

let flagsA = new Uint8Array(64)
let flagsB = new Uint8Array(64)

const ensureCapacity = (n: number): void => {
  if (flagsA.length < n) {
    const size = Math.max(n, flagsA.length * 2)
    flagsA = new Uint8Array(size)
    flagsB = new Uint8Array(size)
  }
}

/** Jaro similarity in 0..1: 1 for equal strings (two empty strings included), 0 when either is empty. */
export const jaro = (a: string, b: string): number => {
  if (a === b) return 1
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) return 0
  ensureCapacity(Math.max(la, lb))
  flagsA.fill(0, 0, la)
  flagsB.fill(0, 0, lb)
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0
    const hi = Math.min(i + window + 1, lb)
    const c = a.charCodeAt(i)
    for (let j = lo; j < hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
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
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++
    k++
  }
  const m = matches
  return (m / la + m / lb + (m - halfTranspositions / 2) / m) / 3
}

/** Jaro-Winkler similarity in 0..1: Jaro boosted by the length of the common prefix (at most 4). */
export const jaroWinkler = (a: string, b: string): number => {
  const j = jaro(a, b)
  if (j <= 0.7) return j
  const limit = Math.min(4, a.length, b.length)
  let prefix = 0
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return j + prefix * 0.1 * (1 - j)
}
