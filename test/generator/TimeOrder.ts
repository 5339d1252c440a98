const indexBits = 4_194_304 // 2^22: room for the position of each record among up to four million

/**
 * `items` sorted by `time` (whole seconds or days, ≥ 0), ties kept in the order given. Sorting a few hundred
 * thousand records by a comparator that reads each object is slow; packing time and position into one float and
 * sorting a Float64Array natively is several times faster, and the result is the same.
 */
export const timeOrder = <A>(items: ReadonlyArray<A>, time: (a: A) => number): Array<A> => {
  const keys = new Float64Array(items.length)
  let packable = items.length <= indexBits
  items.forEach((item, i) => {
    const t = time(item)
    keys[i] = t * indexBits + i
    if (!(t >= 0 && t * indexBits + i <= Number.MAX_SAFE_INTEGER)) packable = false
  })
  if (!packable) {
    return items
      .map((item, i) => ({ item, i, t: time(item) }))
      .sort((a, b) => a.t - b.t || a.i - b.i)
      .map((x) => x.item)
  }
  keys.sort()
  const sorted: Array<A> = []
  for (const key of keys) {
    const item = items[key % indexBits]
    if (item !== undefined) sorted.push(item)
  }
  return sorted
}
