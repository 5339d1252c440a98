import type { Company, PomCustomerRow, RawQboCustomer, RawQboInvoice } from "./Company.ts"

/**
 * Look-ups over a generated company, for tests that check it against its truth: history per POM account,
 * invoices per QBO customer, and who links to whom.
 */
export class CompanyIndex {
  readonly pom = new Map<string, PomCustomerRow>()
  readonly qbo = new Map<string, RawQboCustomer>()
  readonly invoice = new Map<string, RawQboInvoice>()
  private readonly historyCounts = new Map<string, number>()
  private readonly invoicesByCustomer = new Map<string, Array<RawQboInvoice>>()
  private readonly linkedFrom = new Map<string, Array<PomCustomerRow>>()

  constructor(readonly company: Company) {
    for (const p of company.pom.customers) {
      this.pom.set(p.id, p)
      if (p.quickbooksId !== "") push(this.linkedFrom, p.quickbooksId, p)
    }
    for (const q of company.qbo.customers) this.qbo.set(q.Id, q)
    for (const a of company.pom.appointments) bump(this.historyCounts, a.customerId)
    for (const s of company.pom.services) bump(this.historyCounts, s.customerId)
    for (const i of company.qbo.invoices) {
      this.invoice.set(i.Id, i)
      push(this.invoicesByCustomer, i.CustomerRef.value, i)
    }
  }

  /** Appointments + services: the count the pipeline compares to choose the keeper. */
  history(pomId: string): number {
    return this.historyCounts.get(pomId) ?? 0
  }

  invoicesOf(qboId: string): ReadonlyArray<RawQboInvoice> {
    return this.invoicesByCustomer.get(qboId) ?? []
  }

  /** POM accounts whose quickbooksId is `qboId`. */
  linkedTo(qboId: string): ReadonlyArray<PomCustomerRow> {
    return this.linkedFrom.get(qboId) ?? []
  }

  /** Sum of the invoices' open balances, in cents (to compare money without float drift). */
  openCents(qboId: string): number {
    return this.invoicesOf(qboId).reduce((sum, i) => sum + Math.round(i.Balance * 100), 0)
  }
}

const bump = (m: Map<string, number>, key: string): void => {
  m.set(key, (m.get(key) ?? 0) + 1)
}

const push = <A>(m: Map<string, Array<A>>, key: string, value: A): void => {
  const list = m.get(key)
  if (list === undefined) m.set(key, [value])
  else list.push(value)
}
