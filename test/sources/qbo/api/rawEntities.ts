/** Small raw QBO entities, shaped like the Intuit payloads in test/fixtures/qbo-payloads, for seeding the local server. */

export interface RawCustomerInput {
  readonly id: string
  readonly name?: string
  readonly active?: boolean
  readonly balance?: number
  readonly syncToken?: string
}

export const rawCustomer = ({ id, name, active = true, balance = 0, syncToken = "0" }: RawCustomerInput): Record<string, unknown> => {
  const displayName = name ?? `Customer ${id}`
  const shown = active ? displayName : `${displayName} (deleted)`
  return {
    domain: "QBO",
    Id: id,
    SyncToken: syncToken,
    DisplayName: shown,
    FullyQualifiedName: shown,
    GivenName: displayName.split(" ")[0] ?? "",
    FamilyName: displayName.split(" ").slice(1).join(" "),
    PrimaryEmailAddr: { Address: `customer${id}@example.com` },
    PrimaryPhone: { FreeFormNumber: `(555) 010-${id.padStart(4, "0").slice(-4)}` },
    BillAddr: { Id: `a${id}`, Line1: `${id} Pool Lane`, City: "Bayshore", CountrySubDivisionCode: "CA", PostalCode: "94326" },
    Active: active,
    Job: false,
    BillWithParent: false,
    Balance: balance,
    BalanceWithJobs: balance,
    sparse: false,
    MetaData: { CreateTime: "2024-01-02T10:00:00-08:00", LastUpdatedTime: "2024-01-02T10:00:00-08:00" }
  }
}

export interface RawInvoiceInput {
  readonly id: string
  readonly customerId: string
  readonly balance?: number
  readonly txnDate?: string
  readonly paymentId?: string
}

export const rawInvoice = ({ id, customerId, balance = 100, txnDate = "2025-03-01", paymentId }: RawInvoiceInput): Record<string, unknown> => ({
  domain: "QBO",
  Id: id,
  SyncToken: "0",
  DocNumber: `10${id}`,
  TxnDate: txnDate,
  CustomerRef: { value: customerId, name: `Customer ${customerId}` },
  Line: [
    { Id: "1", LineNum: 1, Amount: 100, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "1", name: "Weekly pool service" } } },
    { Amount: 100, DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} }
  ],
  LinkedTxn: paymentId === undefined ? [] : [{ TxnId: paymentId, TxnType: "Payment" }],
  TotalAmt: 100,
  Balance: balance,
  sparse: false,
  MetaData: { CreateTime: "2025-03-01T09:00:00-08:00", LastUpdatedTime: "2025-03-01T09:00:00-08:00" }
})

export const customers = (count: number, from = 1): Array<Record<string, unknown>> =>
  Array.from({ length: count }, (_, i) => rawCustomer({ id: String(from + i) }))

export const invoices = (count: number, customerCount: number, from = 1): Array<Record<string, unknown>> =>
  Array.from({ length: count }, (_, i) => rawInvoice({ id: String(from + i), customerId: String(1 + (i % Math.max(1, customerCount))) }))
