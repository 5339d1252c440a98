import type { NonEmptyReadonlyArray } from "effect/Array"
import { communityKinds, communityNames, businessKinds, legalForms } from "./data/BusinessNames.ts"
import { femaleFirstNames, lastNames, maleFirstNames, rareLastNameFrom } from "./data/PersonNames.ts"
import { directions, emailDomains, streetNames, streetSuffixes, towns, remoteBillingTowns } from "./data/Places.ts"
import type { Town } from "./data/Places.ts"
import { cumulativeWeights, type Prng } from "./Prng.ts"
import type { Registry } from "./Registry.ts"

/** A street address in parts, so each record can spell it its own way ("N Palm Ave" / "North Palm Avenue"). */
export interface StreetAddress {
  readonly number: number
  readonly direction: readonly [short: string, long: string] | null
  readonly name: string
  readonly suffix: readonly [short: string, long: string]
  readonly unit: string | null
  readonly town: Town
  readonly zip: string
  readonly plus4: string
}

export interface CompanyName {
  /** The name without its legal form; may hold "&" ("Smith & Jones Property Management"). */
  readonly core: string
  readonly legal: "LLC" | "Inc" | ""
}

/**
 * One real customer (a person or couple, or a business) at one property: the truth every POM account and QBO
 * customer of theirs is a noisy rendering of.
 */
export interface Household {
  readonly first: string
  readonly last: string
  readonly female: boolean
  readonly partnerFirst: string | null
  readonly company: CompanyName | null
  readonly email: string
  readonly email2: string | null
  readonly phone: string
  readonly mobile: string | null
  readonly phone2: string | null
  readonly address: StreetAddress
  /** Where bills go when not to the pool: a snowbird's home up north, a property manager's office. */
  readonly billing: StreetAddress | null
}

export interface HouseholdSpec {
  readonly company?: boolean
  readonly first?: string
  readonly female?: boolean
  readonly last?: string
  readonly rareLast?: boolean
  readonly town?: Town
  /** Put the property on this street, within a few doors of it (neighbours). */
  readonly nextTo?: StreetAddress
  /** `remote`: a snowbird billed at a home up north; `office`: a manager billed at an office in town. */
  readonly billing?: "remote" | "office"
}

const rankWeights = (n: number, flatten: number): ReadonlyArray<number> =>
  cumulativeWeights(Array.from({ length: n }, (_, i) => 1 / (i + flatten)))

const maleWeights = rankWeights(maleFirstNames.length, 10)
const femaleWeights = rankWeights(femaleFirstNames.length, 10)
const lastWeights = rankWeights(lastNames.length, 20)

const at = <A>(items: NonEmptyReadonlyArray<A>, i: number): A => items[i] ?? items[0]

export const pickFirstName = (rng: Prng, female: boolean): string =>
  female ? at(femaleFirstNames, rng.weightedIndex(femaleWeights)) : at(maleFirstNames, rng.weightedIndex(maleWeights))

export const pickLastName = (rng: Prng, rare: boolean): string =>
  rare ? at(lastNames, rng.int(rareLastNameFrom, lastNames.length - 1)) : at(lastNames, rng.weightedIndex(lastWeights))

const ordinal = (n: number): string => {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")
  return `${n}${suffix}`
}

const numberedSuffixes: NonEmptyReadonlyArray<readonly [string, string]> = [
  ["St", "Street"],
  ["Ave", "Avenue"],
  ["Way", "Way"],
  ["Pl", "Place"],
  ["Dr", "Drive"]
]

const newStreet = (rng: Prng, town: Town): Pick<StreetAddress, "direction" | "name" | "suffix"> => {
  if (town.grid && rng.chance(0.45)) {
    return { direction: rng.pick(directions), name: ordinal(rng.int(3, 99)), suffix: rng.pick(numberedSuffixes) }
  }
  const direction = rng.chance(town.grid ? 0.6 : 0.08) ? rng.pick(directions) : null
  return { direction, name: rng.pick(streetNames), suffix: rng.pick(streetSuffixes) }
}

const addressKey = (
  number: number,
  direction: StreetAddress["direction"],
  name: string,
  suffix: StreetAddress["suffix"],
  zip: string
): string => `${number}|${direction?.[0] ?? ""}|${name}|${suffix[0]}|${zip}`

const plus4 = (rng: Prng): string => String(rng.int(1000, 9999))

const newAddress = (rng: Prng, registry: Registry, town: Town, allowUnit: boolean): StreetAddress => {
  for (;;) {
    const street = newStreet(rng, town)
    const number = town.grid ? rng.int(1000, 25999) : rng.chance(0.5) ? rng.int(100, 999) : rng.int(1000, 9999)
    const zip = rng.pick(town.zips)
    if (registry.claim("address", addressKey(number, street.direction, street.name, street.suffix, zip))) {
      const unit = allowUnit && rng.chance(0.04) ? String(rng.chance(0.5) ? rng.int(1, 12) : rng.int(101, 412)) : null
      return { number, ...street, unit, town, zip, plus4: plus4(rng) }
    }
  }
}

/** A free address a few doors from `near`: same street, same ZIP, a close house number on the same side. */
const addressNextTo = (rng: Prng, registry: Registry, near: StreetAddress): StreetAddress => {
  for (let step = 1; ; step++) {
    const offset = 2 * step * (rng.chance(0.5) ? 1 : -1)
    const number = Math.max(2, near.number + offset)
    if (registry.claim("address", addressKey(number, near.direction, near.name, near.suffix, near.zip))) {
      return { ...near, number, unit: null, plus4: plus4(rng) }
    }
  }
}

/** Another free address in the same town (a second property, a relative's house). */
export const addressInTown = (rng: Prng, registry: Registry, town: Town): StreetAddress =>
  newAddress(rng, registry, town, false)

const ascii = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")

const personalEmail = (rng: Prng, first: string, last: string): string => {
  const f = ascii(first)
  const l = ascii(last)
  const local = [
    () => `${f}.${l}`,
    () => `${f}${l}`,
    () => `${f.charAt(0)}${l}`,
    () => `${f}${l}${rng.int(50, 99)}`,
    () => `${f}_${l}`,
    () => `${l}${f.charAt(0)}`,
    () => `${f}.${l}${rng.int(1, 9)}`,
    () => `${l}family`,
    () => `${f}${rng.int(50, 99)}`
  ] as const
  return `${rng.pick(local)()}@${rng.pick(emailDomains)}`
}

const businessEmail = (rng: Prng, company: CompanyName): string => {
  const slug = ascii(company.core.replace(/\b(HOA|Association|Homeowners|Community|Inc|LLC)\b/g, "")).slice(0, 24)
  const tld = /Association|HOA|Club/.test(company.core) ? "org" : "com"
  return rng.pick([`office@${slug}.${tld}`, `manager@${slug}.${tld}`, `${slug}@gmail.com`, `info@${slug}.${tld}`])
}

const claimEmail = (rng: Prng, registry: Registry, make: () => string): string => {
  for (let attempt = 0; ; attempt++) {
    const email = make()
    const candidate = attempt < 3 ? email : email.replace("@", `${rng.int(2, 999)}@`)
    if (registry.claim("email", candidate)) return candidate
  }
}

const newPhone = (rng: Prng, registry: Registry, town: Town): string => {
  for (;;) {
    let exchange = rng.int(201, 989)
    if (exchange % 100 === 11) exchange += 1
    const digits = `${rng.pick(town.areaCodes)}${exchange}${String(rng.int(0, 9999)).padStart(4, "0")}`
    if (registry.claim("phone", digits)) return digits
  }
}

const newCompanyName = (rng: Prng, registry: Registry): CompanyName => {
  for (;;) {
    const community = rng.chance(0.6)
    const name: CompanyName = community
      ? { core: `${rng.pick(communityNames)} ${rng.pick(communityKinds)}`, legal: rng.chance(0.3) ? "Inc" : "" }
      : {
          core: rng.chance(0.4)
            ? `${pickLastName(rng, false)} & ${pickLastName(rng, false)} ${rng.pick(businessKinds)}`
            : `${rng.chance(0.5) ? pickLastName(rng, false) : rng.pick(communityNames)} ${rng.pick(businessKinds)}`,
          legal: rng.pick(legalForms)
        }
    if (registry.claim("company", name.core.replace(/ & /g, " and "))) return name
  }
}

export const makeHousehold = (rng: Prng, registry: Registry, spec: HouseholdSpec = {}): Household => {
  const company = spec.company === true ? newCompanyName(rng, registry) : null
  const female = spec.female ?? rng.chance(0.5)
  const first = spec.first ?? pickFirstName(rng, female)
  const last = spec.last ?? pickLastName(rng, spec.rareLast === true)
  const town = spec.town ?? spec.nextTo?.town ?? rng.pick(towns)
  const address =
    spec.nextTo !== undefined ? addressNextTo(rng, registry, spec.nextTo) : newAddress(rng, registry, town, company === null)
  const billing =
    spec.billing === "remote"
      ? newAddress(rng, registry, rng.pick(remoteBillingTowns), false)
      : spec.billing === "office"
        ? newAddress(rng, registry, town, false)
        : null
  const email = claimEmail(rng, registry, () =>
    company !== null && rng.chance(0.8) ? businessEmail(rng, company) : personalEmail(rng, first, last)
  )
  const hasMobile = rng.chance(company === null ? 0.55 : 0.3)
  return {
    first,
    last,
    female,
    partnerFirst: company === null && rng.chance(0.3) ? pickFirstName(rng, !female) : null,
    company,
    email,
    email2: rng.chance(0.12) ? claimEmail(rng, registry, () => personalEmail(rng, first, last)) : null,
    phone: newPhone(rng, registry, town),
    mobile: hasMobile ? newPhone(rng, registry, town) : null,
    phone2: rng.chance(0.06) ? newPhone(rng, registry, town) : null,
    address,
    billing
  }
}
