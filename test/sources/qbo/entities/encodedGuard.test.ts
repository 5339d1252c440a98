import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import { encodedGuard } from "../../../../sources/qbo/entities/encodedGuard.ts"
import { parseSpreadsheetDate } from "../../../../sources/csv/parseSpreadsheetDate.ts"
import {
  decodeQboCustomer,
  decodeQboInvoice,
  QboCustomerEntity,
  QboInvoiceEntity,
  toQboCustomer,
  toQboInvoice
} from "../../../../sources/qbo/QboEntities.ts"

const NonBlank = Schema.String.pipe(Schema.filter((s) => s.trim() !== "" || "is empty"))
const Sample = Schema.Struct({
  id: NonBlank,
  note: Schema.optionalWith(Schema.String, { nullable: true }),
  amount: Schema.Number,
  flags: Schema.optionalWith(Schema.Array(Schema.Struct({ on: Schema.Boolean })), { nullable: true })
})

describe("encodedGuard", () => {
  const isSample = encodedGuard(Sample)

  it("accepts what the schema's decode accepts: nulls and absent optional fields, extra fields", () => {
    expect(isSample({ id: "1", amount: 2 })).toBe(true)
    expect(isSample({ id: "1", amount: 0, note: null, flags: null, extra: { any: "thing" } })).toBe(true)
    expect(isSample({ id: "1", amount: 2, note: "n", flags: [{ on: true }, { on: false }] })).toBe(true)
  })

  it("refuses wrong types, missing required fields and values the schema's filters refuse", () => {
    expect(isSample({ amount: 2 })).toBe(false)
    expect(isSample({ id: "  ", amount: 2 })).toBe(false)
    expect(isSample({ id: "1", amount: "2" })).toBe(false)
    expect(isSample({ id: "1", amount: 2, note: 3 })).toBe(false)
    expect(isSample({ id: "1", amount: 2, flags: [{ on: "yes" }] })).toBe(false)
    expect(isSample({ id: "1", amount: 2, flags: {} })).toBe(false)
    expect(isSample([{ id: "1", amount: 2 }])).toBe(false)
    expect(isSample(null)).toBe(false)
    expect(isSample("1")).toBe(false)
  })

  it("refuses everything for a schema with parts it cannot check plainly, so that Schema decides", () => {
    const isRecord = encodedGuard(Schema.Struct({ id: Schema.String, tags: Schema.Record({ key: Schema.String, value: Schema.String }) }))
    expect(isRecord({ id: "1", tags: {} })).toBe(false)
  })
})

/** The values a field can hold in a bad or odd export, to put into every declared field in turn. */
const ODD_VALUES: ReadonlyArray<unknown> = [null, undefined, "", " ", "7", 7, true, [], {}, [{}], { value: "3" }]

/** Every variant of `base` with one field, at any depth, replaced by an odd value (undefined removes it). */
const variants = (base: Readonly<Record<string, unknown>>): ReadonlyArray<unknown> =>
  Object.entries(base).flatMap(([key, value]) => {
    const replaced = ODD_VALUES.map((odd) => {
      const copy: Record<string, unknown> = { ...base }
      if (odd === undefined) delete copy[key]
      else copy[key] = odd
      return copy
    })
    const nested =
      typeof value === "object" && value !== null && !Array.isArray(value)
        ? variants(Object.fromEntries(Object.entries(value))).map((v) => ({ ...base, [key]: v }))
        : Array.isArray(value)
          ? value.flatMap((item, i) =>
              typeof item === "object" && item !== null
                ? variants(Object.fromEntries(Object.entries(item))).map((v) => ({ ...base, [key]: value.map((x, j) => (j === i ? v : x)) }))
                : []
            )
          : []
    return [...replaced, ...nested]
  })

const date = (raw: string | undefined) => parseSpreadsheetDate((raw ?? "").trim())

/** The decode as it was before the fast path: Schema's parser, then the mapping. */
const slowCustomer = (raw: unknown) =>
  Either.flatMap(Schema.decodeUnknownEither(QboCustomerEntity)(raw), (e) =>
    Either.map(date(e.MetaData?.CreateTime), (createdAt) => toQboCustomer(e, createdAt))
  )
const slowInvoice = (raw: unknown) =>
  Either.flatMap(Schema.decodeUnknownEither(QboInvoiceEntity)(raw), (e) => Either.map(date(e.TxnDate), (d) => toQboInvoice(e, d)))

const customer = {
  Id: "58",
  SyncToken: "3",
  DisplayName: "Amy's Bird Sanctuary",
  GivenName: "Amy",
  MiddleName: "B",
  FamilyName: "Lauterbach",
  CompanyName: "Amy's Bird Sanctuary",
  PrimaryEmailAddr: { Address: "Birds@Intuit.com" },
  PrimaryPhone: { FreeFormNumber: "(650) 555-3311" },
  Mobile: { FreeFormNumber: "(650) 555-3312" },
  AlternatePhone: { FreeFormNumber: "(650) 555-3313" },
  BillAddr: { Id: "2", Line1: "4581 Finch St.", Line2: "Apt 2", City: "Bayshore", CountrySubDivisionCode: "CA", PostalCode: "94326", Country: "USA" },
  ShipAddr: { Line1: "Amy Lauterbach", Line2: "4581 Finch St.", Line3: "Bayshore, CA 94326" },
  Active: true,
  Balance: 239,
  Job: false,
  ParentRef: { value: "12", name: "Parent" },
  MetaData: { CreateTime: "2024-09-10T16:48:43-07:00", LastUpdatedTime: "2024-09-12T13:30:35-07:00" }
}

const invoice = {
  Id: "130",
  SyncToken: "1",
  DocNumber: "1037",
  TxnDate: "2024-10-01",
  CustomerRef: { value: "58", name: "Amy's Bird Sanctuary" },
  TotalAmt: 362.07,
  Balance: 0,
  LinkedTxn: [{ TxnId: "131", TxnType: "Payment" }],
  MetaData: { CreateTime: "2024-10-01T10:00:00-07:00" }
}

type Decode = (raw: unknown) => Either.Either<unknown, unknown>

/** Every variant of `base` decodes as through Schema alone; returns how many took the fast path. */
const compareWithSchemaOnly = (base: Readonly<Record<string, unknown>>, fast: Decode, slow: Decode, guard: (u: unknown) => boolean, schemaAccepts: (u: unknown) => boolean) => {
  const all = [base, ...variants(base)]
  let guarded = 0
  for (const raw of all) {
    const expected = slow(raw)
    const actual = fast(raw)
    if (guard(raw)) {
      guarded++
      expect(schemaAccepts(raw), JSON.stringify(raw)).toBe(true)
    }
    if (Either.isRight(expected)) expect(actual).toEqual(Either.right(expected.right))
    else expect(Either.isLeft(actual), JSON.stringify(raw)).toBe(true)
  }
  // The fast path must really be taken, for the whole entity and for the null/absent variants.
  expect(guard(base)).toBe(true)
  expect(guarded).toBeGreaterThan(all.length / 4)
}

describe("QBO entity decoding with and without the fast path", () => {
  it("Customer: every variant decodes to the same record, or is refused, as through Schema alone", () => {
    compareWithSchemaOnly(customer, decodeQboCustomer, slowCustomer, encodedGuard(QboCustomerEntity), Schema.is(Schema.encodedBoundSchema(QboCustomerEntity)))
  })

  it("Invoice: every variant decodes to the same record, or is refused, as through Schema alone", () => {
    compareWithSchemaOnly(invoice, decodeQboInvoice, slowInvoice, encodedGuard(QboInvoiceEntity), Schema.is(Schema.encodedBoundSchema(QboInvoiceEntity)))
  })
})
