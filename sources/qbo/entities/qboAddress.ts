import type { PostalAddress } from "../../../pipeline/domain/PomRecords.ts"

/** The parts of a QBO PhysicalAddress the pipeline uses; everything may be absent. */
export interface QboPhysicalAddressFields {
  readonly Line1?: string | null | undefined
  readonly Line2?: string | null | undefined
  readonly Line3?: string | null | undefined
  readonly Line4?: string | null | undefined
  readonly Line5?: string | null | undefined
  readonly City?: string | null | undefined
  readonly CountrySubDivisionCode?: string | null | undefined
  readonly PostalCode?: string | null | undefined
  readonly Country?: string | null | undefined
}

/** Compared ignoring case, spaces and punctuation: "Middlefield, CA  94303" is the same as the City/State/Zip. */
const key = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "")

/** A US or Canadian last line, "City, ST 12345" or "City ON K1A 0B1". */
const CITY_LINE = /^(.+?)[,\s]+([A-Za-z]{2})\.?\s+(\d{5}(?:-\d{4})?|[A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d)$/

interface CityStateZip {
  readonly city: string
  readonly state: string
  readonly zip: string
}

/**
 * QBO keeps a free-form address (typed into one box, or printed on an invoice) as lines only: the city, state
 * and zip sit in the last line that looks like one, and the fields are empty.
 */
const fromFreeForm = (lines: ReadonlyArray<string>): { readonly place: CityStateZip; readonly index: number } | null => {
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = CITY_LINE.exec(lines[i] ?? "")
    if (match !== null) return { place: { city: match[1] ?? "", state: match[2] ?? "", zip: match[3] ?? "" }, index: i }
  }
  return null
}

/**
 * The pipeline's address from a QBO address. `street` is Line1..Line5 joined, leaving out lines that repeat the
 * city/state/zip, the country, or the customer's own name (QBO puts the addressee in Line1 of printed
 * addresses). `null` when nothing is left.
 */
export const toPostalAddress = (
  addr: QboPhysicalAddressFields | null | undefined,
  names: ReadonlyArray<string>
): PostalAddress | null => {
  if (addr === undefined || addr === null) return null
  const lines = [addr.Line1, addr.Line2, addr.Line3, addr.Line4, addr.Line5]
    .map((l) => (l ?? "").trim())
    .filter((l) => l !== "")
  const fields: CityStateZip = {
    city: (addr.City ?? "").trim(),
    state: (addr.CountrySubDivisionCode ?? "").trim(),
    zip: (addr.PostalCode ?? "").trim()
  }
  const freeForm = fields.city === "" && fields.state === "" && fields.zip === "" ? fromFreeForm(lines) : null
  const place = freeForm?.place ?? fields
  const repeats = new Set(
    [
      place.city + place.state + place.zip,
      place.city + place.state,
      place.city,
      (addr.Country ?? "").trim(),
      ...names
    ]
      .map(key)
      .filter((k) => k !== "")
  )
  const street = lines
    .filter((line, i) => i !== freeForm?.index && !repeats.has(key(line)))
    .join(", ")
  const address = { street, city: place.city, state: place.state, zip: place.zip }
  return Object.values(address).every((v) => v === "") ? null : address
}
