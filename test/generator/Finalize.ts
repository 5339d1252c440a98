import type { Company, PomCustomerRow, RawQboAddress, RawQboCustomer, RawQboInvoice } from "./Company.ts"
import { DAY_MS, dayString, isoTime, qboTime } from "./Clock.ts"
import type { CompanyDraft } from "./CompanyDraft.ts"
import { invoiceBalanceCents, invoiceCents, type InvoiceDraft, type PomDraft, type QboDraft } from "./Drafts.ts"
import type { CaseDraft, TrapDraft } from "./recipes/Planted.ts"
import type { QboAddressFields } from "./Render.ts"
import { timeOrder } from "./TimeOrder.ts"
import type { Truth, TruthCase } from "./Truth.ts"

/*
 * Hands out ids in creation order, as both systems do, and renders the drafts as POM rows and QBO entities.
 */

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

const money = (cents: number): number => Math.round(cents) / 100

// Shared by every entity: a few hundred thousand invoices need not each allocate their own copies.
const usd = Object.freeze({ value: "USD", name: "United States Dollar" } as const)
const nonTaxable = Object.freeze({ value: "NON" })
const taxCode = Object.freeze({ value: "2" })
const subTotalDetail = Object.freeze({})
const noLinks: ReadonlyArray<never> = Object.freeze([])

/** QBO ids skip numbers used by vendors and employees (one name list); a link to one of those finds no customer. */
const assignQboIds = (d: CompanyDraft, customers: ReadonlyArray<QboDraft>): Array<string> => {
  const gaps: Array<string> = []
  let next = 1
  for (const c of customers) {
    while (d.rng.chance(0.06)) gaps.push(String(next++))
    c.id = String(next++)
  }
  gaps.push(String(next + 7), String(next + 19), String(next + 31))
  return d.rng.shuffle(gaps)
}

const pomRow = (p: PomDraft, missingIds: Array<string>): PomCustomerRow => {
  const f = p.fields
  const quickbooksId = p.link === null ? "" : p.link === "missing" ? (missingIds.pop() ?? "999999") : p.link.id
  return {
    id: p.id, firstName: f.firstName, lastName: f.lastName, companyName: f.companyName, email: f.email,
    phone: f.phone, mobilePhone: f.mobilePhone, street: f.street, city: f.city, state: f.state, zipCode: f.zipCode,
    status: p.status, quickbooksId, createdAt: isoTime(p.createdAt), updatedAt: isoTime(p.updatedAt), email2: f.email2,
    phone2: f.phone2, billingStreet: f.billingStreet, billingCity: f.billingCity, billingState: f.billingState,
    billingZipCode: f.billingZipCode
  }
}

const qboDisplayName = (c: QboDraft): string => (c.active ? c.fields.displayName : `${c.fields.displayName} (deleted)`)

const qboCustomer = (c: QboDraft, nextAddressId: () => string): RawQboCustomer => {
  const f = c.fields
  const address = (a: QboAddressFields): RawQboAddress => ({ Id: nextAddressId(), ...a })
  const balance = money(c.openCents + c.extraBalanceCents)
  const displayName = qboDisplayName(c)
  const personName = `${f.givenName} ${f.familyName}`.trim()
  return {
    domain: "QBO",
    Id: c.id,
    SyncToken: c.active ? "0" : "1",
    MetaData: { CreateTime: qboTime(c.createdAt), LastUpdatedTime: qboTime(c.updatedAt) },
    ...(f.givenName === "" ? {} : { GivenName: f.givenName }),
    ...(f.familyName === "" ? {} : { FamilyName: f.familyName }),
    ...(f.companyName === "" ? {} : { CompanyName: f.companyName }),
    DisplayName: displayName,
    FullyQualifiedName: displayName,
    PrintOnCheckName: (f.companyName || personName || f.displayName).slice(0, 110),
    Active: c.active,
    ...(f.phone === "" ? {} : { PrimaryPhone: { FreeFormNumber: f.phone } }),
    ...(f.mobile === "" ? {} : { Mobile: { FreeFormNumber: f.mobile } }),
    ...(f.email === "" ? {} : { PrimaryEmailAddr: { Address: f.email } }),
    DefaultTaxCodeRef: taxCode,
    Taxable: false,
    BillAddr: address(f.billAddr),
    ...(f.shipAddr === null ? {} : { ShipAddr: address(f.shipAddr) }),
    Job: false,
    BillWithParent: false,
    Balance: balance,
    BalanceWithJobs: balance,
    CurrencyRef: usd,
    PreferredDeliveryMethod: f.email === "" ? "Print" : "Email",
    IsProject: false,
    sparse: false
  }
}

/** One CustomerRef per customer, shared by its invoices. */
const customerRefs = new WeakMap<QboDraft, { readonly value: string; readonly name: string }>()
const customerRef = (c: QboDraft): { readonly value: string; readonly name: string } => {
  let ref = customerRefs.get(c)
  if (ref === undefined) {
    ref = Object.freeze({ value: c.id, name: qboDisplayName(c) })
    customerRefs.set(c, ref)
  }
  return ref
}

const qboInvoice = (i: InvoiceDraft): RawQboInvoice => {
  const total = money(invoiceCents(i))
  const created = qboTime(i.txnDay * DAY_MS + (15 + (i.seq % 8)) * 3_600_000 + (i.seq % 3600) * 1000)
  return {
    domain: "QBO",
    Id: i.id,
    SyncToken: i.paidDay === null ? "0" : "1",
    MetaData: {
      CreateTime: created,
      LastUpdatedTime: i.paidDay === null ? created : qboTime(i.paidDay * DAY_MS + 16 * 3_600_000)
    },
    DocNumber: i.docNumber,
    TxnDate: dayString(i.txnDay),
    DueDate: dayString(i.txnDay + 30),
    CustomerRef: customerRef(i.customer),
    Line: [
      {
        Id: "1",
        LineNum: 1,
        Description: i.description,
        Amount: total,
        DetailType: "SalesItemLineDetail",
        SalesItemLineDetail: {
          ItemRef: i.item,
          UnitPrice: money(i.unitPriceCents),
          Qty: i.qty,
          TaxCodeRef: nonTaxable
        }
      },
      { Amount: total, DetailType: "SubTotalLineDetail", SubTotalLineDetail: subTotalDetail }
    ],
    TotalAmt: total,
    Balance: money(invoiceBalanceCents(i)),
    LinkedTxn: i.paidDay === null ? noLinks : [{ TxnId: i.paymentId, TxnType: "Payment" }],
    sparse: false
  }
}

const truthCase = (c: CaseDraft, n: number): TruthCase => ({
  id: `case-${pad(n, 4)}`,
  recipe: c.recipe,
  scenario: c.scenario,
  pomIds: c.pom.map((p) => p.id),
  qboIds: c.qbo.map((q) => q.id),
  keepPomId: c.keep.id,
  mergePomIds: c.merge.map((p) => p.id),
  correctQboId: c.correct.id,
  wrongQboIds: c.wrong.map((q) => q.id),
  invoicesToMove: c.move.map((i) => i.id),
  ...(c.blocker === undefined ? {} : { blocker: c.blocker })
})

const seconds = (ms: number): number => Math.floor(ms / 1000)

export const finalize = (
  d: CompanyDraft,
  cases: ReadonlyArray<CaseDraft>,
  traps: ReadonlyArray<TrapDraft>,
  header: Pick<Truth, "seed" | "customers" | "today">
): Company => {
  const qbo = timeOrder(d.qbo, (q) => seconds(q.createdAt))
  const missingIds = assignQboIds(d, qbo)
  const pom = timeOrder(d.pom, (p) => seconds(p.createdAt))
  pom.forEach((p, i) => (p.id = `cus_${pad(i + 1, 6)}`))

  // Invoices and payments share QBO's transaction id sequence.
  let txn = 130
  const invoices = timeOrder(d.invoices, (i) => i.txnDay).map((i, n) => {
    i.id = String(txn++)
    i.docNumber = String(1001 + n)
    if (i.paidDay !== null) i.paymentId = String(txn++)
    return qboInvoice(i)
  })
  const appointments = timeOrder(d.appointments, (a) => seconds(a.scheduledAt)).map((a, n) => {
    a.id = `apt_${pad(n + 1, 7)}`
    return { id: a.id, customerId: a.customer.id, scheduledAt: isoTime(a.scheduledAt), status: a.status }
  })
  const services = timeOrder(d.services, (s) => seconds(s.completedAt)).map((s, n) => {
    s.id = `svc_${pad(n + 1, 7)}`
    const appointmentId = s.appointment?.id ?? ""
    return { id: s.id, customerId: s.customer.id, appointmentId, completedAt: isoTime(s.completedAt) }
  })

  let addressId = 0
  const nextAddressId = (): string => String(++addressId)
  return {
    pom: { customers: pom.map((p) => pomRow(p, missingIds)), appointments, services },
    qbo: { customers: qbo.map((c) => qboCustomer(c, nextAddressId)), invoices },
    truth: {
      ...header,
      cases: cases.map((c, i) => truthCase(c, i + 1)),
      traps: traps.map((t) => ({ kind: t.kind, pomIds: t.pom.map((p) => p.id), qboIds: t.qbo.map((q) => q.id) }))
    }
  }
}
