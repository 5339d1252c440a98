import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { PomCustomerId, QboCustomerId } from "../../../pipeline/domain/Ids.ts"
import { PomCustomer } from "../../../pipeline/domain/PomRecords.ts"
import { Snapshot } from "../../../pipeline/domain/Snapshot.ts"
import { schemaJsonPieces } from "../../../sinks/store/schemaJson.ts"
import { SnapshotBuilder } from "../../pipeline/cases/snapshotBuilder.ts"

const encoded = <A, I>(schema: Schema.Schema<A, I>, value: A): string => JSON.stringify(Schema.encodeSync(schema)(value))
const written = <A, I>(schema: Schema.Schema<A, I>, value: A): string => [...schemaJsonPieces(schema)(value)].join("")

const customer: PomCustomer = {
  id: PomCustomerId.make("cus_1"),
  firstName: "Ana",
  lastName: "Peña",
  companyName: "",
  emails: ["ana@example.com"],
  phones: [],
  serviceAddress: { street: "1 Main St", city: "Austin", state: "TX", zip: "78701" },
  billingAddress: null,
  status: "ACTIVE",
  quickbooksId: QboCustomerId.make("58"),
  createdAt: null,
  updatedAt: "2026-11-01T00:00:00Z"
}

describe("schemaJsonPieces", () => {
  it("writes the encoder's text for a snapshot with thousands of records, in many pieces", () => {
    const builder = new SnapshotBuilder()
    for (let i = 0; i < 2500; i++) builder.pomCustomer(`p${i}`, { link: i % 3 === 0 ? null : `${i}`, history: i % 4, street: `${i} "Ñandú" Way` })
    for (let i = 0; i < 1200; i++) builder.qboCustomer(`${i}`, { invoices: i % 3, paid: i % 2 === 0, active: i % 9 !== 0 })
    const snapshot = builder.build()
    const pieces = [...schemaJsonPieces(Snapshot)(snapshot)]
    expect(pieces.length).toBeGreaterThan(3)
    expect(pieces.join("")).toBe(encoded(Snapshot, snapshot))
  })

  it("puts keys in the schema's order and leaves out undeclared ones, as the encoder does", () => {
    const shuffled = {
      updatedAt: customer.updatedAt,
      createdAt: customer.createdAt,
      note: "not in the schema",
      quickbooksId: customer.quickbooksId,
      status: customer.status,
      billingAddress: customer.billingAddress,
      serviceAddress: { zip: "78701", state: "TX", city: "Austin", street: "1 Main St" },
      phones: customer.phones,
      emails: customer.emails,
      companyName: customer.companyName,
      lastName: customer.lastName,
      firstName: customer.firstName,
      id: customer.id
    }
    const text = written(PomCustomer, shuffled)
    expect(text).toBe(encoded(PomCustomer, shuffled))
    expect(text.startsWith('{"id":"cus_1","firstName":"Ana"')).toBe(true)
    expect(text).toContain('"serviceAddress":{"street":"1 Main St","city":"Austin","state":"TX","zip":"78701"}')
    expect(text).not.toContain("note")
  })

  it("leaves out an absent optional field and writes a present one", () => {
    const WithOptional = Schema.Struct({ a: Schema.String, b: Schema.optional(Schema.Number), c: Schema.NullOr(Schema.String) })
    for (const value of [{ a: "x", c: null }, { a: "x", b: 2, c: "y" }, { a: "x", b: undefined, c: "y" }]) {
      expect(written(WithOptional, value)).toBe(encoded(WithOptional, value))
    }
  })

  it("uses the encoder for a schema that changes values", () => {
    const Dated = Schema.Struct({ n: Schema.NumberFromString, at: Schema.Date })
    const value = { n: 12, at: new Date("2026-11-01T00:00:00Z") }
    expect(written(Dated, value)).toBe('{"n":"12","at":"2026-11-01T00:00:00.000Z"}')
  })

  it("fails with the encoder's error for a value that does not fit the schema", () => {
    const Named = Schema.Struct({ names: Schema.Array(Schema.String.pipe(Schema.minLength(1))) })
    const failure = (write: () => unknown): string => {
      try {
        write()
      } catch (error) {
        return String(error)
      }
      return "no error"
    }
    const value = { names: ["Ana", ""] }
    const ours = failure(() => written(Named, value))
    expect(ours).toContain("minLength")
    expect(ours).toBe(failure(() => encoded(Named, value)))
  })
})
