import type { NonEmptyReadonlyArray } from "effect/Array"
import { DAY_MS } from "./Clock.ts"
import type { CompanyDraft } from "./CompanyDraft.ts"
import { invoiceBalanceCents, type InvoiceDraft, type QboDraft } from "./Drafts.ts"

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"]

const repairs: NonEmptyReadonlyArray<readonly [description: string, minDollars: number, maxDollars: number]> = [
  ["Pump motor replacement", 450, 1100],
  ["Filter cartridge cleaning", 85, 160],
  ["Green pool cleanup", 250, 650],
  ["Salt cell replacement", 600, 1150],
  ["Heater repair", 220, 900],
  ["Leak detection", 175, 395],
  ["Pool light replacement", 180, 420],
  ["Acid wash", 300, 550]
]

const weeklyService = Object.freeze({ value: "1", name: "Weekly Pool Service" })
const repairItem = Object.freeze({ value: "2", name: "Repairs" })

const cents = [0, 0, 50, 95] as const

const descriptions = new Map<number, string>()
/** "Weekly pool service - March 2025", one string per month however many invoices share it. */
const serviceDescription = (txnDay: number): string => {
  const date = new Date(txnDay * DAY_MS)
  const key = date.getUTCFullYear() * 12 + date.getUTCMonth()
  let text = descriptions.get(key)
  if (text === undefined) {
    text = `Weekly pool service - ${months[date.getUTCMonth()] ?? ""} ${date.getUTCFullYear()}`
    descriptions.set(key, text)
  }
  return text
}

/**
 * `usual`: invoices older than ~6 weeks are nearly all paid, recent ones mostly open. `open`: none paid (a
 * duplicate's recent invoices). `paid`: every one has its payment.
 */
export type InvoiceStatus = "usual" | "open" | "paid"

/** Adds `count` invoices dated between `from` and `until` (ms), oldest first, and returns them. */
export const addInvoices = (
  d: CompanyDraft,
  qbo: QboDraft,
  count: number,
  o: { readonly from: number; readonly until: number; readonly status: InvoiceStatus }
): Array<InvoiceDraft> => {
  const rng = d.rng
  const today = d.todayDay
  const fromDay = Math.floor(o.from / DAY_MS)
  const untilDay = Math.max(fromDay, Math.min(Math.floor(o.until / DAY_MS), today))
  const business = qbo.fields.companyName !== ""
  const days = Array.from({ length: count }, () => rng.int(fromDay, untilDay)).sort((a, b) => a - b)
  const made: Array<InvoiceDraft> = []
  for (const txnDay of days) {
    const age = today - txnDay
    const paid =
      o.status === "paid" ? true : o.status === "open" ? false : age > 45 ? rng.chance(0.97) : rng.chance(0.3)
    const paidDay = paid ? Math.min(today, txnDay + rng.int(2, 30)) : null
    const monthly = rng.chance(0.85)
    const repair = rng.pick(repairs)
    const invoice: InvoiceDraft = {
      seq: d.nextSeq(),
      id: "",
      docNumber: "",
      paymentId: "",
      customer: qbo,
      txnDay,
      paidDay,
      description: monthly ? serviceDescription(txnDay) : repair[0],
      item: monthly ? weeklyService : repairItem,
      qty: monthly ? (business ? rng.int(8, 13) : rng.int(4, 5)) : 1,
      unitPriceCents: monthly
        ? business
          ? rng.int(55, 95) * 100
          : rng.int(30, 60) * 100 + rng.pick(cents)
        : rng.int(repair[1], repair[2]) * 100 + rng.pick(cents)
    }
    qbo.invoices.push(invoice)
    qbo.openCents += invoiceBalanceCents(invoice)
    d.invoices.push(invoice)
    made.push(invoice)
  }
  return made
}
