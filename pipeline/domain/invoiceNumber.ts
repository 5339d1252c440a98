/**
 * How every message names an invoice: by the number an admin sees on it in QBO ("#1043"), or, for an invoice
 * without one, by its id, spelled so that it cannot be mistaken for a number ("id 88").
 */
export const invoiceNumber = (docNumber: string, invoiceId: string): string =>
  docNumber.trim() === "" ? `id ${invoiceId}` : `#${docNumber}`
