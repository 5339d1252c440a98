import type { Country } from "../../../matchers/normalize/Country.ts"
import { Prng } from "../Prng.ts"
import { australianCities, britishTowns, canadianCities, familyNames, givenNames, streetNames, streetTypes } from "./places.ts"

/**
 * A labelled customer set from Canada, the UK and Australia: each customer as a POM account (`left`) and a QBO
 * customer (`right`), typed the way people there type them, plus look-alikes: a different household with the same
 * surname at the same house number and street in another town, whose postcode has the same digits and other
 * letters ("BA4 4JG" and "BS4 4AS"). Deterministic per seed.
 */
export interface LabelledCustomer {
  readonly id: string
  /** The true customer: equal on the two records of one customer, and only there. */
  readonly entity: string
  readonly country: Exclude<Country, "US">
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly phone: string
  readonly street: string
  readonly city: string
  readonly state: string
  readonly postcode: string
}

export interface InternationalCustomers {
  readonly left: ReadonlyArray<LabelledCustomer>
  readonly right: ReadonlyArray<LabelledCustomer>
  /** Entities planted as look-alikes of each other: never one customer. */
  readonly lookAlikes: ReadonlyArray<readonly [string, string]>
}

/** Where a household lives and how to reach it: one per entity, typed differently on each of its records. */
interface Household {
  readonly entity: string
  readonly country: Exclude<Country, "US">
  readonly first: string
  readonly last: string
  readonly email: string
  /** The national number without its trunk 0 ("1174960123"), or the ten NANP digits. */
  readonly national: string
  /** How many of its first digits are the area code (or mobile prefix), written apart from the rest. */
  readonly areaLength: number
  readonly houseNumber: number
  readonly street: string
  readonly city: string
  readonly region: string
  readonly regionName: string
  readonly postcode: string
}

const britishInward = "ABDEFGHJLNPQRSTUWXYZ"
const canadianLetters = "ABCEGHJKLMNPRSTVWXYZ"
const letterOf = (rng: Prng, letters: string): string => letters.charAt(rng.int(0, letters.length - 1))
const digitsOf = (rng: Prng, n: number, first = "23456789"): string => {
  let out = letterOf(rng, first)
  while (out.length < n) out += String(rng.int(0, 9))
  return out
}
const ascii = (s: string): string => s.normalize("NFKD").replace(/[^A-Za-z]/g, "").toLowerCase()

/** A place in `country`; `digitsLike` asks for a postcode with the same digits as that one, and other letters. */
const placeIn = (rng: Prng, country: Household["country"], digitsLike?: string) => {
  if (country === "GB") {
    const t = rng.pick(britishTowns)
    const outward = rng.pick(t.outward)
    const area = outward.replace(/\d.*$/, "")
    const postcode =
      digitsLike === undefined
        ? `${outward} ${rng.int(1, 9)}${letterOf(rng, britishInward)}${letterOf(rng, britishInward)}`
        : `${area}${digitsLike.replace(/^[A-Z]+/, "").replace(/ .*$/, "")} ${digitsLike.charAt(digitsLike.length - 3)}${letterOf(rng, britishInward)}${letterOf(rng, britishInward)}`
    const mobile = rng.chance(0.3)
    const national = mobile ? `7${digitsOf(rng, 9, "45789")}` : `${t.areaCode}${digitsOf(rng, t.localDigits)}`
    return { city: t.town, region: t.county, regionName: t.county, postcode, national, areaLength: mobile ? 4 : t.areaCode.length }
  }
  if (country === "CA") {
    const c = rng.pick(canadianCities)
    const fsa = rng.pick(c.fsa)
    const ldu = (d1: string, d2: string) => `${d1}${letterOf(rng, canadianLetters)}${d2}`
    const postcode =
      digitsLike === undefined
        ? `${fsa} ${ldu(String(rng.int(0, 9)), String(rng.int(0, 9)))}`
        : `${fsa.charAt(0)}${digitsLike.charAt(1)}${letterOf(rng, canadianLetters)} ${ldu(digitsLike.charAt(4), digitsLike.charAt(6))}`
    return { city: c.city, region: c.province, regionName: c.provinceName, postcode, national: `${rng.pick(c.areaCodes)}${digitsOf(rng, 7)}`, areaLength: 3 }
  }
  const a = rng.pick(australianCities)
  const postcode = String(rng.int(a.postcodes[0], a.postcodes[1])).padStart(4, "0")
  const mobile = rng.chance(0.35)
  const national = mobile ? `4${digitsOf(rng, 8, "0123456789")}` : `${a.areaCode}${rng.pick(a.localFirst)}${digitsOf(rng, 7, "0123456789")}`
  return { city: a.city, region: a.state, regionName: a.stateName, postcode, national, areaLength: mobile ? 3 : 1 }
}

const tlds = { GB: "co.uk", CA: "ca", AU: "com.au" } as const

const household = (rng: Prng, entity: string, country: Household["country"], k: number): Household => {
  const first = rng.pick(givenNames)
  const last = rng.pick(familyNames)
  return {
    entity,
    country,
    first,
    last,
    email: `${ascii(first)}.${ascii(last)}${k}@example.${tlds[country]}`,
    houseNumber: rng.int(1, 240),
    street: `${rng.pick(streetNames)} ${rng.pick(streetTypes)}`,
    ...placeIn(rng, country)
  }
}

/** The phone as a person there writes it at home ("020 7946 0958", "(02) 9876 5432", "(416) 729-1234"). */
const localPhone = (rng: Prng, h: Household): string => {
  const [code, local] = [h.national.slice(0, h.areaLength), h.national.slice(h.areaLength)]
  if (h.country === "CA") return rng.pick([`(${code}) ${local.slice(0, 3)}-${local.slice(3)}`, `${code}-${local.slice(0, 3)}-${local.slice(3)}`, `${code}.${local.slice(0, 3)}.${local.slice(3)}`])
  const split = `${local.slice(0, local.length - 4)} ${local.slice(-4)}`
  return rng.pick([`0${code} ${split}`, `(0${code}) ${split}`, `0${code}${local}`])
}

/** The same phone with its country code, as an accountant or an online form writes it. */
const internationalPhone = (rng: Prng, h: Household): string => {
  const n = h.national
  if (h.country === "CA") return rng.pick([`+1 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, `1-${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`])
  const country = h.country === "GB" ? "44" : "61"
  return rng.pick([`+${country} ${n.slice(0, h.areaLength)} ${n.slice(h.areaLength)}`, `+${country}${n}`, `+${country} (0)${n.slice(0, h.areaLength)} ${n.slice(h.areaLength)}`])
}

/** A postcode typed carelessly: lower case, or without its space. */
const typedPostcode = (rng: Prng, postcode: string): string =>
  rng.chance(0.5) ? postcode : rng.pick([postcode.toLowerCase(), postcode.replace(" ", ""), postcode.replace(" ", "").toLowerCase()])

const typo = (rng: Prng, s: string): string => {
  const i = rng.int(1, Math.max(1, s.length - 2))
  return rng.chance(0.5) ? s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2) : s.slice(0, i) + s.slice(i + 1)
}

const recordOf = (rng: Prng, h: Household, id: string, side: "left" | "right"): LabelledCustomer => {
  // The payer is now and then billed at another address (an office, a previous home) in the same country.
  const billedElsewhere = side === "right" && rng.chance(0.15)
  const place = billedElsewhere ? { ...placeIn(rng, h.country), houseNumber: rng.int(1, 240), street: `${rng.pick(streetNames)} ${rng.pick(streetTypes)}` } : h
  const emailOn = rng.next()
  return {
    id,
    entity: h.entity,
    country: h.country,
    firstName: side === "right" && rng.chance(0.08) ? typo(rng, h.first) : h.first,
    lastName: h.last,
    email: emailOn < 0.45 || (side === "left" ? emailOn < 0.65 : emailOn >= 0.65 && emailOn < 0.8) ? h.email : "",
    phone: side === "left" || rng.chance(0.35) ? localPhone(rng, h) : internationalPhone(rng, h),
    street: `${place.houseNumber} ${place.street}`,
    city: place.city,
    state: rng.chance(0.5) ? place.region : place.regionName,
    postcode: typedPostcode(rng, place.postcode)
  }
}

/** `perCountry` customers in each of Canada, the UK and Australia, and 12 % more look-alikes of them in Canada and the UK. */
export const internationalCustomers = (options: { readonly seed: number; readonly perCountry: number }): InternationalCustomers => {
  const rng = new Prng(options.seed)
  const households: Array<Household> = []
  const lookAlikes: Array<readonly [string, string]> = []
  for (const country of ["GB", "CA", "AU"] as const) {
    for (let k = 0; k < options.perCountry; k++) {
      const h = household(rng, `${country}-${k}`, country, households.length)
      households.push(h)
      if (country !== "AU" && rng.chance(0.12)) {
        const other = household(rng, `${country}-${k}-look-alike`, country, households.length)
        let first = other.first
        while (first === h.first) first = rng.pick(givenNames)
        let place = placeIn(rng, country, h.postcode)
        // Another town: the same house number and street in one town would be one property.
        while (place.city === h.city) place = placeIn(rng, country, h.postcode)
        const email = `${ascii(first)}.${ascii(h.last)}${households.length}@example.${tlds[country]}`
        households.push({ ...other, first, last: h.last, email, houseNumber: h.houseNumber, street: h.street, ...place })
        lookAlikes.push([h.entity, other.entity])
      }
    }
  }
  const left = households.map((h, k) => recordOf(rng, h, `pom-${k}`, "left"))
  const right = rng.shuffle(households.map((h, k) => recordOf(rng, h, `qbo-${k}`, "right")))
  return { left, right, lookAlikes }
}
