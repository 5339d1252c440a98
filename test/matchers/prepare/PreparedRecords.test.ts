import { describe, expect, it } from "vitest"
import type { MatchRecord } from "../../../matchers/MatchRecord.ts"
import { normalizeAddress } from "../../../matchers/normalize/address.ts"
import { normalizeCompanyName } from "../../../matchers/normalize/companyName.ts"
import { normalizeEmail } from "../../../matchers/normalize/email.ts"
import { emptyNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { normalizePersonName } from "../../../matchers/normalize/personName.ts"
import { normalizePhone } from "../../../matchers/normalize/phone.ts"
import { type FieldName, fieldNames } from "../../../matchers/prepare/FieldName.ts"
import { prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import type { ValueColumn } from "../../../matchers/prepare/ValueColumn.ts"
import { generatedRecords } from "../generatedRecords.ts"
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

/**
 * The plain way to prepare records, kept as the reference the cached preparation must reproduce: every record
 * normalised on its own, its values interned in record order.
 */
const preparedOneByOne = (records: ReadonlyArray<MatchRecord>) => {
  const columns = new Map<FieldName, { values: Array<string>; perRecord: Array<Array<string>> }>(
    fieldNames.map((f) => [f, { values: [], perRecord: [] }])
  )
  const add = (field: FieldName, values: ReadonlyArray<string | null>): void => {
    const column = columns.get(field)
    if (column === undefined) throw new Error(`no column ${field}`)
    const mine: Array<string> = []
    for (const v of values) {
      if (v === null || v === "" || mine.includes(v)) continue
      mine.push(v)
      if (!column.values.includes(v)) column.values.push(v)
    }
    column.perRecord.push(mine)
  }
  const isPoBox: Array<number> = []
  for (const r of records) {
    const company = normalizeCompanyName(r.companyName)
    const fullNameIsCompany = company !== "" && normalizeCompanyName(r.fullName) === company
    const name = normalizePersonName(fullNameIsCompany ? { ...r, fullName: "" } : r)
    add("firstName", name.givenNames)
    add("lastName", name.surnames)
    add("companyName", [company])
    add("email", r.emails.map(normalizeEmail))
    const a = r.address === null ? null : normalizeAddress(r.address)
    add("phone", r.phones.map((p) => normalizePhone(p, a?.country ?? "US")))
    add("houseNumber", [a?.houseNumber ?? ""])
    add("street", [a?.streetName ?? ""])
    add("unit", [a?.unit ?? ""])
    add("city", [a?.city ?? ""])
    add("state", [a?.state ?? ""])
    add("zip", [a?.zip ?? ""])
    isPoBox.push(a?.isPoBox === true ? 1 : 0)
  }
  return { columns, isPoBox }
}

describe("prepareRecords on a generated company", () => {
  // Two customers' worth of records per spelling on average: most values are met again and come from the caches.
  const records = generatedRecords(5, 600)
  const prepared = prepareRecords(records, { sides: null, nicknames: emptyNicknameTable })
  const expected = preparedOneByOne(records)

  it("gives every value the id and every record the values that normalising record by record gives", () => {
    for (const field of fieldNames) {
      const column = prepared.columns[field]
      const reference = expected.columns.get(field)
      expect(column.values, field).toEqual(reference?.values)
      expect(Array.from({ length: records.length }, (_, i) => valuesOf(column, i)), field).toEqual(reference?.perRecord)
    }
    expect([...prepared.isPoBox]).toEqual(expected.isPoBox)
  })

  it("counts the records holding each value", () => {
    for (const field of fieldNames) {
      const reference = expected.columns.get(field)
      const counts = reference?.values.map((v) => reference.perRecord.filter((vs) => vs.includes(v)).length)
      expect([...prepared.columns[field].counts], field).toEqual(counts)
      expect(prepared.columns[field].filled, field).toBe(reference?.perRecord.filter((vs) => vs.length > 0).length)
    }
  })
})
