import { describe, expect, it } from "vitest"
import { Int32Chunks } from "../../../matchers/collections/Int32Chunks.ts"

describe("Int32Chunks", () => {
  it("reads back every entry in order across chunk boundaries", () => {
    const list = new Int32Chunks()
    const n = 3 * 65_536 + 17
    for (let k = 0; k < n; k++) list.push(k * 3 - 100_000)
    expect(list.length).toBe(n)
    expect([list.at(0), list.at(65_535), list.at(65_536), list.at(n - 1)]).toEqual([-100_000, 65_535 * 3 - 100_000, 65_536 * 3 - 100_000, (n - 1) * 3 - 100_000])
    const all = list.toArray()
    expect(all.length).toBe(n)
    expect(all.every((v, k) => v === k * 3 - 100_000)).toBe(true)
  })
})
