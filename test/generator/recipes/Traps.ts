import { DAY_MS } from "../Clock.ts"
import type { CompanyDraft } from "../CompanyDraft.ts"
import { femaleFirstNames, lastNames, maleFirstNames, nicknames } from "../data/PersonNames.ts"
import { towns } from "../data/Places.ts"
import type { PomDraft, QboDraft } from "../Drafts.ts"
import { addressInTown, pickFirstName, pickLastName, type Household } from "../Household.ts"
import type { RecordNoise } from "../Render.ts"
import { account, clean, payer, type TrapDraft } from "./Planted.ts"

/*
 * Records that look alike but are not duplicates. A pipeline that joins any of them into a case has a matcher
 * that trusts names, streets or a shared payer too much.
 */

/** An ordinary customer: one account linked to its own payer, each typed with the given noise. */
const ownAccount = (
  d: CompanyDraft,
  h: Household,
  noise: { readonly pom: RecordNoise; readonly qbo: RecordNoise } = { pom: clean, qbo: clean }
): { pom: PomDraft; qbo: QboDraft } => {
  const created = d.daysAgo(60, 2600)
  const qbo = payer(d, h, { createdAt: created, invoices: d.rng.int(1, 7), until: d.today, noise: noise.qbo })
  const pom = account(d, h, { createdAt: created + d.rng.int(0, 5) * DAY_MS, link: qbo, history: d.rng.int(2, 9), noise: noise.pom })
  return { pom, qbo }
}

/** One owner, two properties (often a home and a rental), one QBO payer: two accounts is right. */
export const multiProperty = (d: CompanyDraft): TrapDraft => {
  const home = d.household({ company: false })
  const town = d.rng.chance(0.6) ? home.address.town : d.rng.pick(towns)
  const rental: Household = { ...home, address: addressInTown(d.rng, d.registry, town), billing: home.address }
  const created = d.daysAgo(400, 2600)
  const R = payer(d, home, { createdAt: created, invoices: d.rng.int(4, 12), until: d.today, noise: clean })
  const first = account(d, home, { createdAt: created + d.rng.int(0, 20) * DAY_MS, link: R, history: d.rng.int(3, 10), noise: clean })
  const secondCreated = d.between(first.createdAt + 90 * DAY_MS, d.today - 30 * DAY_MS)
  const second = account(d, rental, { createdAt: secondCreated, link: R, history: d.rng.int(3, 10), noise: clean })
  return { kind: "multi-property", pom: [first, second], qbo: [R] }
}

/** Two households a few doors apart on one street. */
export const neighbours = (d: CompanyDraft): TrapDraft => {
  const one = d.household({ company: false })
  let last = pickLastName(d.rng, false)
  while (last === one.last) last = pickLastName(d.rng, false)
  const two = d.household({ company: false, last, nextTo: one.address })
  const a = ownAccount(d, one)
  const b = ownAccount(d, two)
  return { kind: "neighbours", pom: [a.pom, b.pom], qbo: [a.qbo, b.qbo] }
}

/** Two households of one uncommon family name in one town: relatives, not duplicates. */
export const relatives = (d: CompanyDraft): TrapDraft => {
  const one = d.household({ company: false, rareLast: true })
  let female = d.rng.chance(0.5)
  let first = pickFirstName(d.rng, female)
  while (first === one.first) {
    female = d.rng.chance(0.5)
    first = pickFirstName(d.rng, female)
  }
  const two = d.household({ company: false, last: one.last, first, female, town: one.address.town })
  const a = ownAccount(d, one)
  const b = ownAccount(d, two)
  return { kind: "relatives", pom: [a.pom, b.pom], qbo: [a.qbo, b.qbo] }
}

/**
 * Relatives next door: one surname, two houses a few doors apart on one street, each household with its own first
 * names, contacts and payer, each account linked to its own payer. Every cross pair shares surname, street and
 * ZIP; only the first name, the house number and the contacts tell them apart.
 */
export const relativesNextDoor = (d: CompanyDraft): TrapDraft => {
  const one = d.household({ company: false, rareLast: true })
  // Not the same people under other names: no first name of one household is another's, or a nickname of it.
  const ones = [one.first, ...(one.partnerFirst === null ? [] : [one.partnerFirst])]
  const nicknamesOf = (name: string): ReadonlyArray<string> => nicknames.get(name) ?? []
  const related = (name: string): boolean =>
    ones.some((o) => o === name || nicknamesOf(o).includes(name) || nicknamesOf(name).includes(o))
  let female = d.rng.chance(0.5)
  let first = pickFirstName(d.rng, female)
  while (related(first)) {
    female = d.rng.chance(0.5)
    first = pickFirstName(d.rng, female)
  }
  const drawn = d.household({ company: false, last: one.last, first, female, nextTo: one.address })
  const two = drawn.partnerFirst !== null && related(drawn.partnerFirst) ? { ...drawn, partnerFirst: null } : drawn
  // QBO customers carried over from older books often hold a name and an address only: then the two payers, and
  // each account with the other's payer, have no contact to disagree on.
  const sparse = { pom: clean, qbo: { name: false, drop: "contacts" } } as const
  const a = ownAccount(d, one, sparse)
  const b = ownAccount(d, two, sparse)
  return { kind: "relatives-next-door", pom: [a.pom, b.pom], qbo: [a.qbo, b.qbo] }
}

/** Two different people with one very common name ("John Smith"). */
export const commonName = (d: CompanyDraft): TrapDraft => {
  const female = d.rng.chance(0.4)
  const first = female ? (femaleFirstNames[d.rng.int(0, 7)] ?? "Mary") : (maleFirstNames[d.rng.int(0, 7)] ?? "John")
  const last = lastNames[d.rng.int(0, 9)] ?? "Smith"
  const one = d.household({ company: false, first, last, female })
  const two = d.household({ company: false, first, last, female })
  const a = ownAccount(d, one)
  const b = ownAccount(d, two)
  return { kind: "common-name", pom: [a.pom, b.pom], qbo: [a.qbo, b.qbo] }
}
