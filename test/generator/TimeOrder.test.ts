import { describe, expect, it } from "vitest"
import { Prng } from "./Prng.ts"
import { timeOrder } from "./TimeOrder.ts"

interface Item {
  readonly name: string
  readonly at: number
}

const byComparator = (items: ReadonlyArray<Item>): Array<Item> =>
  items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.at - b.item.at || a.i - b.i)
    .map((x) => x.item)

describe("timeOrder", () => {
  it("sorts by time and keeps records of one time in the order given", () => {
    const rng = new Prng(9)
    const items = Array.from({ length: 5_000 }, (_, i) => ({ name: `r${i}`, at: 1_700_000_000 + rng.int(0, 900) }))
    expect(timeOrder(items, (x) => x.at)).toEqual(byComparator(items))
  })

  it("falls back to a comparator sort for times too large to pack", () => {
    const items = [
      { name: "late", at: 9e15 },
      { name: "early", at: 5 },
      { name: "later", at: 9.5e15 },
      { name: "early too", at: 5 }
    ]
    expect(timeOrder(items, (x) => x.at).map((x) => x.name)).toEqual(["early", "early too", "late", "later"])
  })
})
