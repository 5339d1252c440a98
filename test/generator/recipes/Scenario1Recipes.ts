import { DAY_MS } from "../Clock.ts"
import type { CompanyDraft } from "../CompanyDraft.ts"
import type { PomDraft, QboDraft } from "../Drafts.ts"
import type { Household } from "../Household.ts"
import { addInvoices } from "../Invoices.ts"
import { account, caseHousehold, caseNoise, clean, otherCustomer, payer, type CaseDraft } from "./Planted.ts"

/*
 * Cases fixed by changing POM links alone (the help article's example 1, and single bad links). In each, the
 * keeper A holds all the POM history and the correct QBO customer R holds the invoices.
 */

/**
 * The article's example 1: A (all the history) points at W, an empty QBO duplicate; B (no history) points at R,
 * which has the invoices. The links must swap.
 */
export const swap = (d: CompanyDraft): CaseDraft => {
  const h = caseHousehold(d)
  const [nA = clean, nB = clean, nR = clean, nW = clean] = caseNoise(d, 4)
  const rCreated = d.daysAgo(800, 2600)
  const aCreated = d.between(rCreated + DAY_MS, rCreated + 200 * DAY_MS)
  const bCreated = d.between(aCreated + 120 * DAY_MS, d.today - 30 * DAY_MS)
  const R = payer(d, h, { createdAt: rCreated, invoices: d.rng.int(3, 10), until: bCreated, noise: nR })
  // W was made by the sync when A was first saved, under a name that did not match R's exactly.
  const wCreated = aCreated + d.rng.int(60, 3 * 86_400) * 1000
  const W = d.addQbo(h, { active: true, createdAt: wCreated, noise: { ...nW, duplicate: true } })
  const A = account(d, h, { createdAt: aCreated, link: W, history: d.rng.int(3, 12), noise: nA })
  const B = d.addPom(h, { status: d.rng.chance(0.2) ? "LEAD" : "ACTIVE", createdAt: bCreated, link: R, noise: nB })
  return {
    recipe: "scenario-1/swap", scenario: "scenario-1", pom: [A, B], qbo: [R, W],
    keep: A, merge: [B], correct: R, wrong: [W], move: []
  }
}

/** The keeper A with one wrong or missing link, and its payer R with invoices, linked by nobody. */
const singleAccount = (
  d: CompanyDraft,
  h: Household,
  link: QboDraft | "missing" | null
): { A: PomDraft; R: QboDraft } => {
  const [nA = clean, nR = clean] = caseNoise(d, 2)
  const rCreated = d.daysAgo(300, 2600)
  const R = payer(d, h, { createdAt: rCreated, invoices: d.rng.int(3, 10), until: d.today, noise: nR })
  const aCreated = d.between(rCreated, d.today - 90 * DAY_MS)
  const A = account(d, h, { createdAt: aCreated, link, history: d.rng.int(2, 10), noise: nA })
  return { A, R }
}

/** A points at the QBO customer of someone else entirely (X, whose own account points there too). */
export const wrongLink = (d: CompanyDraft): CaseDraft => {
  const h = caseHousehold(d)
  const X = otherCustomer(d, h.last)
  const { A, R } = singleAccount(d, h, X.qbo)
  return {
    recipe: "scenario-1/wrong-link", scenario: "scenario-1", pom: [A], qbo: [R],
    keep: A, merge: [], correct: R, wrong: [], move: []
  }
}

/** An inactive QBO customer of someone else: a former customer who paid up and left. */
const formerPayer = (d: CompanyDraft, avoidLast: string): QboDraft => {
  let other = d.household()
  while (other.last === avoidLast) other = d.household()
  const created = d.daysAgo(900, 2800)
  const left = d.between(created + 200 * DAY_MS, d.today - 150 * DAY_MS)
  const qbo = d.addQbo(other, { active: false, createdAt: created, updatedAt: left, noise: clean })
  addInvoices(d, qbo, d.rng.int(1, 5), { from: created, until: left, status: "paid" })
  return qbo
}

/**
 * A points at a QBO id that no customer has (a vendor's, or a mistyped one), or at an inactive QBO customer of
 * someone else.
 */
export const brokenLink = (d: CompanyDraft): CaseDraft => {
  const h = caseHousehold(d)
  const target = d.rng.chance(0.5) ? "missing" : formerPayer(d, h.last)
  const { A, R } = singleAccount(d, h, target)
  return {
    recipe: "scenario-1/broken-link", scenario: "scenario-1", pom: [A], qbo: [R],
    keep: A, merge: [], correct: R, wrong: [], move: []
  }
}

/** A was never linked. */
export const unlinked = (d: CompanyDraft): CaseDraft => {
  const { A, R } = singleAccount(d, caseHousehold(d), null)
  return {
    recipe: "scenario-1/unlinked", scenario: "scenario-1", pom: [A], qbo: [R],
    keep: A, merge: [], correct: R, wrong: [], move: []
  }
}
