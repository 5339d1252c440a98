import { describe, expect, it } from "vitest"
import { emptyNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import type { ValueColumn } from "../../../matchers/prepare/ValueColumn.ts"
import { matchRecord } from "../matchRecord.ts"

const record = matchRecord

const valuesOf = (column: ValueColumn, i: number): Array<string> =>
  Array.from(column.items.subarray(column.offsets[i] ?? 0, column.offsets[i + 1] ?? 0), (id) => column.values[id] ?? "?")

describe("prepareRecords", () => {
  const records = prepareRecords(
    [
      record("qbo", "1", { fullName: "Acme Pools LLC", companyName: "Acme Pools, Inc." }),
      record("qbo", "2", { fullName: "Doe, John", phones: ["813-555-0100", "(813) 555-0100", "n/a"] }),
      record("pom", "3", { firstName: "John", lastName: "Doe", emails: ["JDoe@Example.com", ""], address: { street: "PO Box 9", city: "", state: "", zip: "" } })
    ],
    { sides: null, nicknames: emptyNicknameTable }
  )

  it("does not read a business's display name as a person's name", () => {
    expect(valuesOf(records.columns.firstName, 0)).toEqual([])
    expect(valuesOf(records.columns.lastName, 0)).toEqual([])
    expect(valuesOf(records.columns.companyName, 0)).toEqual(["acme pools"])
  })

  it("interns normalised values: one id per distinct value, repeats and blanks dropped", () => {
    expect(valuesOf(records.columns.firstName, 1)).toEqual(["john"])
    expect(records.columns.firstName.items[records.columns.firstName.offsets[2] ?? 0]).toBe(records.columns.firstName.items[records.columns.firstName.offsets[1] ?? 0])
    expect(valuesOf(records.columns.phone, 1)).toEqual(["+18135550100"])
    expect(records.columns.firstName.counts[0]).toBe(2)
    expect(records.columns.email.filled).toBe(1)
  })

  it("flags PO boxes and keeps each record's system", () => {
    expect([...records.isPoBox]).toEqual([0, 0, 1])
    expect([...records.system]).toEqual([1, 1, 0])
    expect(records.linking).toBe(false)
  })
})
