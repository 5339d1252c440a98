import type { CaseOutcome, StepOutcome } from "../pipeline/apply/ApplyOutcome.ts"
import type { Blocker } from "../pipeline/domain/Blocker.ts"
import { invoiceNumber } from "../pipeline/domain/invoiceNumber.ts"
import { spreadsheetCsv } from "./excelSafe.ts"

/** QBO's web app, where an admin does the work by hand (the API host is not a page a person can use). */
export const qboAppUrl = (environment: "sandbox" | "production"): string =>
  environment === "production" ? "https://app.qbo.intuit.com" : "https://app.sandbox.qbo.intuit.com"

const money = (n: number) => `$${n.toFixed(2)}`

/** What the person must do first, in QBO's words, for each reason the step is theirs. */
const firstOf = (b: Blocker): string => {
  switch (b._tag) {
    case "invoice-has-payment":
      return `unapply the linked ${b.txnTypes.join("/")} (changing the customer of a paid invoice breaks the link), then re-apply it on the new customer`
    case "invoice-in-closed-period":
      return `it is dated ${b.txnDate}, inside the books closed through ${b.closedThrough}: reopen the period (or have the accountant make the change)`
    case "open-balance":
      return `settle its open balance of ${money(b.remaining)}, which its invoices do not explain`
    case "sub-customer":
      return `QBO customer ${b.qboCustomerId} is a sub-customer or has sub-customers: check the hierarchy first`
    default:
      return ""
  }
}

interface WorkItem {
  readonly record: string
  readonly todo: string
  readonly done: string
  readonly link: string
}

const item = (s: StepOutcome, app: string): WorkItem | null => {
  const step = s.step
  switch (step._tag) {
    case "move-invoice":
      return {
        record: `invoice ${invoiceNumber(step.docNumber, step.invoiceId)} (id ${step.invoiceId}, ${money(step.amount)})`,
        todo: `change its customer from QBO ${step.from} to QBO ${step.to}`,
        done: `the invoice is on QBO ${step.to}`,
        link: `${app}/app/invoice?txnId=${encodeURIComponent(step.invoiceId)}`
      }
    case "inactivate-qbo-customer":
      return {
        record: `customer QBO ${step.qboCustomerId}`,
        todo: "make the customer inactive",
        done: "the customer is inactive",
        link: `${app}/app/customerdetail?nameId=${encodeURIComponent(step.qboCustomerId)}`
      }
    default:
      return null
  }
}

/**
 * The QBO work apply will not do through the API, for an admin to do in QBO's own screens, in the order to do it.
 * Each row says what shows apply that it is done; the case's steps that depend on it wait until then.
 */
export const qboWorklistCsv = (outcomes: ReadonlyArray<CaseOutcome>, app: string): string =>
  spreadsheetCsv([
      ["case_id", "order", "record", "first", "then", "apply_continues_when", "link"],
      ...outcomes.flatMap((o) =>
        o.steps
          .filter((s) => s.status === "waiting" && s.byHand.length > 0)
          .flatMap((s, i) => {
            const w = item(s, app)
            return w === null ? [] : [[o.case.id, String(i + 1), w.record, s.byHand.map(firstOf).join("; "), w.todo, w.done, w.link]]
          })
      )
  ])
