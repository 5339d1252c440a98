import { describe, expect, it } from "vitest"
import { type BlockingRule, defaultBlockingRules } from "../../../matchers/blocking/BlockingRule.ts"
import { tokenTexts } from "../../../matchers/blocking/buildBlocks.ts"
import { candidatePairs } from "../../../matchers/blocking/candidatePairs.ts"
import { sortedNeighbourPairs } from "../../../matchers/blocking/sortedNeighbours.ts"
import { ProposedPairs } from "../../../matchers/blocking/unionPairs.ts"
import { emptyNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import { matchRecord } from "../matchRecord.ts"

const pairsOf = (c: ReturnType<typeof candidatePairs>): Array<string> =>
  Array.from({ length: c.count }, (_, k) => `${c.left[k]}-${c.right[k]}`)

const person = (id: string, firstName: string, lastName: string, city?: string) =>
  matchRecord("qbo", id, { firstName, lastName, address: city === undefined ? null : { street: "", city, state: "", zip: "" } })

describe("default blocking by sorted names", () => {
  // A slip in each name that changes its sound and its first four letters (Thomas TMS / Thonas 0NS, Walker ALKR /
  // Wlaker LKR) and no town on one side: no block key is shared, but the two sort next to each other by first and
  // last name.
  const people = [
    person("a", "Thomas", "Walker", "Springfield"),
    person("b", "Thonas", "Wlaker"),
    person("c", "Ruth", "Bennett", "Shelbyville"),
    person("d", "Ezra", "Lindqvist", "Ogdenville"),
    person("e", "Priya", "Okafor", "Capital City")
  ]

  it("compares two names that share no sound but sort side by side", () => {
    const records = prepareRecords(people, { sides: null, nicknames: emptyNicknameTable })
    const c = candidatePairs(records, defaultBlockingRules)
    const k = pairsOf(c).indexOf("0-1")
    expect(k).toBeGreaterThanOrEqual(0)
    const rules = defaultBlockingRules.filter((_, r) => ((c.rules[k] ?? 0) >>> r) & 1).map((r) => r.name)
    expect(rules).toContain("sorted first+last name")
    expect(rules.every((name) => name.startsWith("sorted "))).toBe(true)
  })
})

describe("a sorted-neighbourhood rule", () => {
  const byLastName = (window: number, maxPairsPerRecord = window): BlockingRule => ({
    name: "sorted last name",
    parts: [{ fields: ["lastName"], transform: "value" }],
    maxBlockSize: 100,
    maxPairsPerRecord,
    window
  })
  // Given out of order: the pairs follow the names' order, not the records'.
  const records = prepareRecords(
    [person("c", "A", "Carter"), person("a", "A", "Adams"), person("d", "A", "Dunn"), person("b", "A", "Baker"), person("x", "A", "")],
    { sides: null, nicknames: emptyNicknameTable }
  )

  it("pairs each record with the `window` records after it in key order, and a record without the key with none", () => {
    expect(pairsOf(candidatePairs(records, [byLastName(1)]))).toEqual(["0-2", "0-3", "1-3"])
    expect(pairsOf(candidatePairs(records, [byLastName(2)]))).toEqual(["0-1", "0-2", "0-3", "1-3", "2-3"])
  })

  it("spends its budget on the nearest neighbours first", () => {
    const proposed = new ProposedPairs()
    const added = sortedNeighbourPairs(records, byLastName(2), 2, tokenTexts(records), 3, proposed, 0)
    expect(added).toBe(3)
    const pairs = Array.from({ length: proposed.lefts.length }, (_, k) => {
      const right = proposed.tagged.at(k) >> 5
      return `${proposed.lefts.at(k)}-${right}`
    })
    // Adams-Baker, Baker-Carter, Carter-Dunn; not Adams-Carter or Baker-Dunn, two apart.
    expect(pairs.sort()).toEqual(["0-2", "0-3", "1-3"])
  })
})
