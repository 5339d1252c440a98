import { Either, Schema } from "effect"
import { parseSpreadsheetDate } from "../csv/parseSpreadsheetDate.ts"
import { QboCustomerId, QboInvoiceId } from "../../pipeline/domain/Ids.ts"
import type { QboCustomer, QboInvoice } from "../../pipeline/domain/QboRecords.ts"
import type { RejectedRow } from "../../pipeline/domain/RejectedRow.ts"
import type { UnreadableRecord } from "../../pipeline/domain/UnreadableRecord.ts"
import { combineProblems, describeIssues } from "./entities/describeIssues.ts"
import type { EntityProblem } from "./entities/describeIssues.ts"
import { decodeEntityList, entityListDecoder } from "./entities/decodeEntityList.ts"
import type { DecodedList, EntityListDecoder, Salvaged } from "./entities/decodeEntityList.ts"
import { encodedGuard } from "./entities/encodedGuard.ts"
import { toPostalAddress } from "./entities/qboAddress.ts"
import { nonBlankList } from "../nonBlankList.ts"
import { type TextInterner, textInterner } from "../textInterner.ts"

/*
 * QBO Customer and Invoice as the Accounting API returns them, with QBO's own field names, and their mapping to
 * the pipeline's records. Only the fields the pipeline uses are declared; every other field is ignored, and a
 * field sent as null counts as absent. The file snapshot reader and the live API client both decode here.
 */

const Text = Schema.optionalWith(Schema.String, { nullable: true })
const Flag = Schema.optionalWith(Schema.Boolean, { nullable: true })
const Money = Schema.optionalWith(Schema.Number, { nullable: true })

const Id = Schema.String.pipe(Schema.filter((s) => s.trim() !== "" || "is empty"))

const ReferenceType = Schema.Struct({ value: Id, name: Text })
const EmailAddress = Schema.Struct({ Address: Text })
const TelephoneNumber = Schema.Struct({ FreeFormNumber: Text })

export const QboPhysicalAddress = Schema.Struct({
  Line1: Text,
  Line2: Text,
  Line3: Text,
  Line4: Text,
  Line5: Text,
  City: Text,
  CountrySubDivisionCode: Text,
  PostalCode: Text,
  Country: Text
})

const ModificationMetaData = Schema.Struct({ CreateTime: Text, LastUpdatedTime: Text })

export const QboCustomerEntity = Schema.Struct({
  Id,
  SyncToken: Id,
  DisplayName: Text,
  GivenName: Text,
  MiddleName: Text,
  FamilyName: Text,
  CompanyName: Text,
  PrimaryEmailAddr: Schema.optionalWith(EmailAddress, { nullable: true }),
  PrimaryPhone: Schema.optionalWith(TelephoneNumber, { nullable: true }),
  Mobile: Schema.optionalWith(TelephoneNumber, { nullable: true }),
  AlternatePhone: Schema.optionalWith(TelephoneNumber, { nullable: true }),
  BillAddr: Schema.optionalWith(QboPhysicalAddress, { nullable: true }),
  ShipAddr: Schema.optionalWith(QboPhysicalAddress, { nullable: true }),
  Active: Flag,
  Balance: Money,
  Job: Flag,
  ParentRef: Schema.optionalWith(ReferenceType, { nullable: true }),
  MetaData: Schema.optionalWith(ModificationMetaData, { nullable: true })
})
export type QboCustomerEntity = typeof QboCustomerEntity.Type
/** A Customer as sent, nulls included; every decoded entity is also one, so the mapping below takes this. */
type QboCustomerWire = typeof QboCustomerEntity.Encoded

const LinkedTxnEntity = Schema.Struct({ TxnId: Schema.String, TxnType: Schema.String })

export const QboInvoiceEntity = Schema.Struct({
  Id,
  SyncToken: Id,
  DocNumber: Text,
  TxnDate: Text,
  CustomerRef: ReferenceType,
  // Required, unlike a customer's Balance: an invoice's amounts decide whether moving it is safe, so a guess
  // would be worse than setting the invoice aside.
  TotalAmt: Schema.Number,
  Balance: Schema.Number,
  LinkedTxn: Schema.optionalWith(Schema.Array(LinkedTxnEntity), { nullable: true }),
  MetaData: Schema.optionalWith(ModificationMetaData, { nullable: true })
})
export type QboInvoiceEntity = typeof QboInvoiceEntity.Type
type QboInvoiceWire = typeof QboInvoiceEntity.Encoded

const isCustomerWire = encodedGuard(QboCustomerEntity)
const isInvoiceWire = encodedGuard(QboInvoiceEntity)

/** QBO renames an inactive customer "Name (deleted)"; the name people typed is the part before. */
const DELETED_SUFFIX = /\s*\(deleted\)\s*$/i

const text = (s: string | null | undefined): string => (s ?? "").trim()

/** QBO lets several addresses share the primary email box, separated by commas or semicolons. */
const emailsOf = (entity: QboCustomerWire): ReadonlyArray<string> =>
  nonBlankList(
    text(entity.PrimaryEmailAddr?.Address)
      .split(/[,;]/)
      .map((e) => e.trim())
  )

const isObject = (raw: unknown): boolean => typeof raw === "object" && raw !== null && !Array.isArray(raw)

const notAnObject: EntityProblem = { field: "(entity)", reason: "the entry is not a JSON object" }

/** A QBO timestamp normalised like every other date in the run; one that is not a date is a problem of the entity. */
const timestamp = (field: string, raw: string | null | undefined): Either.Either<string | null, EntityProblem> =>
  Either.mapLeft(parseSpreadsheetDate(text(raw)), (reason) => ({ field, reason: `${field} ${reason}` }))

const decodeWith =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (raw: unknown): Either.Either<A, ReadonlyArray<EntityProblem>> =>
    isObject(raw)
      ? Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all" })(raw), describeIssues)
      : Either.left([notAnObject])

/** The pipeline's customer from a decoded QBO Customer. */
export const toQboCustomer = (entity: QboCustomerWire, createdAt: string | null): QboCustomer => {
  const active = entity.Active ?? true
  const displayName = active ? text(entity.DisplayName) : text(entity.DisplayName).replace(DELETED_SUFFIX, "")
  const givenName = text(entity.GivenName)
  const familyName = text(entity.FamilyName)
  const companyName = text(entity.CompanyName)
  const names = [
    displayName,
    companyName,
    `${givenName} ${familyName}`,
    `${givenName} ${text(entity.MiddleName)} ${familyName}`
  ]
  const parentId = text(entity.ParentRef?.value)
  return {
    id: QboCustomerId.make(entity.Id.trim()),
    syncToken: entity.SyncToken.trim(),
    displayName,
    givenName,
    familyName,
    companyName,
    emails: emailsOf(entity),
    phones: nonBlankList([text(entity.PrimaryPhone?.FreeFormNumber), text(entity.Mobile?.FreeFormNumber), text(entity.AlternatePhone?.FreeFormNumber)]),
    billAddress: toPostalAddress(entity.BillAddr, names),
    shipAddress: toPostalAddress(entity.ShipAddr, names),
    active,
    balance: entity.Balance ?? 0,
    isJob: (entity.Job ?? false) || parentId !== "",
    parentId: parentId === "" ? null : QboCustomerId.make(parentId),
    createdAt
  }
}

/** The pipeline's invoice from a decoded QBO Invoice. */
export const toQboInvoice = (entity: QboInvoiceWire, txnDate: string | null): QboInvoice => ({
  id: QboInvoiceId.make(entity.Id.trim()),
  syncToken: entity.SyncToken.trim(),
  docNumber: text(entity.DocNumber),
  txnDate,
  customerId: QboCustomerId.make(entity.CustomerRef.value.trim()),
  totalAmt: entity.TotalAmt,
  balance: entity.Balance,
  linkedTxns: (entity.LinkedTxn ?? []).map((l) => ({ txnId: l.TxnId, txnType: l.TxnType }))
})

const mapCustomer = (entity: QboCustomerWire): Either.Either<QboCustomer, ReadonlyArray<EntityProblem>> =>
  Either.map(
    Either.mapLeft(timestamp("MetaData.CreateTime", entity.MetaData?.CreateTime), (p) => [p]),
    (createdAt) => toQboCustomer(entity, createdAt)
  )

const mapInvoice = (entity: QboInvoiceWire): Either.Either<QboInvoice, ReadonlyArray<EntityProblem>> =>
  Either.map(
    Either.mapLeft(timestamp("TxnDate", entity.TxnDate), (p) => [p]),
    (txnDate) => toQboInvoice(entity, txnDate)
  )

// Well-formed entities skip Schema's parser (see encodedGuard); the rest are decoded by it, for its messages.
const customerWithField = (raw: unknown): Either.Either<QboCustomer, ReadonlyArray<EntityProblem>> =>
  isCustomerWire(raw) ? mapCustomer(raw) : Either.flatMap(decodeWith(QboCustomerEntity)(raw), mapCustomer)

const invoiceWithField = (raw: unknown): Either.Either<QboInvoice, ReadonlyArray<EntityProblem>> =>
  isInvoiceWire(raw) ? mapInvoice(raw) : Either.flatMap(decodeWith(QboInvoiceEntity)(raw), mapInvoice)

/**
 * Fields a record is still itself without: names, contacts, addresses and timestamps help matching and the report,
 * but no plan rests on them. Ids, SyncToken, Active, Balance, Job, ParentRef, CustomerRef, amounts, TxnDate (the
 * closed-period check) and LinkedTxn (payments) do, so an entity with one of those unreadable is dropped.
 */
const OPTIONAL_CUSTOMER_FIELDS: ReadonlySet<string> = new Set([
  "DisplayName",
  "GivenName",
  "MiddleName",
  "FamilyName",
  "CompanyName",
  "PrimaryEmailAddr",
  "PrimaryPhone",
  "Mobile",
  "AlternatePhone",
  "BillAddr",
  "ShipAddr",
  "MetaData"
])
const OPTIONAL_INVOICE_FIELDS: ReadonlySet<string> = new Set(["DocNumber", "MetaData"])

/** The top-level field of a problem's path: `BillAddr` for `BillAddr.Line1`. */
const topField = (field: string): string => field.split(/[.[]/)[0] ?? field

/** Each optional field that fails is dropped in turn (a second pass may find a timestamp the first did not reach). */
const MAX_PASSES = 3

/**
 * Decodes an entity, keeping it when only optional fields fail: those are removed and reported as emptied. Any
 * other failure drops the entity with every problem found.
 */
const salvaging =
  <A>(strict: (raw: unknown) => Either.Either<A, ReadonlyArray<EntityProblem>>, optional: ReadonlySet<string>) =>
  (raw: unknown): Either.Either<Salvaged<A>, EntityProblem> => {
    let current = raw
    const emptied: Array<EntityProblem> = []
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const decoded = strict(current)
      if (Either.isRight(decoded)) return Either.right({ item: decoded.right, emptied })
      const failed = new Set(decoded.left.map((p) => topField(p.field)))
      if (typeof current !== "object" || current === null || ![...failed].every((f) => optional.has(f))) {
        return Either.left(combineProblems([...emptied, ...decoded.left]))
      }
      emptied.push(...decoded.left)
      current = Object.fromEntries(Object.entries(current).filter(([key]) => !failed.has(key)))
    }
    return Either.left(combineProblems(emptied))
  }

/** A text at a path of an undecoded entity, when it is a non-empty string. */
const textAt = (raw: unknown, ...path: ReadonlyArray<string>): string | null => {
  let value: unknown = raw
  for (const key of path) value = typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null
}

const unreadableCustomer = (raw: unknown, row: RejectedRow): UnreadableRecord | null => {
  const id = textAt(raw, "Id")
  return id === null
    ? null
    : { system: "qbo", kind: "customer", id, customerId: null, quickbooksId: null, file: row.file, line: row.line, reason: row.reason }
}

/** An invoice is only worth naming with its customer: that is whose picture it leaves incomplete. */
const unreadableInvoice = (raw: unknown, row: RejectedRow): UnreadableRecord | null => {
  const id = textAt(raw, "Id")
  const customerId = textAt(raw, "CustomerRef", "value")
  return id === null || customerId === null
    ? null
    : { system: "qbo", kind: "invoice", id, customerId, quickbooksId: null, file: row.file, line: row.line, reason: row.reason }
}

/** Decodes one Customer as the API returns it, strictly; the left is a reason naming the field ("Id is missing"). */
export const decodeQboCustomer = (raw: unknown): Either.Either<QboCustomer, string> =>
  Either.mapLeft(customerWithField(raw), (ps) => combineProblems(ps).reason)

/** Decodes one Invoice as the API returns it, strictly; the left is a reason naming the field. */
export const decodeQboInvoice = (raw: unknown): Either.Either<QboInvoice, string> =>
  Either.mapLeft(invoiceWithField(raw), (ps) => combineProblems(ps).reason)

const decodeCustomer = salvaging(customerWithField, OPTIONAL_CUSTOMER_FIELDS)
const decodeInvoice = salvaging(invoiceWithField, OPTIONAL_INVOICE_FIELDS)

/** The customer with its names and places as `shared` keeps them (see `textInterner`): what a run holds to its end. */
const sharingText = (c: QboCustomer, shared: TextInterner): QboCustomer => ({
  ...c,
  givenName: shared.text(c.givenName),
  familyName: shared.text(c.familyName),
  billAddress: c.billAddress === null ? null : shared.address(c.billAddress),
  shipAddress: c.shipAddress === null ? null : shared.address(c.shipAddress)
})

/** Decodes a snapshot file's Customers as they stream in, by the rules of `decodeQboCustomers`. */
export const qboCustomerDecoder = (file: string, onCustomer: (customer: QboCustomer) => void): EntityListDecoder => {
  const shared = textInterner()
  return entityListDecoder(file, decodeCustomer, (c) => c.id, unreadableCustomer, (c) => onCustomer(sharingText(c, shared)))
}

/** Decodes a snapshot file's Invoices as they stream in, by the rules of `decodeQboInvoices`. */
export const qboInvoiceDecoder = (file: string, onInvoice: (invoice: QboInvoice) => void): EntityListDecoder =>
  entityListDecoder(file, decodeInvoice, (i) => i.id, unreadableInvoice, onInvoice)

/**
 * Decodes a list of Customers; bad and repeated ones are rejected with their 1-based position as the line, and a
 * customer whose only bad fields are optional ones is kept without them.
 */
export const decodeQboCustomers = (raws: ReadonlyArray<unknown>, file: string): DecodedList<QboCustomer> =>
  decodeEntityList(raws, file, decodeCustomer, (c) => c.id, unreadableCustomer)

/** Decodes a list of Invoices, as `decodeQboCustomers` does. */
export const decodeQboInvoices = (raws: ReadonlyArray<unknown>, file: string): DecodedList<QboInvoice> =>
  decodeEntityList(raws, file, decodeInvoice, (i) => i.id, unreadableInvoice)
