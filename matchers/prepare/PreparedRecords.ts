import type { RecordRef } from "../../pipeline/domain/MatchEvidence.ts"
import type { MatchRecord } from "../MatchRecord.ts"
import { normalizeState, normalizeStreet, normalizeZip } from "../normalize/address.ts"
import { normalizeCompanyName } from "../normalize/companyName.ts"
import { normalizeEmail } from "../normalize/email.ts"
import type { NicknameTable } from "../normalize/NicknameTable.ts"
import { foldText } from "../normalize/foldText.ts"
import { givenNamesOf, normalizePersonName, readsFirstAndLastApart, surnamesOf } from "../normalize/personName.ts"
import { normalizePhone } from "../normalize/phone.ts"
import type { FieldName } from "./FieldName.ts"
import { memoizeByText } from "./memoizeByText.ts"
import { NO_VALUE, type ValueColumn, type ValueColumnBuilder, valueColumnBuilder } from "./ValueColumn.ts"

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
  // Each spelling is normalised and interned once (see `memoizeByText`); records are taken in order, so every
  // value gets the id it would get normalised record by record.
  const givenNameIds = memoizeByText((raw) => Int32Array.from(givenNamesOf(raw), (v) => b.firstName.intern(v)))
  const surnameIds = memoizeByText((raw) => Int32Array.from(surnamesOf(raw), (v) => b.lastName.intern(v)))
  // Also reads QBO display names, to tell a business's name from a person's.
  const companyOf = memoizeByText(normalizeCompanyName)
  const emailId = memoizeByText((raw) => b.email.intern(normalizeEmail(raw) ?? ""))
  // Phones are mostly typed once each: a cache would cost more than it saves.
  const phoneId = (raw: string): number => b.phone.intern(normalizePhone(raw) ?? "")
  const streetIds = memoizeByText((raw) => {
    const street = normalizeStreet(raw)
    return {
      houseNumber: b.houseNumber.intern(street.houseNumber),
      street: b.street.intern(street.streetName),
      unit: b.unit.intern(street.unit),
      isPoBox: street.isPoBox
    }
  })
  const cityId = memoizeByText((raw) => b.city.intern(foldText(raw)))
  const stateId = memoizeByText((raw) => b.state.intern(normalizeState(raw)))
  const zipId = memoizeByText((raw) => b.zip.intern(normalizeZip(raw)))
  const isPoBox = new Uint8Array(n)
  const system = new Uint8Array(n)
  records.forEach((r, i) => {
    const company = companyOf(r.companyName)
    if (readsFirstAndLastApart(r)) {
      b.firstName.pushIds(givenNameIds(r.firstName))
      b.lastName.pushIds(surnameIds(r.lastName))
    } else {
      // QBO shows a business's name as its display name: that is not a person's name to compare.
      const fullNameIsCompany = company !== "" && companyOf(r.fullName) === company
      const name = normalizePersonName(fullNameIsCompany ? { ...r, fullName: "" } : r)
      b.firstName.push(name.givenNames)
      b.lastName.push(name.surnames)
    }
    b.companyName.pushOne(company)
    b.email.pushEach(r.emails, emailId)
    b.phone.pushEach(r.phones, phoneId)
    // An address whose every part is blank holds no value in any of these columns, as if it were missing.
    const a = r.address
    if (a === null) {
      for (const column of [b.houseNumber, b.street, b.unit, b.city, b.state, b.zip]) column.pushId(NO_VALUE)
    } else {
      const street = streetIds(a.street)
      b.houseNumber.pushId(street.houseNumber)
      b.street.pushId(street.street)
      b.unit.pushId(street.unit)
      b.city.pushId(cityId(a.city))
      b.state.pushId(stateId(a.state))
      b.zip.pushId(zipId(a.zip))
      isPoBox[i] = street.isPoBox ? 1 : 0
    }
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
