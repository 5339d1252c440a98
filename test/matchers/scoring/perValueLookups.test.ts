import { describe, expect, it } from "vitest"
import { parseNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { type ValueColumn, valueColumnBuilder } from "../../../matchers/prepare/ValueColumn.ts"
import { anyNickname, nicknameIdsOf, sameTextIn } from "../../../matchers/scoring/levelTests.ts"

const columnOf = (records: ReadonlyArray<ReadonlyArray<string>>): ValueColumn => {
  const builder = valueColumnBuilder(records.length)
  for (const values of records) builder.push(values)
  return builder.build()
}

const nicknames = parseNicknameTable("name1,relation,name2\nrobert,has_nickname,bob\nrobert,has_nickname,rob\nwilliam,has_nickname,bill\n")

describe("lookups found once per value for the level loop", () => {
  it("finds each value's id in the other column by its text, and -1 where the other has none", () => {
    const first = columnOf([["thomas"], ["ann"], ["grace"]])
    const last = columnOf([["grace"], ["smith"], ["thomas"]])
    const same = sameTextIn(first, last)
    const idIn = (column: ValueColumn, text: string) => column.values.indexOf(text)
    expect(same[idIn(first, "thomas")]).toBe(idIn(last, "thomas"))
    expect(same[idIn(first, "grace")]).toBe(idIn(last, "grace"))
    expect(same[idIn(first, "ann")]).toBe(-1)
  })

  it("agrees with the nickname table on every pair of values, the column's own values only", () => {
    const column = columnOf([["robert"], ["bob"], ["rob", "ann"], ["bill"], ["william"], ["zed"]])
    const ids = nicknameIdsOf(column, nicknames)
    const records = column.offsets.length - 1
    for (let i = 0; i < records; i++) {
      for (let j = 0; j < records; j++) {
        const valuesOf = (r: number) => Array.from(column.items.subarray(column.offsets[r], column.offsets[r + 1]), (id) => column.values[id] ?? "")
        const expected = valuesOf(i).some((a) => valuesOf(j).some((b) => nicknames.areEquivalent(a, b)))
        expect(anyNickname(column, ids, i, j), `${valuesOf(i).join()} / ${valuesOf(j).join()}`).toBe(expected)
      }
    }
    expect(anyNickname(column, ids, 0, 1)).toBe(true)
    expect(anyNickname(column, ids, 1, 2)).toBe(false)
  })
})
