import { describe, expect, it } from "vitest"
import type { BlockingRule } from "../../../matchers/blocking/BlockingRule.ts"
import { candidatePairs, MIN_PAIR_BUDGET } from "../../../matchers/blocking/candidatePairs.ts"
import type { MatchRecord } from "../../../matchers/MatchRecord.ts"
import { emptyNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
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
