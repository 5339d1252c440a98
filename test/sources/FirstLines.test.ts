import { describe, expect, it } from "@effect/vitest"
import { firstLines } from "../../sources/FirstLines.ts"

/** A small seeded generator, so that a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
  return seed / 4294967296
}

/** Sets and gets `ids` in order on both a Map and the table, and says where they disagree. */
const disagreements = (ids: ReadonlyArray<string>): ReadonlyArray<string> => {
  const map = new Map<string, number>()
  const table = firstLines()
  const found: Array<string> = []
  ids.forEach((id, line) => {
    if (table.get(id) !== map.get(id)) found.push(`${id} before line ${line}: ${table.get(id)} vs ${map.get(id)}`)
    if (map.get(id) === undefined) {
      map.set(id, line)
      table.set(id, line)
    }
  })
  for (const id of map.keys()) if (table.get(id) !== map.get(id)) found.push(`${id} at the end: ${table.get(id)} vs ${map.get(id)}`)
  return found
}

describe("firstLines", () => {
  it("gives each id's first line as a Map does, for numbered ids in any order, repeats included", () => {
    const next = random(7)
    const ids = Array.from({ length: 60_000 }, () => `apt_${String(Math.floor(next() * 40_000)).padStart(7, "0")}`)
    expect(disagreements(ids)).toEqual([])
  })

  it("keeps apart ids that share digits but not their shape: other prefixes, lengths, leading zeros, signs", () => {
    const ids = ["apt_0000001", "apt_000001", "apt_00000001", "apx_0000001", "0000001", "1", "apt_0000001", "apt_000001"]
    ids.push("apt_-000001", "apt_ 000001", "apt_0000001 ", "APT_0000001", "apt_000000a", "apt_0000001", "1", "01", "001")
    expect(disagreements(ids)).toEqual([])
  })

  it("gives each id's first line as a Map does for plain numbers of any length, as QBO writes Ids, apart from padded ones", () => {
    const next = random(5)
    const ids = Array.from({ length: 40_000 }, () => String(Math.floor(next() ** 3 * 1e7)))
    ids.push("130", "0130", "00130", "0", "00", "01", "1", "130", "0", "999999999999999", "1000000000000000", "0999999999999999", "-1", "+1", "1.0")
    expect(disagreements(["130", ...ids, ...ids.slice(0, 5_000)])).toEqual([])
    expect(disagreements(["inv7", "inv07", "inv70", "inv7", "inv", "inv07", "inv123456", "Inv7"])).toEqual([])
  })

  it("works for ids of no numbered shape, and when the first id has none", () => {
    expect(disagreements(["cus-a", "cus-b", "7", "cus-a", "8", "7", "x".repeat(5000), "x".repeat(5000)])).toEqual([])
    expect(disagreements([`n${"9".repeat(16)}`, `n${"9".repeat(16)}`, "n1", "n1"])).toEqual([])
  })

  it("keeps numbers of fifteen digits exact, the largest included", () => {
    expect(disagreements(["999999999999999", "999999999999998", "000000000000000", "999999999999999", "000000000000001"])).toEqual([])
    const next = random(11)
    const ids = Array.from({ length: 20_000 }, () => String(Math.floor(next() * 1e15)).padStart(15, "0"))
    expect(disagreements([...ids, ...ids.slice(0, 5_000)])).toEqual([])
  })
})
