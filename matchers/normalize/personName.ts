import { foldWords } from "./foldText.ts"

/**
 * A person-name field reduced to comparable parts. A record can name several people ("Mr & Mrs John Doe",
 * "John and Jane Doe"); each given name and surname it holds is kept, the first one primary.
 */
export interface PersonName {
  /** Given names, primary first; "mary ann" also yields "maryann". */
  readonly givenNames: ReadonlyArray<string>
  /** Surnames, primary first; multi-word surnames are joined ("van der berg" → "vanderberg") and also kept by word. */
  readonly surnames: ReadonlyArray<string>
}

export const emptyPersonName: PersonName = { givenNames: [], surnames: [] }

const honorifics = new Set([
  "mr", "mrs", "ms", "miss", "mister", "missus", "mx", "messrs", "dr", "doctor", "prof", "professor", "rev",
  "reverend", "sir", "dame", "lady", "lord", "hon", "capt", "sgt", "col", "lt", "maj"
])
const suffixes = new Set([
  "jr", "junior", "sr", "senior", "ii", "iii", "iv", "phd", "md", "dds", "dvm", "esq", "cpa", "rn", "jd"
])
// Words that turn a surname into a household ("The Smith Family") without naming anyone.
const householdWords = new Set(["the", "family", "household", "residence"])
const connectors = new Set(["and", "or"])

const isNoise = (w: string): boolean => honorifics.has(w) || suffixes.has(w) || householdWords.has(w)

// QBO wants every DisplayName unique, so a second "John Smith" is saved as "John Smith 2" or "John Smith (Oak St)".
// Neither the bracketed note nor a number names anyone: read as names they made "oak" or "2" a surname, which
// joined two neighbours' QBO customers on their street and parted a POM account from its own QBO customer.
const bracketed = /\([^()]*\)|\[[^\[\]]*\]/g
const hasDigit = /[0-9]/

const words = (raw: string): Array<string> =>
  foldWords(raw.replace(bracketed, " ").replace(/[&+/]/g, " and ")).filter((w) => !hasDigit.test(w))

/** Splits folded words into people at "and"/"&", dropping titles and suffixes and people left with no words. */
const people = (ws: ReadonlyArray<string>): Array<Array<string>> => {
  const out: Array<Array<string>> = []
  let current: Array<string> = []
  for (const w of ws) {
    if (connectors.has(w)) {
      out.push(current)
      current = []
    } else if (!isNoise(w)) current.push(w)
  }
  out.push(current)
  return out.filter((p) => p.length > 0)
}

const pushUnique = (into: Array<string>, value: string): void => {
  if (value !== "" && !into.includes(value)) into.push(value)
}

/** Given-name words of one person: initials dropped unless nothing else is left. */
const addGiven = (into: Array<string>, ws: ReadonlyArray<string>): void => {
  const full = ws.filter((w) => w.length > 1)
  const kept = full.length > 0 ? full : ws
  const first = kept[0]
  if (first === undefined) return
  pushUnique(into, first)
  if (kept.length > 1) pushUnique(into, kept.join(""))
}

const addSurname = (into: Array<string>, ws: ReadonlyArray<string>): void => {
  if (ws.length === 0) return
  pushUnique(into, ws.join(""))
  if (ws.length > 1) for (const w of ws) if (w.length > 1) pushUnique(into, w)
}

/** "Doe, John" and "Doe, John Jr.": the part before the first comma is the surname. */
const parseLastCommaFirst = (raw: string): PersonName => {
  const comma = raw.indexOf(",")
  const givenNames: Array<string> = []
  const surnames: Array<string> = []
  addSurname(surnames, words(raw.slice(0, comma)).filter((w) => !isNoise(w)))
  for (const person of people(words(raw.slice(comma + 1)))) addGiven(givenNames, person)
  return { givenNames, surnames }
}

/** A whole name in one field: "Mr & Mrs John Doe", "John and Jane Doe", "John Doe & Jane Roe", "Smith". */
const parseFullName = (raw: string): PersonName => {
  if (raw.includes(",")) return parseLastCommaFirst(raw)
  const givenNames: Array<string> = []
  const surnames: Array<string> = []
  const ps = people(words(raw))
  // A household name such as "The Smiths" or a single word is read as a surname.
  if (ps.length === 1 && ps[0]?.length === 1) {
    addSurname(surnames, ps[0])
    return { givenNames, surnames }
  }
  // "John and Jane Doe": people without a surname of their own share the last person's.
  for (const p of ps) {
    if (p.length === 1) addGiven(givenNames, p)
    else {
      addGiven(givenNames, p.slice(0, -1))
      addSurname(surnames, p.slice(-1))
    }
  }
  return { givenNames, surnames }
}

export interface PersonNameFields {
  readonly firstName: string
  readonly lastName: string
  readonly fullName: string
}

/**
 * True when the first and last name are read each on its own (`givenNamesOf`, `surnamesOf`): then a record's name
 * depends on neither the other field nor the full name, so callers may normalise each spelling once.
 */
export const readsFirstAndLastApart = (fields: PersonNameFields): boolean => {
  const first = fields.firstName.trim()
  return first !== "" || (fields.lastName.trim() !== "" && !fields.lastName.includes(","))
}

/** The given names of a first-name field read on its own (see `readsFirstAndLastApart`). */
export const givenNamesOf = (firstName: string): Array<string> => {
  const givenNames: Array<string> = []
  for (const person of people(words(firstName.trim()))) addGiven(givenNames, person)
  return givenNames
}

/** The surnames of a last-name field read on its own (see `readsFirstAndLastApart`). */
export const surnamesOf = (lastName: string): Array<string> => {
  const surnames: Array<string> = []
  for (const person of people(words(lastName.trim()))) addSurname(surnames, person)
  return surnames
}

/**
 * Normalises the name fields of a record. First and last name win when either is filled; `fullName` is read
 * only when both are empty. A last name typed as "Doe, John" with no first name is read as a full name.
 */
export const normalizePersonName = (fields: PersonNameFields): PersonName => {
  if (readsFirstAndLastApart(fields)) return { givenNames: givenNamesOf(fields.firstName), surnames: surnamesOf(fields.lastName) }
  const last = fields.lastName.trim()
  if (last !== "") return parseLastCommaFirst(last)
  return fields.fullName.trim() === "" ? emptyPersonName : parseFullName(fields.fullName)
}
