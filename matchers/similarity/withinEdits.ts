/*
 * Whether two strings are at most k single-character edits apart (Levenshtein: insert, delete, substitute), the
 * question the "one digit off" levels ask. It never needs the distance itself: it strips the common prefix and
 * suffix (which leaves the distance unchanged), fills only the diagonal band of width 2k + 1, and stops as soon
 * as a whole row of the band is over k (Ukkonen 1985). Rows live in scratch buffers reused across calls.
 */

let previous = new Int32Array(64)
let current = new Int32Array(64)

const ensureCapacity = (n: number): void => {
  if (previous.length < n) {
    const size = Math.max(n, previous.length * 2)
    previous = new Int32Array(size)
    current = new Int32Array(size)
  }
}

/** True when the Levenshtein distance between `a` and `b` is at most `k` (compared by UTF-16 code unit). */
export const withinEdits = (a: string, b: string, k: number): boolean => {
  if (a === b) return true
  let endA = a.length
  let endB = b.length
  if (Math.abs(endA - endB) > k) return false
  let start = 0
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--
    endB--
  }
  const n = endA - start
  const m = endB - start
  // What is left starts and ends with a difference: one edit can only be a single differing character.
  if (n === 0 || m === 0 || k <= 1) return Math.max(n, m) <= k
  const over = k + 1
  ensureCapacity(m + 2)
  let prev = previous
  let cur = current
  for (let j = 0; j <= m; j++) prev[j] = j <= k ? j : over
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k)
    const hi = Math.min(m, i + k)
    // Left of the band: the first column (i deletions) when the band reaches it, else out of reach.
    cur[lo - 1] = lo === 1 && i <= k ? i : over
    let rowMin = cur[lo - 1] ?? over
    const ca = a.charCodeAt(start + i - 1)
    for (let j = lo; j <= hi; j++) {
      const substitute = (prev[j - 1] ?? over) + (ca === b.charCodeAt(start + j - 1) ? 0 : 1)
      const remove = (prev[j] ?? over) + 1
      const insert = (cur[j - 1] ?? over) + 1
      let v = substitute < remove ? substitute : remove
      if (insert < v) v = insert
      if (v > over) v = over
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    // Right of the band: out of reach for the next row.
    if (hi < m) cur[hi + 1] = over
    if (rowMin > k) return false
    const swap = prev
    prev = cur
    cur = swap
  }
  return (prev[m] ?? over) <= k
}
