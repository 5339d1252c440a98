import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { readdirSync, readFileSync } from "node:fs"
import * as path from "node:path"
import {
  decodeQboCustomer,
  decodeQboCustomers,
  decodeQboInvoice,
  decodeQboInvoices
} from "../../../sources/qbo/QboEntities.ts"
import { fixturePath, projectRoot } from "../csv/tempFiles.ts"

const sharedFixtures = path.resolve(projectRoot, "test/fixtures/qbo-payloads")

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"))

const right = <A>(result: Either.Either<A, string>): A => {
  if (Either.isLeft(result)) throw new Error(`expected to decode, got: ${result.left}`)
  return result.right
}

const left = <A>(result: Either.Either<A, string>): string => {
  if (Either.isRight(result)) throw new Error("expected the entity to be refused")
  return result.left
}

/** Every object under a "Customer" or "Invoice" key anywhere in a payload, as the API nests them. */
const entitiesIn = (json: unknown, name: "Customer" | "Invoice"): ReadonlyArray<unknown> => {
  if (Array.isArray(json)) return json.flatMap((j) => entitiesIn(j, name))
  if (typeof json !== "object" || json === null) return []
  return Object.entries(json).flatMap(([key, value]) =>
    key === name ? (Array.isArray(value) ? value : [value]) : entitiesIn(value, name)
  )
}

describe("QBO entity decoders on the shared QBO payloads", () => {
  // Requests are what we send, not what QBO returns: they lack Id and SyncToken by design.
  const responses = readdirSync(sharedFixtures).filter((f) => f.endsWith(".json") && !f.includes("request"))

  it("decodes every Customer and Invoice in every recorded or documented response", () => {
    let customers = 0
    let invoices = 0
    for (const file of responses) {
      const json = readJson(path.join(sharedFixtures, file))
      for (const raw of entitiesIn(json, "Customer")) {
        right(decodeQboCustomer(raw))
        customers++
      }
      for (const raw of entitiesIn(json, "Invoice")) {
        right(decodeQboInvoice(raw))
        invoices++
      }
    }
    // read + 2 query rows + create + sparse update; read + query + sparse update + the recorded paid invoice.
    expect(customers).toBe(5)
    expect(invoices).toBe(4)
  })

  it("maps QBO's fields onto the pipeline's customer", () => {
    const [amy] = entitiesIn(readJson(path.join(sharedFixtures, "customer-query-response.json")), "Customer")
    expect(right(decodeQboCustomer(amy))).toEqual({
      id: "1",
      syncToken: "5",
      displayName: "Amy's Bird Sanctuary",
      givenName: "Amy",
      familyName: "Lauterbach",
      companyName: "Amy's Bird Sanctuary",
      emails: ["Birds@Intuit.com"],
      phones: ["(650) 555-3311"],
      billAddress: { street: "4581 Finch St.", city: "Bayshore", state: "CA", zip: "94326" },
      shipAddress: { street: "4581 Finch St.", city: "Bayshore", state: "CA", zip: "94326" },
      active: true,
      balance: 274,
      isJob: false,
      parentId: null,
      createdAt: "2014-09-11T23:48:43Z"
    })
  })

  it("maps an invoice with its customer, amounts and linked payment", () => {
    const file = path.join(sharedFixtures, "batch-query-response-invoice-paid-linkedtxn.recorded.json")
    const [paid] = entitiesIn(readJson(file), "Invoice")
    expect(right(decodeQboInvoice(paid))).toEqual({
      id: "99",
      syncToken: "2",
      docNumber: "1032",
      txnDate: "2024-04-11",
      customerId: "26",
      totalAmt: 414.72,
      balance: 0,
      linkedTxns: [{ txnId: "166", txnType: "Payment" }]
    })
  })
})

describe("decodeQboCustomer", () => {
  it("strips the (deleted) suffix QBO gives an inactive customer's name", () => {
    const raw = entitiesIn(readJson(fixturePath("qbo-files", "customer-inactive-deleted-suffix.json")), "Customer")[0]
    const customer = right(decodeQboCustomer(raw))
    expect(customer.displayName).toBe("Thrifty Meats")
    expect(customer.active).toBe(false)
    expect(customer.companyName).toBe("Neo Pets")
    expect(customer.phones).toEqual(["(415) 555-1212", "(831) 330-1234", "OtherWhat"])
    expect(customer.billAddress).toEqual({ street: "123 Swift St.", city: "Santa Cruz", state: "CA", zip: "95060" })
  })

  it("keeps a (deleted) that is part of an active customer's name", () => {
    const customer = right(decodeQboCustomer({ Id: "9", SyncToken: "0", DisplayName: "Bob (deleted)", Active: true }))
    expect(customer.displayName).toBe("Bob (deleted)")
  })

  it("fills absent optional fields: active, zero balance, no contacts, no addresses", () => {
    expect(right(decodeQboCustomer({ Id: "7", SyncToken: "1", DisplayName: null, Extra: { nested: true } }))).toEqual({
      id: "7",
      syncToken: "1",
      displayName: "",
      givenName: "",
      familyName: "",
      companyName: "",
      emails: [],
      phones: [],
      billAddress: null,
      shipAddress: null,
      active: true,
      balance: 0,
      isJob: false,
      parentId: null,
      createdAt: null
    })
  })

  it("marks sub-customers and jobs and keeps the parent id", () => {
    const sub = right(decodeQboCustomer({ Id: "8", SyncToken: "0", Job: false, ParentRef: { value: "7" } }))
    expect([sub.isJob, sub.parentId]).toEqual([true, "7"])
    expect(right(decodeQboCustomer({ Id: "8", SyncToken: "0", Job: true })).isJob).toBe(true)
  })

  it("splits several addresses in the primary email box", () => {
    const c = right(decodeQboCustomer({ Id: "1", SyncToken: "0", PrimaryEmailAddr: { Address: "a@x.com, b@y.com;c@z.com" } }))
    expect(c.emails).toEqual(["a@x.com", "b@y.com", "c@z.com"])
  })

  it("gives a reason naming each bad field", () => {
    expect(left(decodeQboCustomer({ SyncToken: "0" }))).toBe("Id is missing")
    expect(left(decodeQboCustomer({ Id: " ", SyncToken: "0" }))).toBe("Id is empty")
    expect(left(decodeQboCustomer({ Id: "1", SyncToken: "0", Balance: "12" }))).toBe('Balance: Expected number, actual "12"')
    expect(left(decodeQboCustomer({ Id: "1", SyncToken: "0", BillAddr: { Line1: 5 } }))).toBe(
      "BillAddr.Line1: Expected string, actual 5"
    )
    expect(left(decodeQboCustomer({ Id: "1" }))).toBe("SyncToken is missing")
    expect(left(decodeQboCustomer("Amy"))).toBe("the entry is not a JSON object")
  })
})

describe("decodeQboInvoice", () => {
  const invoice = { Id: "5", SyncToken: "0", CustomerRef: { value: "2" }, TotalAmt: 10, Balance: 10 }

  it("fills absent optional fields", () => {
    expect(right(decodeQboInvoice(invoice))).toEqual({
      id: "5",
      syncToken: "0",
      docNumber: "",
      txnDate: null,
      customerId: "2",
      totalAmt: 10,
      balance: 10,
      linkedTxns: []
    })
  })

  it("refuses an invoice without its customer or its amounts", () => {
    expect(left(decodeQboInvoice({ ...invoice, CustomerRef: {} }))).toBe("CustomerRef.value is missing")
    expect(left(decodeQboInvoice({ Id: "5", SyncToken: "0", CustomerRef: { value: "2" } }))).toBe(
      "TotalAmt is missing; Balance is missing"
    )
    expect(left(decodeQboInvoice({ ...invoice, TxnDate: "last week" }))).toContain('TxnDate "last week"')
  })
})

describe("decodeQboCustomers and decodeQboInvoices", () => {
  it("reject bad and repeated entities by position and keep the rest", () => {
    const result = decodeQboCustomers(
      [{ Id: "1", SyncToken: "0" }, { SyncToken: "0" }, { Id: "1", SyncToken: "3" }, { Id: "2", SyncToken: "0" }],
      "customers.json"
    )
    expect(result.items.map((c) => [c.id, c.syncToken])).toEqual([
      ["1", "0"],
      ["2", "0"]
    ])
    expect(result.rejected).toEqual([
      { file: "customers.json", line: 2, field: "Id", severity: "row", reason: "Id is missing", raw: '{"SyncToken":"0"}' },
      {
        file: "customers.json",
        line: 3,
        field: "Id",
        severity: "row",
        reason: "Id 1 already appears at position 1; only that one is read",
        raw: '{"Id":"1","SyncToken":"3"}'
      }
    ])
    const invoices = decodeQboInvoices([{ Id: "9", SyncToken: "0", CustomerRef: { value: "1" } }], "invoices.json")
    expect(invoices.items).toEqual([])
    expect(invoices.rejected[0]).toMatchObject({ line: 1, field: "TotalAmt, Balance", severity: "row" })
    // Neither a customer without an Id nor a repeated one is unreadable: the first has no name, the second was read.
    expect(result.unreadable).toEqual([])
    expect(invoices.unreadable).toEqual([
      { system: "qbo", kind: "invoice", id: "9", customerId: "1", quickbooksId: null, file: "invoices.json", line: 1, reason: expect.stringContaining("TotalAmt") }
    ])
  })

  it("keep a customer whose only bad fields are optional, emptied and reported with severity field", () => {
    const result = decodeQboCustomers(
      [
        { Id: "1", SyncToken: "0", DisplayName: "Amy", BillAddr: { Line1: 5 }, MetaData: { CreateTime: "soon" } },
        { Id: "2", SyncToken: "0", DisplayName: "Bob", Balance: "12", PrimaryPhone: { FreeFormNumber: 7 } }
      ],
      "customers.json"
    )
    expect(result.items.map((c) => [c.id, c.displayName, c.billAddress, c.createdAt])).toEqual([["1", "Amy", null, null]])
    expect(result.rejected.map((r) => [r.line, r.severity, r.field])).toEqual([
      [1, "field", "BillAddr.Line1, MetaData.CreateTime"],
      // Balance decides whether a customer may be retired: the customer is dropped, every problem named.
      [2, "row", "PrimaryPhone.FreeFormNumber, Balance"]
    ])
    expect(result.unreadable).toEqual([expect.objectContaining({ system: "qbo", kind: "customer", id: "2", line: 2 })])
  })
})
