import type { RecordRef } from "../../pipeline/domain/MatchEvidence.ts"
import type { MatchRecord } from "../MatchRecord.ts"
import { normalizeState, normalizeStreet } from "../normalize/address.ts"
import { normalizeCompanyName } from "../normalize/companyName.ts"
import type { Country } from "../normalize/Country.ts"
import { countryOfAddress } from "../normalize/countryOfAddress.ts"
import { normalizeEmail } from "../normalize/email.ts"
import type { NicknameTable } from "../normalize/NicknameTable.ts"
import { foldText } from "../normalize/foldText.ts"
import { givenNamesOf, normalizePersonName, readsFirstAndLastApart, surnamesOf } from "../normalize/personName.ts"
import { normalizePhone } from "../normalize/phone.ts"
import { normalizePostcode } from "../normalize/postcode.ts"
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
  options: {
    readonly sides: Uint8Array | null
    readonly nicknames: NicknameTable
    /** The company's country: that of a record whose address does not name one (see `countryOfAddress`). */
    readonly country?: Country | null
  }
): PreparedRecords => {
  const hint = options.country ?? null
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
  // Phones are mostly typed once each: a cache would cost more than it saves. Each is read in its record's country.
  const phoneIdIn = (country: Country) => (raw: string): number => b.phone.intern(normalizePhone(raw, country) ?? "")
  const phoneId: Record<Country, (raw: string) => number> = { US: phoneIdIn("US"), CA: phoneIdIn("CA"), GB: phoneIdIn("GB"), AU: phoneIdIn("AU") }
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
  // A postcode's form depends on its country, and the country on the state and postcode together: each state as
  // typed is read once, and each postcode once per state, so a record's place costs two lookups.
  const placeIn = memoizeByText((rawState) => {
    const state = normalizeState(rawState)
    const stateId = b.state.intern(state)
    const postcodeOf = memoizeByText((zip) => {
      const country = countryOfAddress(state, zip, hint)
      return { country, zipId: b.zip.intern(normalizePostcode(zip, country)) }
    })
    return { stateId, postcodeOf }
  })
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
    // An address whose every part is blank holds no value in any of these columns, as if it were missing.
    const a = r.address
    const place = a === null ? null : placeIn(a.state)
    const postcode = a === null || place === null ? null : place.postcodeOf(a.zip)
    const country = postcode?.country ?? hint ?? "US"
    b.phone.pushEach(r.phones, phoneId[country])
    if (a === null) {
      for (const column of [b.houseNumber, b.street, b.unit, b.city, b.state, b.zip]) column.pushId(NO_VALUE)
    } else {
      const street = streetIds(a.street)
      b.houseNumber.pushId(street.houseNumber)
      b.street.pushId(street.street)
      b.unit.pushId(street.unit)
      b.city.pushId(cityId(a.city))
      b.state.pushId(place?.stateId ?? NO_VALUE)
      b.zip.pushId(postcode?.zipId ?? NO_VALUE)
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
