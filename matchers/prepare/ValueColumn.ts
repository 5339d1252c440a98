/**
 * One normalised field of every record, interned: each distinct value gets an id, and a record holds zero or more
 * ids (several for phones, emails and the names of a household). Comparing ids instead of strings makes exact
 * agreement one integer test, and the per-value counts give term frequencies for free.
 */
export interface ValueColumn {
  /** id → normalised value. */
  readonly values: ReadonlyArray<string>
  /** Record i holds `items[offsets[i]] .. items[offsets[i + 1] - 1]`. */
  readonly offsets: Int32Array
  readonly items: Int32Array
  /** id → number of records holding the value. */
  readonly counts: Int32Array
  /** Records holding at least one value. */
  readonly filled: number
}

export interface ValueColumnBuilder {
  /** Adds the values of the next record (blanks and repeats are skipped). */
  readonly push: (values: ReadonlyArray<string>) => void
  /** Adds the next record's single value ("" for none) without building a list for it. */
  readonly pushOne: (value: string) => void
  readonly build: () => ValueColumn
}

export const valueColumnBuilder = (expectedRecords: number): ValueColumnBuilder => {
  const ids = new Map<string, number>()
  const values: Array<string> = []
  const counts: Array<number> = []
  const offsets = new Int32Array(expectedRecords + 1)
  let items = new Int32Array(Math.max(16, expectedRecords))
  let used = 0
  let record = 0
  let filled = 0
  const add = (v: string, start: number): void => {
    let id = ids.get(v)
    if (id === undefined) {
      id = values.length
      ids.set(v, id)
      values.push(v)
      counts.push(0)
    }
    for (let k = start; k < used; k++) if (items[k] === id) return
    if (used === items.length) {
      const grown = new Int32Array(items.length * 2)
      grown.set(items)
      items = grown
    }
    items[used++] = id
    counts[id] = (counts[id] ?? 0) + 1
  }
  const close = (start: number): void => {
    if (used > start) filled++
    record++
    offsets[record] = used
  }
  const push = (vs: ReadonlyArray<string>): void => {
    const start = used
    for (const v of vs) if (v !== "") add(v, start)
    close(start)
  }
  const pushOne = (v: string): void => {
    const start = used
    if (v !== "") add(v, start)
    close(start)
  }
  const build = (): ValueColumn => ({
    values,
    offsets: offsets.subarray(0, record + 1),
    items: items.slice(0, used),
    counts: Int32Array.from(counts),
    filled
  })
  return { push, pushOne, build }
}
