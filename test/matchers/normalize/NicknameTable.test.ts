import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { nicknameFile } from "../../../matchers/FellegiSunterMatcher.ts"
import { parseNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"

describe("NicknameTable", () => {
  const table = parseNicknameTable(readFileSync(nicknameFile, "utf8"))

  it("loads the shipped table", () => {
    expect(table.size).toBeGreaterThan(1000)
  })

  it("joins names the table links, in either direction", () => {
    expect(table.areEquivalent("robert", "bob")).toBe(true)
    expect(table.areEquivalent("bob", "robert")).toBe(true)
    expect(table.areEquivalent("bob", "rob")).toBe(true)
    expect(table.areEquivalent("liz", "elizabeth")).toBe(true)
  })

  it("does not join two names through an ambiguous short form they share", () => {
    // The table gives "bill" both "robert" and "william" as nicknames.
    expect(table.areEquivalent("bill", "robert")).toBe(true)
    expect(table.areEquivalent("bill", "william")).toBe(true)
    expect(table.areEquivalent("robert", "william")).toBe(false)
    expect(table.areEquivalent("zzz", "robert")).toBe(false)
  })

  it("skips lines that are not name,has_nickname,name", () => {
    const small = parseNicknameTable("name1,relationship,name2\r\nrobert,has_nickname,bob\r\nbroken line\r\n")
    expect(small.nicknamesOf("bob")).toEqual(["robert"])
    expect(small.size).toBe(2)
  })
})
