import type { NonEmptyReadonlyArray } from "effect/Array"
import type { MatchRecord } from "../../matchers/MatchRecord.ts"
import { businessKinds, communityKinds, communityNames } from "../generator/data/BusinessNames.ts"
import { femaleFirstNames, lastNames, maleFirstNames } from "../generator/data/PersonNames.ts"
import { streetNames, streetSuffixes, type Town, towns } from "../generator/data/Places.ts"
import { Prng } from "../generator/Prng.ts"
import { matchRecord } from "./matchRecord.ts"

/*
 * A labelled set of businesses that share what a household never shares with a stranger: one property manager's
 * phone, e-mail and office on every community it manages; several businesses in one building; the sites of one
 * organisation on one street, on its main line. Each business is one POM account (its property) and one QBO
 * customer; only those two are one customer, however much a business shares with the others of its group. (Sites
 * of one organisation on one street, told apart by the house number alone, are left to the house-number rule.)
 */

/** How the businesses of a group are related, which says what their records share. */
export type BusinessGroupKind = "managed communities" | "one building" | "sites of one organisation"

export interface BusinessSitesSet {
  readonly records: ReadonlyArray<MatchRecord>
  /** The business each record belongs to: two records are one customer exactly when their entities are equal. */
  readonly entityOf: ReadonlyMap<string, string>
  /** The group of each business, for reporting which kind of sharing a wrong match came from. */
  readonly groupOf: ReadonlyMap<string, BusinessGroupKind>
}

/** A record's key in `entityOf`: "pom:<id>" or "qbo:<id>", as the matcher's evidence names records. */
export const recordKey = (r: Pick<MatchRecord, "ref">): string => `${r.ref.system}:${r.ref.id}`

interface Site {
  readonly number: number
  readonly street: string
  readonly zip: string
}

/** Endings of community names ("Palace Court", "Empress Court"), so that there are more names than groups need. */
const placeWords: NonEmptyReadonlyArray<string> = ["Court", "Gardens", "Pointe", "Landing", "Park", "Commons", "Place", "Isles"]

const firstName = (rng: Prng): string => rng.pick(rng.chance(0.5) ? maleFirstNames : femaleFirstNames)

const phoneIn = (rng: Prng, town: Town): string =>
  `${rng.pick(town.areaCodes)}${rng.int(201, 989)}${String(rng.int(0, 9999)).padStart(4, "0")}`

/** The ways people type one phone number. */
const typed = (rng: Prng, digits: string): string =>
  rng.pick([digits, `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`, `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`])

const slugOf = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 20)

const streetIn = (rng: Prng): string => `${rng.pick(streetNames)} ${rng.pick(streetSuffixes)[0]}`

const line = (s: Site): string => `${s.number} ${s.street}`

/**
 * Deterministic for a seed. `groups` of each kind; every business gets a name no other business in the set has,
 * so that its true partner is the only record naming it.
 */
export const businessSites = (seed: number, groups = 12): BusinessSitesSet => {
  const rng = new Prng(seed)
  const records: Array<MatchRecord> = []
  const entityOf = new Map<string, string>()
  const groupOf = new Map<string, BusinessGroupKind>()
  const usedNames = new Set<string>()
  let businesses = 0
  // The part of a name that says which business it is is never reused: "Mission Hills HOA" and "Mission Hills
  // Homeowners Association" are one name, not a trap.
  const uniqueName = (own: () => string, kinds: NonEmptyReadonlyArray<string>): string => {
    for (;;) {
      const name = own()
      if (!usedNames.has(name)) {
        usedNames.add(name)
        return `${name} ${rng.pick(kinds)}`
      }
    }
  }
  const placeName = (): string => (rng.chance(0.3) ? rng.pick(communityNames) : `${rng.pick(streetNames)} ${rng.pick(placeWords)}`)
  const communityName = (): string => uniqueName(placeName, communityKinds)
  const firmName = (): string => uniqueName(() => (rng.chance(0.5) ? rng.pick(lastNames) : placeName()), businessKinds)
  /** One business as its POM account and its QBO customer (the QBO name with a legal form, perhaps). */
  const business = (
    kind: BusinessGroupKind,
    town: Town,
    name: string,
    pom: Partial<MatchRecord> & { readonly site: Site },
    qbo: Partial<MatchRecord> & { readonly billedAt: Site }
  ): void => {
    const id = `b${businesses++}`
    const { site, ...pomFields } = pom
    const { billedAt, ...qboFields } = qbo
    const at = (s: Site) => ({ street: line(s), city: town.city, state: town.state, zip: s.zip })
    const qboName = `${name}${rng.pick(["", "", " LLC", " Inc", ", Inc."])}`
    const pair = [
      matchRecord("pom", id, { companyName: name, ...pomFields, address: at(site) }),
      matchRecord("qbo", id, { companyName: qboName, fullName: qboName, ...qboFields, address: at(billedAt) })
    ]
    for (const r of pair) {
      records.push(r)
      entityOf.set(recordKey(r), id)
    }
    groupOf.set(id, kind)
  }
  for (let g = 0; g < groups; g++) {
    // A property manager: one contact, one office phone and mailbox on every community, bills sent to the office.
    {
      const town = rng.pick(towns)
      const phone = phoneIn(rng, town)
      const firm = firmName()
      const email = `office@${slugOf(firm)}.com`
      const contact = { firstName: firstName(rng), lastName: rng.pick(lastNames) }
      const office: Site = { number: rng.int(100, 9999), street: streetIn(rng), zip: rng.pick(town.zips) }
      const oneStreet = rng.chance(0.5) ? streetIn(rng) : null
      const zip = rng.pick(town.zips)
      const count = rng.int(3, 6)
      for (let k = 0; k < count; k++) {
        const site: Site = { number: rng.int(100, 9999), street: oneStreet ?? streetIn(rng), zip: oneStreet === null ? rng.pick(town.zips) : zip }
        business(
          "managed communities",
          town,
          communityName(),
          { ...contact, phones: [typed(rng, phone)], emails: [email], site },
          { ...contact, phones: [typed(rng, phone)], emails: [email.toUpperCase()], billedAt: rng.chance(0.7) ? office : site }
        )
      }
    }
    // Businesses in one building: the same number, street and ZIP, each its own name, phone and mailbox.
    {
      const town = rng.pick(towns)
      const building: Site = { number: rng.int(100, 9999), street: streetIn(rng), zip: rng.pick(town.zips) }
      const count = rng.int(2, 4)
      for (let k = 0; k < count; k++) {
        const name = rng.chance(0.5) ? communityName() : firmName()
        const phone = phoneIn(rng, town)
        const email = `${rng.pick(["info", "office", "manager"])}@${slugOf(name)}.com`
        const contact = { firstName: firstName(rng), lastName: rng.pick(lastNames) }
        business(
          "one building",
          town,
          name,
          { ...contact, phones: [typed(rng, phone)], emails: [email], site: building },
          { ...contact, phones: [typed(rng, phone)], emails: [email], billedAt: building }
        )
      }
    }
    // One organisation's sites across one town: one name, one main line and one mailbox for the whole
    // organisation, a manager per site, each site billed where it is.
    {
      const town = rng.pick(towns)
      const name = firmName()
      const mainLine = phoneIn(rng, town)
      const shared = rng.chance(0.5) ? `info@${slugOf(name)}.com` : null
      const count = rng.int(3, 6)
      for (let k = 0; k < count; k++) {
        const site: Site = { number: rng.int(100, 9999), street: streetIn(rng), zip: rng.pick(town.zips) }
        const manager = { firstName: firstName(rng), lastName: rng.pick(lastNames) }
        const email = shared ?? `${manager.firstName.toLowerCase()}.${slugOf(manager.lastName)}@${slugOf(name)}.com`
        const own = phoneIn(rng, town)
        business(
          "sites of one organisation",
          town,
          name,
          { ...manager, phones: [typed(rng, mainLine), typed(rng, own)], emails: [email], site },
          { ...manager, phones: [typed(rng, mainLine)], emails: [email], billedAt: site }
        )
      }
    }
  }
  return { records, entityOf, groupOf }
}
