import { DAY_MS } from "../Clock.ts"
import type { CompanyDraft } from "../CompanyDraft.ts"
import type { InvoiceDraft, PomDraft, PomStatus, QboDraft } from "../Drafts.ts"
import { addHistory } from "../History.ts"
import type { Household } from "../Household.ts"
import { addInvoices } from "../Invoices.ts"
import type { Recipe, TrapKind } from "../Rates.ts"
import type { RecordNoise } from "../Render.ts"
import type { TruthBlocker, TruthScenario } from "../Truth.ts"

/** An injected case before ids exist: its records and the fix the pipeline should propose. */
export interface CaseDraft {
  readonly recipe: Recipe
  readonly scenario: TruthScenario
  readonly pom: ReadonlyArray<PomDraft>
  readonly qbo: ReadonlyArray<QboDraft>
  readonly keep: PomDraft
  readonly merge: ReadonlyArray<PomDraft>
  readonly correct: QboDraft
  readonly wrong: ReadonlyArray<QboDraft>
  readonly move: ReadonlyArray<InvoiceDraft>
  readonly blocker?: TruthBlocker
}

export interface TrapDraft {
  readonly kind: TrapKind
  readonly pom: ReadonlyArray<PomDraft>
  readonly qbo: ReadonlyArray<QboDraft>
}

/** The customer behind an injected case: a person or couple, or now and then an HOA or a landlord's LLC. */
export const caseHousehold = (d: CompanyDraft): Household => d.household({ company: d.rng.chance(0.1) })

/** A record typed like the household's other records, with nothing missing. */
export const clean: RecordNoise = { name: false, drop: null }

/**
 * Noise for the `count` records of one case. One record, chosen at random, is typed cleanly; each other has an
 * even chance of a drifted name. At most one record lacks the email or the phone, so every two records still
 * share the address and at least one of email and phone: enough for a careful matcher, not for a lazy one.
 */
export const caseNoise = (d: CompanyDraft, count: number): ReadonlyArray<RecordNoise> => {
  const rng = d.rng
  const anchor = rng.int(0, count - 1)
  const dropAt = rng.chance(0.35) ? rng.int(0, count - 1) : -1
  const drop = rng.chance(0.5) ? "email" : "phone"
  return Array.from({ length: count }, (_, i) => ({
    name: i !== anchor && rng.chance(0.5),
    drop: i === dropAt ? drop : null
  }))
}

/** An active account with exactly `history` items. */
export const account = (
  d: CompanyDraft,
  h: Household,
  o: {
    readonly createdAt: number
    readonly link: QboDraft | "missing" | null
    readonly history: number
    readonly noise: RecordNoise
    readonly status?: PomStatus
  }
): PomDraft => {
  const pom = d.addPom(h, { status: o.status ?? "ACTIVE", createdAt: o.createdAt, link: o.link, noise: o.noise })
  addHistory(d, pom, o.history, { upcoming: true })
  return pom
}

/** An active QBO customer with `invoices` invoices dated from its creation to `until`. */
export const payer = (
  d: CompanyDraft,
  h: Household,
  o: { readonly createdAt: number; readonly invoices: number; readonly until: number; readonly noise: RecordNoise }
): QboDraft => {
  const qbo = d.addQbo(h, { active: true, createdAt: o.createdAt, noise: o.noise })
  addInvoices(d, qbo, o.invoices, { from: o.createdAt, until: o.until, status: "usual" })
  return qbo
}

/** A duplicate QBO customer made recently, holding only recent invoices: `open` still open, `paid` paid. */
export const recentDuplicatePayer = (
  d: CompanyDraft,
  h: Household,
  o: { readonly open: number; readonly paid: number; readonly noise: RecordNoise }
): { readonly qbo: QboDraft; readonly invoices: ReadonlyArray<InvoiceDraft> } => {
  const createdAt = d.daysAgo(45, 160)
  const qbo = d.addQbo(h, { active: true, createdAt, noise: { ...o.noise, duplicate: true } })
  // Recent enough to be outside any closed accounting period.
  const from = Math.max(createdAt, d.today - 40 * DAY_MS)
  const paid = addInvoices(d, qbo, o.paid, { from, until: d.today - 12 * DAY_MS, status: "paid" })
  const open = addInvoices(d, qbo, o.open, { from, until: d.today - DAY_MS, status: "open" })
  return { qbo, invoices: [...paid, ...open] }
}

/** Someone else entirely: an ordinary linked customer, for a wrong link to point at. */
export const otherCustomer = (d: CompanyDraft, avoidLast: string): { pom: PomDraft; qbo: QboDraft } => {
  let h = d.household()
  while (h.last === avoidLast) h = d.household()
  const createdAt = d.daysAgo(200, 2400)
  const qbo = payer(d, h, { createdAt, invoices: d.rng.int(1, 6), until: d.today, noise: clean })
  const pom = account(d, h, { createdAt: createdAt + DAY_MS, link: qbo, history: d.rng.int(2, 8), noise: clean })
  return { pom, qbo }
}
