import { doubleMetaphone } from "double-metaphone"
import { describe, expect, it } from "vitest"
import { type BlockingRule, defaultBlockingRules, type KeyPart, type NearestNeighbours } from "../../../matchers/blocking/BlockingRule.ts"
import { candidatePairs, MIN_PAIR_BUDGET } from "../../../matchers/blocking/candidatePairs.ts"
import { letterTriples } from "../../../matchers/blocking/nearestByLetters.ts"
import { streetCore } from "../../../matchers/blocking/streetCore.ts"
import type { MatchRecord } from "../../../matchers/MatchRecord.ts"
import { emptyNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import type { FieldName } from "../../../matchers/prepare/FieldName.ts"
import { type PreparedRecords, prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import { generatedRecords } from "../generatedRecords.ts"
import { matchRecord } from "../matchRecord.ts"

const record = (id: string, fields: Partial<MatchRecord>): MatchRecord => matchRecord("qbo", id, fields)

const rule = (name: string, parts: BlockingRule["parts"], extra: Partial<BlockingRule> = {}): BlockingRule => ({
  name,
  parts,
  maxBlockSize: 100,
  maxPairsPerRecord: 1,
  ...extra
})

const phoneRule = rule("phone", [{ fields: ["phone"], transform: "value" }])
const surnameRule = rule("surname sound", [{ fields: ["lastName"], transform: "sound" }])

const pairsOf = (c: ReturnType<typeof candidatePairs>): Array<string> =>
  Array.from({ length: c.count }, (_, k) => `${c.left[k]}-${c.right[k]}`)

describe("candidatePairs", () => {
  it("unions the rules' pairs, each pair once, and counts pairs per rule", () => {
    const records = prepareRecords(
      [
        record("a", { lastName: "Smith", phones: ["813-555-0100"] }),
        record("b", { lastName: "Smyth", phones: ["8135550100"] }),
        record("c", { lastName: "Jones", phones: ["813-555-0199"] }),
        record("d", { lastName: "Jonas", phones: [] })
      ],
      { sides: null, nicknames: emptyNicknameTable }
    )
    const c = candidatePairs(records, [phoneRule, surnameRule])
    expect(pairsOf(c)).toEqual(["0-1", "2-3"])
    expect(c.perRule.map((r) => [r.rule, r.candidatePairs])).toEqual([["phone", 1], ["surname sound", 2]])
    expect([...c.rules]).toEqual([0b11, 0b10])
  })

  it("pairs a record with several keys once per other record, never with itself", () => {
    const records = prepareRecords(
      [record("a", { phones: ["813-555-0100", "813-555-0101"] }), record("b", { phones: ["813-555-0101", "813-555-0100"] })],
      { sides: null, nicknames: emptyNicknameTable }
    )
    expect(pairsOf(candidatePairs(records, [phoneRule]))).toEqual(["0-1"])
  })

  it("matches swapped first and last names under an unordered rule", () => {
    const names = rule("names", [{ fields: ["firstName"], transform: "sound" }, { fields: ["lastName"], transform: "sound" }], { unordered: true })
    const records = prepareRecords(
      [record("a", { firstName: "Isla", lastName: "Hall" }), record("b", { firstName: "Hall", lastName: "Isla" })],
      { sides: null, nicknames: emptyNicknameTable }
    )
    expect(pairsOf(candidatePairs(records, [names]))).toEqual(["0-1"])
  })

  it("skips and reports a block over the size cap", () => {
    const office = Array.from({ length: 6 }, (_, k) => record(`o${k}`, { phones: ["813-555-0000"] }))
    const records = prepareRecords([...office, record("x", { phones: ["727-555-1111"] }), record("y", { phones: ["7275551111"] })], {
      sides: null,
      nicknames: emptyNicknameTable
    })
    const c = candidatePairs(records, [{ ...phoneRule, maxBlockSize: 5 }])
    expect(pairsOf(c)).toEqual(["6-7"])
    expect(c.perRule[0]).toMatchObject({ candidatePairs: 1, skippedBlocks: 1, skippedPairs: 15, largestBlock: 6 })
  })

  it("splits a block over the size cap by the rule's sub-key, a record without one joining every piece", () => {
    const town = (city: string) => (city === "" ? null : { street: "", city, state: "", zip: "" })
    const smiths = ["Tampa", "Mesa", "Tampa", "", "Mesa", "Tampa", ""].map((city, k) => record(`s${k}`, { lastName: "Smith", address: town(city) }))
    const records = prepareRecords(smiths, { sides: null, nicknames: emptyNicknameTable })
    const c = candidatePairs(records, [{ ...surnameRule, maxBlockSize: 5, subKey: { fields: ["city"], transform: "value" } }])
    const tampa = ["0-2", "0-5", "2-5"]
    const mesa = ["1-4"]
    // The two without a town pair with everyone, and with each other once.
    const townless = ["0-3", "1-3", "2-3", "3-4", "3-5", "3-6", "0-6", "1-6", "2-6", "4-6", "5-6"]
    expect(new Set(pairsOf(c))).toEqual(new Set([...tampa, ...mesa, ...townless]))
    expect(c.count).toBe(15)
    expect(c.perRule[0]).toMatchObject({ skippedBlocks: 0, largestBlock: 7 })
  })

  it("keeps the smallest blocks within the pair budget, so pairs grow linearly with the records", () => {
    // 300 blocks of 30 records: 130,500 pairs would exceed the budget of max(1 × 9,000, MIN_PAIR_BUDGET).
    const many = Array.from({ length: 9000 }, (_, k) => record(`r${k}`, { lastName: `name${k % 300}`, phones: [`813555${String(k % 300).padStart(4, "0")}`] }))
    const records = prepareRecords(many, { sides: null, nicknames: emptyNicknameTable })
    const c = candidatePairs(records, [phoneRule])
    expect(c.count).toBeLessThanOrEqual(Math.max(9000, MIN_PAIR_BUDGET))
    expect(c.count).toBeGreaterThan(0)
    expect(c.perRule[0]?.skippedBlocks).toBeGreaterThan(0)
    expect((c.perRule[0]?.skippedPairs ?? 0) + c.count).toBe(300 * ((30 * 29) / 2))
  })

  it("in a link, pairs only left records with right records, left first", () => {
    const records = prepareRecords(
      [record("l1", { phones: ["813-555-0100"] }), record("l2", { phones: ["813-555-0100"] }), record("r1", { phones: ["813-555-0100"] })],
      { sides: Uint8Array.from([0, 0, 1]), nicknames: emptyNicknameTable }
    )
    expect(pairsOf(candidatePairs(records, [phoneRule]))).toEqual(["0-2", "1-2"])
  })
})

/** The pairs a rule proposes with no cap, found the plain way: every record's keys as text, grouped. */
const referencePairs = (records: PreparedRecords, rule: BlockingRule): Set<string> => {
  const tokensOf = (part: KeyPart, i: number): Array<string> =>
    part.fields.flatMap((field) => {
      const { offsets, items, values } = records.columns[field]
      return Array.from(items.subarray(offsets[i] ?? 0, offsets[i + 1] ?? 0), (id) => {
        const v = values[id] ?? ""
        if (part.transform === "sound") return doubleMetaphone(v)[0]
        if (part.transform === "initial") return v.charAt(0)
        if (part.transform === "mailbox") return v.slice(0, Math.max(0, v.lastIndexOf("@")))
        if (part.transform === "domain") return v.includes("@") ? v.slice(v.lastIndexOf("@") + 1) : ""
        if (part.transform === "street core") return streetCore(v)
        if (part.transform === "prefix") {
          const letters = /^[a-z]*/.exec(v.includes("@") ? v.slice(0, v.lastIndexOf("@")) : v)?.[0] ?? ""
          return letters.length < 3 ? "" : letters.slice(0, 4)
        }
        return v
      }).filter((t) => t !== "")
    })
  if (rule.window !== undefined) return referenceSortedPairs(records, rule, rule.window, tokensOf)
  if (rule.nearest !== undefined) return referenceNearestPairs(records, rule, rule.nearest, tokensOf)
  const blocks = new Map<string, Set<number>>()
  for (let i = 0; i < records.size; i++) {
    let keys: Array<Array<string>> = [[]]
    for (const part of rule.parts) keys = keys.flatMap((key) => tokensOf(part, i).map((t) => [...key, t]))
    for (const key of keys) {
      const text = JSON.stringify(rule.unordered === true ? [...key].sort() : key)
      blocks.set(text, (blocks.get(text) ?? new Set()).add(i))
    }
  }
  const pairs = new Set<string>()
  for (const members of blocks.values()) {
    const ms = [...members]
    for (const i of ms) for (const j of ms) if (i < j) pairs.add(`${i}-${j}`)
  }
  return pairs
}

/**
 * A nearest-neighbour rule's pairs the plain way, with no budget: every record scored against every other by the
 * letter triples they share, its best few kept. Weights are summed in the order the record's triples come in, as
 * the rule does, so that equal sums tie the same way.
 */
const referenceNearestPairs = (
  records: PreparedRecords,
  rule: BlockingRule,
  nearest: NearestNeighbours,
  tokensOf: (part: KeyPart, i: number) => Array<string>
): Set<string> => {
  const triplesOf = (parts: ReadonlyArray<KeyPart>, i: number): Array<string> => [
    ...new Set(parts.flatMap((part) => tokensOf(part, i).flatMap(letterTriples)))
  ]
  const names = Array.from({ length: records.size }, (_, i) => triplesOf(rule.parts, i))
  const towns = Array.from({ length: records.size }, (_, i) => triplesOf([nearest.ranked], i))
  const heldBy = (all: Array<Array<string>>): Map<string, number> => {
    const held = new Map<string, number>()
    for (const triples of all) for (const t of triples) held.set(t, (held.get(t) ?? 0) + 1)
    return held
  }
  const nameHeld = heldBy(names)
  const townHeld = heldBy(towns)
  const has = (field: FieldName, i: number): boolean => {
    const { offsets } = records.columns[field]
    return (offsets[i + 1] ?? 0) > (offsets[i] ?? 0)
  }
  const pairs = new Set<string>()
  for (let i = 0; i < records.size; i++) {
    if (!nearest.lacking.some((f) => !has(f, i)) || nearest.unless.some((f) => has(f, i))) continue
    const scored: Array<{ j: number; score: number }> = []
    for (let j = 0; j < records.size; j++) {
      if (j === i || (records.linking && records.side[i] === records.side[j])) continue
      const weigh = (mine: Array<string>, theirs: Array<string>, held: Map<string, number>, from: number): number => {
        let score = from
        for (const t of mine) {
          const h = held.get(t) ?? 0
          if (h <= rule.maxBlockSize && theirs.includes(t)) score += Math.log(1 + records.size / h)
        }
        return score
      }
      const byName = weigh(names[i] ?? [], names[j] ?? [], nameHeld, 0)
      if (byName > 0) scored.push({ j, score: weigh(towns[i] ?? [], towns[j] ?? [], townHeld, byName) })
    }
    scored.sort((a, b) => b.score - a.score || a.j - b.j)
    for (const { j } of scored.slice(0, nearest.neighbours)) pairs.add(i < j ? `${i}-${j}` : `${j}-${i}`)
  }
  return pairs
}

/** A sorted-neighbourhood rule's pairs the plain way: keys as arrays, sorted, each paired with the next `window`. */
const referenceSortedPairs = (
  records: PreparedRecords,
  rule: BlockingRule,
  window: number,
  tokensOf: (part: KeyPart, i: number) => Array<string>
): Set<string> => {
  const entries: Array<{ key: Array<string>; record: number }> = []
  for (let i = 0; i < records.size; i++) {
    let keys: Array<Array<string>> = [[]]
    rule.parts.forEach((part, depth) => {
      const tokens = tokensOf(part, i)
      // Only the first part is required; a later one missing sorts as empty.
      const options = tokens.length > 0 || depth === 0 ? tokens : [""]
      keys = keys.flatMap((key) => options.map((t) => [...key, t]))
    })
    for (const key of keys) entries.push({ key, record: i })
  }
  const compare = (a: Array<string>, b: Array<string>): number => {
    for (let k = 0; k < a.length; k++) {
      const x = a[k] ?? ""
      const y = b[k] ?? ""
      if (x !== y) return x < y ? -1 : 1
    }
    return 0
  }
  entries.sort((a, b) => compare(a.key, b.key) || a.record - b.record)
  const pairs = new Set<string>()
  entries.forEach(({ record: i }, p) => {
    for (const { record: j } of entries.slice(p + 1, p + 1 + window)) if (i !== j) pairs.add(i < j ? `${i}-${j}` : `${j}-${i}`)
  })
  return pairs
}

describe("candidatePairs against the plain computation", () => {
  const records = prepareRecords(generatedRecords(2, 300), { sides: null, nicknames: emptyNicknameTable })
  const uncapped = (r: BlockingRule): BlockingRule => ({ ...r, maxBlockSize: Infinity, maxPairsPerRecord: Infinity })
  const value = (...fields: KeyPart["fields"]): KeyPart => ({ fields, transform: "value" })
  const wide: ReadonlyArray<BlockingRule> = [
    // Key spaces too large for a flat array, then too large for a number: the other two ways of finding a block.
    rule("phone+email+street", [value("phone"), value("email"), value("street")]),
    rule("everything", [value("phone"), value("email"), value("street"), value("houseNumber"), value("zip"), value("firstName"), value("lastName"), value("city")]),
    rule("initials", [{ fields: ["firstName", "lastName"], transform: "initial" }, { fields: ["lastName"], transform: "initial" }], { unordered: true })
  ]

  it("finds, rule by rule, the pairs of records that share a key", () => {
    for (const r of [...defaultBlockingRules, ...wide].map(uncapped)) {
      const c = candidatePairs(records, [r])
      const expected = referencePairs(records, r)
      expect(expected.size, r.name).toBeGreaterThan(0)
      expect(new Set(pairsOf(c)), r.name).toEqual(expected)
      expect(c.perRule[0]?.candidatePairs, r.name).toBe(expected.size)
    }
  })

  it("unions the rules, marking on each pair the rules that proposed it", () => {
    const rules = defaultBlockingRules.map(uncapped)
    const c = candidatePairs(records, rules)
    const byRule = rules.map((r) => referencePairs(records, r))
    const expected = new Map<string, number>()
    byRule.forEach((pairs, r) => pairs.forEach((p) => expected.set(p, (expected.get(p) ?? 0) | (1 << r))))
    expect(new Map(pairsOf(c).map((p, k) => [p, c.rules[k] ?? 0]))).toEqual(expected)
  })
})
