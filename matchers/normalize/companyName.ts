import { foldWords } from "./foldText.ts"

// Legal forms carry no identity: "Acme Pools LLC" and "Acme Pools, Inc." are one business as far as a match goes.
const legalForms = new Set([
  "llc", "l l c", "inc", "incorporated", "co", "corp", "corporation", "company", "ltd", "limited", "lp", "llp",
  "pllc", "pc", "plc", "pty"
])
const homeownersForms: ReadonlyArray<ReadonlyArray<string>> = [
  ["home", "owners", "association"],
  ["homeowners", "association"],
  ["homeowners", "assn"],
  ["home", "owners", "assn"],
  ["homeowner", "association"],
  ["home", "owners", "assoc"],
  ["homeowners", "assoc"]
]

const replaceSequence = (ws: Array<string>, seq: ReadonlyArray<string>, by: string): Array<string> => {
  const out: Array<string> = []
  for (let i = 0; i < ws.length; i++) {
    let hit = true
    for (let k = 0; k < seq.length; k++) {
      if (ws[i + k] !== seq[k]) {
        hit = false
        break
      }
    }
    if (hit) {
      out.push(by)
      i += seq.length - 1
    } else {
      const w = ws[i]
      if (w !== undefined) out.push(w)
    }
  }
  return out
}

/**
 * Folds a company name for comparison: case, accents and punctuation go, "&" and "and" become one word, a leading
 * "The" and trailing legal forms (LLC, Inc, "& Co", ...) are dropped, and the spellings of "homeowners association"
 * become "hoa". Returns "" for a blank name.
 */
export const normalizeCompanyName = (raw: string): string => {
  let ws = foldWords(raw.replace(/&/g, " and ").replace(/\bL\.\s?L\.\s?C\.?/gi, "llc"))
  for (const seq of homeownersForms) ws = replaceSequence(ws, seq, "hoa")
  if (ws[0] === "the" && ws.length > 1) ws = ws.slice(1)
  while (ws.length > 1) {
    const last = ws[ws.length - 1]
    if (last === undefined || !(legalForms.has(last) || last === "and")) break
    ws = ws.slice(0, -1)
  }
  return ws.join(" ")
}

/**
 * Words that say what kind of organisation a business is rather than which one: "Johnson Realty Group" and
 * "Jackson Realty Group" differ in "johnson" and "jackson" alone, and "Heron Bay HOA" and "Heron Bay Swim Club"
 * in no word that names anyone. Folded as `normalizeCompanyName` leaves them.
 */
export const organisationKindWords: ReadonlySet<string> = new Set([
  "hoa", "poa", "association", "assn", "assoc", "community", "condominium", "condominiums", "condo", "condos",
  "owners", "homeowners", "club", "swim", "apartments", "apartment", "villas", "townhomes", "townhouses", "estates",
  "property", "properties", "management", "mgmt", "group", "realty", "real", "estate", "rentals", "rental",
  "vacation", "holdings", "investments", "services", "service", "home", "homes", "pool", "pools", "and", "of"
])
