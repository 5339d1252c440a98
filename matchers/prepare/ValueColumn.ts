import { StringIndex } from "../collections/StringIndex.ts"

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

/** The id `intern` gives the blank value: a record pushing it holds nothing. */
export const NO_VALUE = -1

export interface ValueColumnBuilder {
  /**
   * The id of a normalised value, given on first sight ("" is `NO_VALUE`). Ids are handed out in the order values
   * are first interned, so a caller that interns a record's values just before pushing them gets the same ids
   * as `push` would give.
   */
  readonly intern: (value: string) => number
  /** Adds the values of the next record (blanks and repeats are skipped). */
  readonly push: (values: ReadonlyArray<string>) => void
  /** Adds the next record's single value ("" for none) without building a list for it. */
  readonly pushOne: (value: string) => void
  /** Adds the next record's values by id (`NO_VALUE` and repeats are skipped). */
  readonly pushIds: (ids: ArrayLike<number>) => void
  /** Adds the next record's values, each item turned into an id by `idOf`, without building a list of them. */
  readonly pushEach: <A>(items: ReadonlyArray<A>, idOf: (item: A) => number) => void
  /** Adds the next record's single value by id (`NO_VALUE` for none). */
  readonly pushId: (id: number) => void
  readonly build: () => ValueColumn
}

export const valueColumnBuilder = (expectedRecords: number): ValueColumnBuilder => {
  const ids = new StringIndex()
  const values = ids.values
  let counts = new Int32Array(1024)
  const offsets = new Int32Array(expectedRecords + 1)
  let items = new Int32Array(Math.max(16, expectedRecords))
  let used = 0
  let record = 0
  let filled = 0
  const intern = (v: string): number => {
    if (v === "") return NO_VALUE
    const id = ids.idOf(v)
    if (id === counts.length) {
      const grown = new Int32Array(counts.length * 2)
      grown.set(counts)
      counts = grown
    }
    return id
  }
  const add = (id: number, start: number): void => {
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
    for (const v of vs) if (v !== "") add(intern(v), start)
    close(start)
  }
  const pushOne = (v: string): void => {
    const start = used
    if (v !== "") add(intern(v), start)
    close(start)
  }
  const pushIds = (vs: ArrayLike<number>): void => {
    const start = used
    for (let k = 0; k < vs.length; k++) {
      const id = vs[k] ?? NO_VALUE
      if (id !== NO_VALUE) add(id, start)
    }
    close(start)
  }
  const pushEach = <A>(vs: ReadonlyArray<A>, idOf: (item: A) => number): void => {
    const start = used
    for (const v of vs) {
      const id = idOf(v)
      if (id !== NO_VALUE) add(id, start)
    }
    close(start)
  }
  const pushId = (id: number): void => {
    const start = used
    if (id !== NO_VALUE) add(id, start)
    close(start)
  }
  const build = (): ValueColumn => ({
    values,
    offsets: offsets.subarray(0, record + 1),
    items: items.slice(0, used),
    counts: counts.slice(0, values.length),
    filled
  })
  return { intern, push, pushOne, pushIds, pushEach, pushId, build }
}
