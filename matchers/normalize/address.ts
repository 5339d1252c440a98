import type { PostalAddress } from "../../pipeline/domain/PomRecords.ts"
import type { Country } from "./Country.ts"
import { countryOfAddress } from "./countryOfAddress.ts"
import { foldText, foldWords } from "./foldText.ts"
import { numberStreetWords } from "./numberedStreet.ts"
import { normalizePostcode } from "./postcode.ts"
import { australianStates, canadianProvinces } from "./regionCodes.ts"
import { directionals, stateCodes, streetSuffixes, unitDesignators } from "./uspsAbbreviations.ts"

/** A street address split into the parts a match compares; "" marks a part the address does not have. */
export interface NormalizedAddress {
  /** "123", "123a", "12-14". */
  readonly houseNumber: string
  /** USPS-abbreviated street name with its directionals: "n main st". For a PO box: "po box". */
  readonly streetName: string
  /** The secondary unit's identifier without its designator: "Apt 4B", "#4b", "Suite 4b" → "4b". */
  readonly unit: string
  readonly isPoBox: boolean
  readonly city: string
  /** The code of a US state, Canadian province or Australian state ("fl", "on", "nsw"), else the folded text. */
  readonly state: string
  /** The postcode as its country writes it (`normalizePostcode`): "33701", "K1A 0B1", "BA4 4JG", "2000". */
  readonly zip: string
  /** Read from the address itself, else the company's country (`countryOfAddress`). */
  readonly country: Country
}

/** Royal Mail's word for an apartment, beside USPS's designators. */
const isUnitDesignator = (w: string): boolean => unitDesignators.has(w) || w === "flat"

/** "2/10 Smith Street": unit 2 of number 10, as Australians write it. Only before a number and a street name. */
const slashUnit = /^\s*([a-z0-9]{1,5})\s*\/\s*(?=\d+[a-z]?\s+[a-z])/i

const poBox = /^\s*(?:p\.?\s*o\.?\s*b(?:ox)?|post\s+office\s+box|box)\b\.?\s*#?\s*([a-z0-9-]+)/i
const houseNumberShape = /^\d+[a-z]?$|^\d+-\d+[a-z]?$/

/** The code of a US state, Canadian province or Australian state, named or coded; else the folded text. */
export const normalizeState = (raw: string): string => {
  const folded = foldText(raw)
  return stateCodes.get(folded) ?? canadianProvinces.get(folded) ?? australianStates.get(folded) ?? folded
}

/** Towns, states and ZIPs repeat across thousands of records: each spelling is normalised once. */
const remembered = (normalize: (raw: string) => string, limit = 100_000): ((raw: string) => string) => {
  const known = new Map<string, string>()
  return (raw) => {
    let value = known.get(raw)
    if (value === undefined) {
      value = normalize(raw)
      if (known.size < limit) known.set(raw, value)
    }
    return value
  }
}

const cityOf = remembered(foldText)
const stateOf = remembered(normalizeState)

/** Abbreviates directionals at either end and the street suffix (the last word, or the one before a trailing directional). */
const abbreviateStreet = (ws: ReadonlyArray<string>): Array<string> => {
  const out = [...ws]
  const n = out.length
  if (n === 0) return out
  const abbreviate = (i: number, table: ReadonlyMap<string, string>): boolean => {
    const w = out[i]
    const standard = w === undefined ? undefined : table.get(w)
    if (standard === undefined) return false
    out[i] = standard
    return true
  }
  // A one-word street ("Broadway", "North") has no suffix or directional to abbreviate.
  if (n === 1) return out
  abbreviate(0, directionals)
  const trailingDirectional = abbreviate(n - 1, directionals)
  const suffixAt = trailingDirectional ? n - 2 : n - 1
  if (suffixAt >= 1) abbreviate(suffixAt, streetSuffixes)
  return out
}

/** The street line of an address split into the parts a match compares. */
export type StreetParts = Pick<NormalizedAddress, "houseNumber" | "streetName" | "unit" | "isPoBox">

/** Splits "123 N Main Street Apt 4B" into house number, street name and unit. */
const splitStreet = (raw: string): StreetParts => {
  const box = poBox.exec(raw)
  if (box?.[1] !== undefined) return { houseNumber: foldText(box[1]).replace(/ /g, ""), streetName: "po box", unit: "", isPoBox: true }
  // "#" marks a unit even when glued to its identifier ("#4B"); folding would drop it, so it becomes "unit".
  let ws = foldWords(raw.replace(/#/g, " unit "))
  // "Flat 2, 10 High Street", "Apt 4B, 100 King St W": the unit written before the house number.
  const leading = ws[0] !== undefined && isUnitDesignator(ws[0]) && houseNumberShape.test(ws[2] ?? "") ? (ws[1] ?? "") : ""
  if (leading !== "") ws = ws.slice(2)
  let unitStart = ws.length
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i]
    if (w !== undefined && isUnitDesignator(w)) {
      unitStart = i
      break
    }
  }
  const unitWords = [leading, ...ws.slice(unitStart).filter((w) => !isUnitDesignator(w))]
  let streetWords = ws.slice(0, unitStart)
  let houseNumber = ""
  const first = streetWords[0]
  if (first !== undefined && houseNumberShape.test(first)) {
    houseNumber = first
    streetWords = streetWords.slice(1)
    // "12 B Main St": a single letter right after the number belongs to it, unless it is a directional.
    const next = streetWords[0]
    if (next !== undefined && streetWords.length > 1 && /^[a-z]$/.test(next) && !directionals.has(next)) {
      houseNumber += next
      streetWords = streetWords.slice(1)
    }
  }
  return { houseNumber, streetName: abbreviateStreet(numberStreetWords(streetWords)).join(" "), unit: unitWords.join(""), isPoBox: false }
}

/** Normalises the street line of an address: "123 1/2 N Main Street Apt 4B" → "123h", "n main st", "4b". */
export const normalizeStreet = (raw: string): StreetParts => {
  const slash = slashUnit.exec(raw)
  if (slash !== null) {
    const parts = normalizeStreet(raw.slice(slash[0].length))
    return { ...parts, unit: `${foldText(slash[1] ?? "")}${parts.unit}` }
  }
  // "123 1/2 Main St": the half house number becomes "123h" so it stays one token.
  return splitStreet(raw.includes("1/2") || raw.includes("½") ? raw.replace(/(\d)\s*(?:1\/2|½)/g, "$1h") : raw)
}

/** Normalises a postal address; null when every part of it is blank. `country` is the company's, if known. */
export const normalizeAddress = (address: PostalAddress, country: Country | null = null): NormalizedAddress | null => {
  const street = normalizeStreet(address.street)
  const city = cityOf(address.city)
  const state = stateOf(address.state)
  const own = countryOfAddress(state, address.zip, country)
  const zip = normalizePostcode(address.zip, own)
  if (street.houseNumber === "" && street.streetName === "" && street.unit === "" && city === "" && state === "" && zip === "") {
    return null
  }
  return { ...street, city, state, zip, country: own }
}
