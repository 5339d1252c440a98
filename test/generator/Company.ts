import type { Truth } from "./Truth.ts"

/*
 * A generated company as both systems would hand it over: POM rows as its CSV export has them (every value a
 * string, blank for absent) and QBO entities as its API returns them, with the truth about what was planted.
 */

/** POM customer export columns, in order, named as the POM API names the fields. */
export const pomCustomerColumns = [
  "id", "firstName", "lastName", "companyName", "email", "phone", "mobilePhone", "street", "city", "state",
  "zipCode", "status", "quickbooksId", "createdAt", "updatedAt", "email2", "phone2", "billingStreet",
  "billingCity", "billingState", "billingZipCode"
] as const
export const pomAppointmentColumns = ["id", "customerId", "scheduledAt", "status"] as const
export const pomServiceColumns = ["id", "customerId", "appointmentId", "completedAt"] as const

export type PomCustomerRow = Readonly<Record<(typeof pomCustomerColumns)[number], string>>
export type PomAppointmentRow = Readonly<Record<(typeof pomAppointmentColumns)[number], string>>
export type PomServiceRow = Readonly<Record<(typeof pomServiceColumns)[number], string>>

export interface RawQboAddress {
  readonly Id: string
  readonly Line1: string
  readonly City: string
  readonly CountrySubDivisionCode: string
  readonly PostalCode: string
}

export interface RawQboMetaData {
  readonly CreateTime: string
  readonly LastUpdatedTime: string
}

/** A QBO Customer entity with the fields QBO returns for a customer made through its UI or the POM sync. */
export interface RawQboCustomer {
  readonly domain: "QBO"
  readonly Id: string
  readonly SyncToken: string
  readonly MetaData: RawQboMetaData
  readonly GivenName?: string
  readonly FamilyName?: string
  readonly CompanyName?: string
  /** Unique across all customers; " (deleted)" appended when inactive. */
  readonly DisplayName: string
  readonly FullyQualifiedName: string
  readonly PrintOnCheckName: string
  readonly Active: boolean
  readonly PrimaryPhone?: { readonly FreeFormNumber: string }
  readonly Mobile?: { readonly FreeFormNumber: string }
  readonly PrimaryEmailAddr?: { readonly Address: string }
  readonly DefaultTaxCodeRef: { readonly value: string }
  readonly Taxable: boolean
  readonly BillAddr: RawQboAddress
  readonly ShipAddr?: RawQboAddress
  readonly Job: false
  readonly BillWithParent: false
  readonly Balance: number
  readonly BalanceWithJobs: number
  readonly CurrencyRef: { readonly value: "USD"; readonly name: string }
  readonly PreferredDeliveryMethod: "Email" | "Print"
  readonly IsProject: false
  readonly sparse: false
}

export interface RawQboInvoiceLine {
  readonly Id?: string
  readonly LineNum?: number
  readonly Description?: string
  readonly Amount: number
  readonly DetailType: "SalesItemLineDetail" | "SubTotalLineDetail"
  readonly SalesItemLineDetail?: {
    readonly ItemRef: { readonly value: string; readonly name: string }
    readonly UnitPrice: number
    readonly Qty: number
    readonly TaxCodeRef: { readonly value: string }
  }
  readonly SubTotalLineDetail?: Readonly<Record<string, never>>
}

/**
 * A QBO Invoice entity, with the fields reconciliation reads (QBO also returns terms, tax and delivery fields,
 * left out to keep 300,000 invoices quick to write). A paid one has a Payment in LinkedTxn and Balance 0.
 */
export interface RawQboInvoice {
  readonly domain: "QBO"
  readonly Id: string
  readonly SyncToken: string
  readonly MetaData: RawQboMetaData
  readonly DocNumber: string
  readonly TxnDate: string
  readonly DueDate: string
  readonly CustomerRef: { readonly value: string; readonly name: string }
  readonly Line: ReadonlyArray<RawQboInvoiceLine>
  readonly TotalAmt: number
  readonly Balance: number
  readonly LinkedTxn: ReadonlyArray<{ readonly TxnId: string; readonly TxnType: "Payment" }>
  readonly sparse: false
}

/**
 * Entities share frozen sub-objects (CurrencyRef, an invoice's CustomerRef…) to keep a 100,000-customer company
 * small: copy an entity (e.g. `structuredClone`) before changing anything inside it.
 */
export interface Company {
  readonly pom: {
    readonly customers: ReadonlyArray<PomCustomerRow>
    readonly appointments: ReadonlyArray<PomAppointmentRow>
    readonly services: ReadonlyArray<PomServiceRow>
  }
  readonly qbo: {
    readonly customers: ReadonlyArray<RawQboCustomer>
    readonly invoices: ReadonlyArray<RawQboInvoice>
  }
  readonly truth: Truth
}
