/**
 * Where the review workbook's links point: QBO's web app (production or sandbox, as `QBO_ENVIRONMENT` says) and,
 * when a template is configured, POM's customer page. POM documents no public customer URL, so there is no
 * default: without a template POM ids are plain text rather than links that may lead nowhere.
 */
export interface RecordLinks {
  /** e.g. `https://app.qbo.intuit.com` (see `qboAppUrl`). */
  readonly qboApp: string
  /** e.g. `https://pom.example/customers/{id}`, `{id}` standing for the POM customer id. */
  readonly pomCustomer: string | null
}

export const qboCustomerLink = (links: RecordLinks, id: string): string => `${links.qboApp}/app/customerdetail?nameId=${encodeURIComponent(id)}`

export const qboInvoiceLink = (links: RecordLinks, id: string): string => `${links.qboApp}/app/invoice?txnId=${encodeURIComponent(id)}`

export const pomCustomerLink = (links: RecordLinks, id: string): string | null =>
  links.pomCustomer === null ? null : links.pomCustomer.replaceAll("{id}", encodeURIComponent(id))
