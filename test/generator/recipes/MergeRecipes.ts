import { DAY_MS } from "../Clock.ts"
import type { CompanyDraft } from "../CompanyDraft.ts"
import type { InvoiceDraft, PomDraft, QboDraft } from "../Drafts.ts"
import {
  account,
  caseHousehold,
  caseNoise,
  clean,
  payer,
  recentDuplicatePayer,
  type CaseDraft
} from "./Planted.ts"

/*
 * Cases where history has to move: invoices in QBO (the help article's example 2, and a QBO-only duplicate) or
 * appointments and services in POM. The shapes are shared with the review recipes, which add one obstacle each.
 */

export interface Scenario2Shape {
  readonly A: PomDraft
  readonly B: PomDraft
  readonly R: QboDraft
  readonly W: QboDraft
  readonly wInvoices: ReadonlyArray<InvoiceDraft>
}

/**
 * The article's example 2: A (all the POM history) points at W, a recent QBO duplicate holding a few recent
 * invoices; B (no history) points at R, with at least three times as many older invoices (six or more).
 */
export const scenario2Shape = (d: CompanyDraft, w: { readonly open: number; readonly paid: number }): Scenario2Shape => {
  const h = caseHousehold(d)
  const [nA = clean, nB = clean, nR = clean, nW = clean] = caseNoise(d, 4)
  const duplicate = recentDuplicatePayer(d, h, { open: w.open, paid: w.paid, noise: nW })
  const rCreated = d.daysAgo(900, 2600)
  const rInvoices = Math.max(6, 3 * (w.open + w.paid)) + d.rng.int(0, 4)
  const R = payer(d, h, { createdAt: rCreated, invoices: rInvoices, until: duplicate.qbo.createdAt - DAY_MS, noise: nR })
  const aCreated = d.between(rCreated + DAY_MS, rCreated + 200 * DAY_MS)
  const A = account(d, h, { createdAt: aCreated, link: duplicate.qbo, history: d.rng.int(3, 12), noise: nA })
  const bCreated = d.between(aCreated + 120 * DAY_MS, duplicate.qbo.createdAt - DAY_MS)
  const B = d.addPom(h, { status: d.rng.chance(0.2) ? "LEAD" : "ACTIVE", createdAt: bCreated, link: R, noise: nB })
  return { A, B, R, W: duplicate.qbo, wInvoices: duplicate.invoices }
}

export const scenario2 = (d: CompanyDraft): CaseDraft => {
  const { A, B, R, W, wInvoices } = scenario2Shape(d, { open: d.rng.int(1, 3), paid: 0 })
  return {
    recipe: "scenario-2", scenario: "scenario-2", pom: [A, B], qbo: [R, W],
    keep: A, merge: [B], correct: R, wrong: [W], move: wInvoices
  }
}

export interface QboMergeShape {
  readonly A: PomDraft
  readonly R: QboDraft
  readonly W: QboDraft
  readonly wInvoices: ReadonlyArray<InvoiceDraft>
}

/** A points at R (the most invoices); W, a recent QBO duplicate nobody links, holds one or two open invoices. */
export const qboMergeShape = (d: CompanyDraft): QboMergeShape => {
  const h = caseHousehold(d)
  const [nA = clean, nR = clean, nW = clean] = caseNoise(d, 3)
  const duplicate = recentDuplicatePayer(d, h, { open: d.rng.int(1, 2), paid: 0, noise: nW })
  const rCreated = d.daysAgo(400, 2600)
  const R = payer(d, h, { createdAt: rCreated, invoices: d.rng.int(3, 10), until: d.today, noise: nR })
  const aCreated = d.between(rCreated, rCreated + 60 * DAY_MS)
  const A = account(d, h, { createdAt: aCreated, link: R, history: d.rng.int(2, 10), noise: nA })
  return { A, R, W: duplicate.qbo, wInvoices: duplicate.invoices }
}

export const qboMerge = (d: CompanyDraft): CaseDraft => {
  const { A, R, W, wInvoices } = qboMergeShape(d)
  return {
    recipe: "qbo-merge", scenario: "qbo-merge", pom: [A], qbo: [R, W],
    keep: A, merge: [], correct: R, wrong: [W], move: wInvoices
  }
}

/**
 * POM accounts of one property all pointing at the right R: the keeper A, older, with `keeperHistory` items,
 * and later duplicates with `duplicateHistory` items each, linked to R with chance `linkDuplicates` (else not
 * linked at all).
 */
export const pomDuplicatesShape = (
  d: CompanyDraft,
  o: {
    readonly keeperHistory: number
    readonly duplicateHistory: ReadonlyArray<number>
    readonly linkDuplicates: number
  }
): { readonly A: PomDraft; readonly duplicates: ReadonlyArray<PomDraft>; readonly R: QboDraft } => {
  const h = caseHousehold(d)
  const [nR = clean, nA = clean, ...nDuplicates] = caseNoise(d, 2 + o.duplicateHistory.length)
  const rCreated = d.daysAgo(500, 2600)
  const R = payer(d, h, { createdAt: rCreated, invoices: d.rng.int(3, 10), until: d.today, noise: nR })
  const aCreated = d.between(rCreated, rCreated + 30 * DAY_MS)
  const A = account(d, h, { createdAt: aCreated, link: R, history: o.keeperHistory, noise: nA })
  const duplicates = o.duplicateHistory.map((history, i) =>
    account(d, h, {
      createdAt: d.between(aCreated + 60 * DAY_MS, d.today - 20 * DAY_MS),
      link: d.rng.chance(o.linkDuplicates) ? R : null,
      history,
      noise: nDuplicates[i] ?? clean,
      status: history === 0 && d.rng.chance(0.3) ? "LEAD" : "ACTIVE"
    })
  )
  return { A, duplicates, R }
}

export const pomMerge = (d: CompanyDraft): CaseDraft => {
  const { A, duplicates, R } = pomDuplicatesShape(d, {
    keeperHistory: d.rng.int(5, 14),
    duplicateHistory: [d.rng.int(0, 2)],
    linkDuplicates: 0.6
  })
  return {
    recipe: "pom-merge", scenario: "pom-merge", pom: [A, ...duplicates], qbo: [R],
    keep: A, merge: duplicates, correct: R, wrong: [], move: []
  }
}
