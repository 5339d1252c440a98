import { recaseEmail, typePhone, typeStreet, typeZip } from "./Formats.ts"
import type { Household, StreetAddress } from "./Household.ts"
import { companySpelling, nameForm, personDisplayNames, pomFirstName } from "./Noise.ts"
import type { Prng } from "./Prng.ts"
import type { Registry } from "./Registry.ts"

/** What differs between this record and the household it renders, beyond spelling (which always varies). */
export interface RecordNoise {
  /** A nickname, one typo, or the couple named together. */
  readonly name: boolean
  /** This record lacks every email, or every phone, or both (`contacts`: a name and an address only). */
  readonly drop: "email" | "phone" | "contacts" | null
  /** QBO only: this customer duplicates one already in QBO, and its DisplayName shows it ("Doe, John"). */
  readonly duplicate?: boolean
}

export const cleanRecord: RecordNoise = { name: false, drop: null }

/** The POM customer columns a household decides (ids, links, status and dates are the draft's). */
export interface PomFields {
  readonly firstName: string
  readonly lastName: string
  readonly companyName: string
  readonly email: string
  readonly phone: string
  readonly mobilePhone: string
  readonly street: string
  readonly city: string
  readonly state: string
  readonly zipCode: string
  readonly email2: string
  readonly phone2: string
  readonly billingStreet: string
  readonly billingCity: string
  readonly billingState: string
  readonly billingZipCode: string
}

export interface QboAddressFields {
  readonly Line1: string
  readonly City: string
  readonly CountrySubDivisionCode: string
  readonly PostalCode: string
}

export interface QboFields {
  readonly displayName: string
  readonly givenName: string
  readonly familyName: string
  readonly companyName: string
  readonly email: string
  readonly phone: string
  readonly mobile: string
  readonly billAddr: QboAddressFields
  readonly shipAddr: QboAddressFields | null
}

const typed = (rng: Prng, digits: string | null): string => (digits === null ? "" : typePhone(rng, digits))

export const renderPom = (rng: Prng, h: Household, noise: RecordNoise): PomFields => {
  const name = nameForm(rng, h, noise.name)
  const company = h.company === null ? "" : companySpelling(rng, h.company, noise.name)
  const contact = h.company === null || rng.chance(0.5)
  const noPhone = noise.drop === "phone" || noise.drop === "contacts"
  const noEmail = noise.drop === "email" || noise.drop === "contacts"
  // Office staff often type the cell number into the first phone field.
  const swap = h.mobile !== null && rng.chance(0.15)
  const billing = h.billing ?? (rng.chance(0.06) ? h.address : null)
  return {
    firstName: contact ? pomFirstName(name) : "",
    lastName: contact ? name.last : "",
    companyName: company,
    email: noEmail ? "" : rng.chance(0.04) ? recaseEmail(h.email) : h.email,
    phone: noPhone ? "" : typed(rng, swap ? h.mobile : h.phone),
    mobilePhone: noPhone ? "" : typed(rng, swap ? h.phone : h.mobile),
    street: typeStreet(rng, h.address, 0.15),
    city: h.address.town.city,
    state: h.address.town.state,
    zipCode: typeZip(rng, h.address, 0.05),
    email2: noEmail || h.email2 === null ? "" : h.email2,
    phone2: noPhone ? "" : typed(rng, h.phone2),
    billingStreet: billing === null ? "" : typeStreet(rng, billing, 0.15),
    billingCity: billing?.town.city ?? "",
    billingState: billing?.town.state ?? "",
    billingZipCode: billing === null ? "" : typeZip(rng, billing, 0.05)
  }
}

const qboAddress = (rng: Prng, a: StreetAddress): QboAddressFields => ({
  Line1: typeStreet(rng, a, 0.35),
  City: a.town.city,
  CountrySubDivisionCode: a.town.state,
  PostalCode: typeZip(rng, a, 0.15)
})

/** "(Palm Ave)": how bookkeepers tell two customers of one name apart. */
const streetLabel = (a: StreetAddress): string => `(${a.name} ${a.suffix[0]})`

/** Claims the first free DisplayName among `options`, else "Name 2", "Name 3"… (QBO refuses a repeat). */
const claimDisplayName = (registry: Registry, options: ReadonlyArray<string>): string => {
  for (const c of options) if (registry.claim("displayName", c)) return c
  const base = options[0] ?? "Customer"
  for (let n = 2; ; n++) if (registry.claim("displayName", `${base} ${n}`)) return `${base} ${n}`
}

export const renderQbo = (rng: Prng, registry: Registry, h: Household, noise: RecordNoise): QboFields => {
  const name = nameForm(rng, h, noise.name)
  const duplicate = noise.duplicate === true
  const company = h.company === null ? "" : companySpelling(rng, h.company, noise.name)
  const options =
    company !== ""
      ? [company, `${company} (${h.address.town.city})`]
      : personDisplayNames(rng, name, h.female, streetLabel(h.address), duplicate)
  // Customers imported from older books often carry only a DisplayName.
  const nameParts = h.company === null ? rng.chance(0.92) : rng.chance(0.5)
  const noPhone = noise.drop === "phone" || noise.drop === "contacts"
  const noEmail = noise.drop === "email" || noise.drop === "contacts"
  const billing = h.billing ?? h.address
  const billAddr = qboAddress(rng, billing)
  return {
    displayName: claimDisplayName(registry, options),
    givenName: nameParts ? name.first : "",
    familyName: nameParts ? name.last : "",
    companyName: company,
    email: noEmail ? "" : rng.chance(0.08) ? recaseEmail(h.email) : h.email,
    phone: noPhone ? "" : typed(rng, h.phone),
    mobile: noPhone ? "" : typed(rng, h.mobile),
    billAddr,
    shipAddr: h.billing !== null ? qboAddress(rng, h.address) : rng.chance(0.4) ? billAddr : null
  }
}
