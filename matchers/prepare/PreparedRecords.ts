import type { RecordRef } from "../../pipeline/domain/MatchEvidence.ts"
import type { MatchRecord } from "../MatchRecord.ts"
import { normalizeAddress } from "../normalize/address.ts"
import { normalizeCompanyName } from "../normalize/companyName.ts"
import { normalizeEmail } from "../normalize/email.ts"
import type { NicknameTable } from "../normalize/NicknameTable.ts"
import { normalizePersonName } from "../normalize/personName.ts"
import { normalizePhone } from "../normalize/phone.ts"
import type { FieldName } from "./FieldName.ts"
import { type ValueColumn, type ValueColumnBuilder, valueColumnBuilder } from "./ValueColumn.ts"

/**
 * Every record normalised once, up front, into columns of interned values: the blocking and scoring loops then
 * touch integers and short strings only, never a `MatchRecord`.
 */
export interface PreparedRecords {
  readonly size: number
  readonly refs: ReadonlyArray<RecordRef>
  readonly columns: Readonly<Record<FieldName, ValueColumn>>
  /** 1 when the record's address is a PO box. */
  readonly isPoBox: Uint8Array
  /** 0 for POM, 1 for QBO. */
  readonly system: Uint8Array
  /** For a link: 0 for a left record, 1 for a right one. All 0 for a dedupe. */
  readonly side: Uint8Array
  readonly linking: boolean
  readonly nicknames: NicknameTable
}

const nonNull = (values: ReadonlyArray<string | null>): Array<string> => {
  const out: Array<string> = []
  for (const v of values) if (v !== null && v !== "") out.push(v)
  return out
}

/** The ref of record i; every index below `size` has one. */
export const refOf = (records: PreparedRecords, i: number): RecordRef => records.refs[i] ?? { system: "pom", id: `#${i}` }

export const prepareRecords = (
  records: ReadonlyArray<MatchRecord>,
  options: { readonly sides: Uint8Array | null; readonly nicknames: NicknameTable }
): PreparedRecords => {
  const n = records.length
  const b = {
    firstName: valueColumnBuilder(n),
    lastName: valueColumnBuilder(n),
    companyName: valueColumnBuilder(n),
    email: valueColumnBuilder(n),
    phone: valueColumnBuilder(n),
    houseNumber: valueColumnBuilder(n),
    street: valueColumnBuilder(n),
    unit: valueColumnBuilder(n),
    city: valueColumnBuilder(n),
    state: valueColumnBuilder(n),
    zip: valueColumnBuilder(n)
  } satisfies Record<FieldName, ValueColumnBuilder>
  const isPoBox = new Uint8Array(n)
  const system = new Uint8Array(n)
  records.forEach((r, i) => {
    const company = normalizeCompanyName(r.companyName)
    // QBO shows a business's name as its display name: that is not a person's name to compare.
    const fullNameIsCompany = company !== "" && normalizeCompanyName(r.fullName) === company
    const name = normalizePersonName(fullNameIsCompany ? { ...r, fullName: "" } : r)
    b.firstName.push(name.givenNames)
    b.lastName.push(name.surnames)
    b.companyName.pushOne(company)
    b.email.push(nonNull(r.emails.map(normalizeEmail)))
    b.phone.push(nonNull(r.phones.map(normalizePhone)))
    const a = r.address === null ? null : normalizeAddress(r.address)
    b.houseNumber.pushOne(a?.houseNumber ?? "")
    b.street.pushOne(a?.streetName ?? "")
    b.unit.pushOne(a?.unit ?? "")
    b.city.pushOne(a?.city ?? "")
    b.state.pushOne(a?.state ?? "")
    b.zip.pushOne(a?.zip ?? "")
    isPoBox[i] = a?.isPoBox === true ? 1 : 0
    system[i] = r.ref.system === "qbo" ? 1 : 0
  })
  const columns: Record<FieldName, ValueColumn> = {
    firstName: b.firstName.build(),
    lastName: b.lastName.build(),
    companyName: b.companyName.build(),
    email: b.email.build(),
    phone: b.phone.build(),
    houseNumber: b.houseNumber.build(),
    street: b.street.build(),
    unit: b.unit.build(),
    city: b.city.build(),
    state: b.state.build(),
    zip: b.zip.build()
  }
  return {
    size: n,
    refs: records.map((r) => r.ref),
    columns,
    isPoBox,
    system,
    side: options.sides ?? new Uint8Array(n),
    linking: options.sides !== null,
    nicknames: options.nicknames
  }
}
