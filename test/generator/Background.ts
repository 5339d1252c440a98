import { DAY_MS } from "./Clock.ts"
import type { CompanyDraft } from "./CompanyDraft.ts"
import type { QboDraft } from "./Drafts.ts"
import { addHistory } from "./History.ts"
import type { Household } from "./Household.ts"
import { addInvoices } from "./Invoices.ts"
import type { RecordNoise } from "./Render.ts"

/*
 * The ordinary customers around the planted cases: mostly active accounts each linked to its own payer, plus
 * leads, former customers and QBO-only payers. They are distinct people, so none of them forms a case.
 */

/** Between two systems typed by different people even a clean pair drifts a little. */
const lightNoise = (d: CompanyDraft): RecordNoise => ({
  name: d.rng.chance(0.03),
  drop: d.rng.chance(0.03) ? (d.rng.chance(0.5) ? "email" : "phone") : null
})

const backgroundHousehold = (d: CompanyDraft): Household => {
  const company = d.rng.chance(0.1)
  const billing = company ? (d.rng.chance(0.4) ? "office" : undefined) : d.rng.chance(0.04) ? "remote" : undefined
  return d.household(billing === undefined ? { company } : { company, billing })
}

/** About three invoices a customer, fewer for one who joined in the last few months. */
const invoiceCount = (d: CompanyDraft, createdAt: number): number =>
  Math.min(d.rng.int(0, 6), Math.floor((d.today - createdAt) / (30 * DAY_MS)) + 1)

/**
 * A heavier history than the default few items: a pool company with weekly service holds dozens of
 * appointments and services per customer a year, and monthly invoices. Given to every active ordinary customer.
 */
export interface HistoryVolume {
  readonly appointments: number
  readonly services: number
  readonly invoices: number
}

const activeCustomer = (d: CompanyDraft, volume: HistoryVolume | undefined): void => {
  const h = backgroundHousehold(d)
  const created = d.daysAgo(10, 2900)
  // Some payers came over from QuickBooks Desktop years before the POM account; most were made by the sync.
  const qboCreated = d.rng.chance(0.3) ? created - d.rng.int(1, 400) * DAY_MS : created + d.rng.int(0, 3600) * 1000
  const qbo = d.addQbo(h, { active: true, createdAt: qboCreated, noise: lightNoise(d) })
  addInvoices(d, qbo, volume?.invoices ?? invoiceCount(d, qboCreated), { from: qboCreated, until: d.today, status: "usual" })
  const pom = d.addPom(h, { status: "ACTIVE", createdAt: created, link: qbo })
  if (volume === undefined) addHistory(d, pom, d.rng.chance(0.05) ? 0 : d.rng.int(2, 8), { upcoming: true })
  else addHistory(d, pom, volume.appointments + volume.services, { upcoming: true, services: volume.services })
}

const lead = (d: CompanyDraft): void => {
  d.addPom(backgroundHousehold(d), { status: "LEAD", createdAt: d.daysAgo(3, 700), link: null })
}

/** A customer who left: history up to the day they left; the payer usually inactive, always paid up. */
const formerCustomer = (d: CompanyDraft): void => {
  const h = backgroundHousehold(d)
  const created = d.daysAgo(700, 3000)
  const left = d.between(created + 180 * DAY_MS, d.today - 60 * DAY_MS)
  let qbo: QboDraft | null = null
  if (d.rng.chance(0.9)) {
    qbo = d.addQbo(h, { active: d.rng.chance(0.3), createdAt: created, updatedAt: left, noise: lightNoise(d) })
    addInvoices(d, qbo, d.rng.int(1, 6), { from: created, until: left, status: "paid" })
  }
  const pom = d.addPom(h, { status: "INACTIVE", createdAt: created, updatedAt: left, link: qbo })
  addHistory(d, pom, d.rng.int(qbo === null ? 0 : 2, 8), { upcoming: false, until: left })
}

/** A payer billed straight from QBO, never set up in POM (a one-off repair), active or long gone. */
const qboOnly = (d: CompanyDraft, active: boolean): void => {
  const h = backgroundHousehold(d)
  const created = d.daysAgo(active ? 30 : 800, active ? 1500 : 3200)
  const until = active ? d.today : d.between(created + 30 * DAY_MS, created + 400 * DAY_MS)
  const qbo = d.addQbo(h, { active, createdAt: created, updatedAt: until, noise: lightNoise(d) })
  addInvoices(d, qbo, d.rng.int(1, 3), { from: created, until, status: active ? "usual" : "paid" })
}

/** Adds `accounts` POM accounts of ordinary customers, and about 5% more QBO-only payers. */
export const addBackground = (d: CompanyDraft, accounts: number, volume?: HistoryVolume): void => {
  for (let i = 0; i < accounts; i++) {
    const roll = d.rng.next()
    if (roll < 0.84) activeCustomer(d, volume)
    else if (roll < 0.89) lead(d)
    else formerCustomer(d)
  }
  const extraPayers = Math.round(accounts * 0.05)
  for (let i = 0; i < extraPayers; i++) qboOnly(d, d.rng.chance(0.4))
}
