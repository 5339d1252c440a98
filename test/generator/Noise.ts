import { nicknames } from "./data/PersonNames.ts"
import type { CompanyName, Household } from "./Household.ts"
import type { Prng } from "./Prng.ts"

/*
 * How the name of one customer drifts between the records that were typed for them: a nickname, one slipped key,
 * a couple named together, "Last, First", "&" for "and", a legal form dropped.
 */

const keyboardNeighbours: Readonly<Record<string, string>> = {
  a: "sq", b: "vn", c: "xv", d: "sf", e: "wr", f: "dg", g: "fh", h: "gj", i: "uo", j: "hk", k: "jl", l: "k",
  m: "n", n: "bm", o: "ip", p: "o", q: "w", r: "et", s: "ad", t: "ry", u: "yi", v: "cb", w: "qe", x: "zc",
  y: "tu", z: "x"
}

/** One edit (substitution by a neighbouring key, deletion, transposition or doubling), never on the first letter. */
export const typo = (rng: Prng, word: string): string => {
  if (word.length < 3) return word
  const i = rng.int(1, word.length - 1)
  const ch = word.charAt(i)
  const kind = rng.int(0, 3)
  if (kind === 0) {
    const near = keyboardNeighbours[ch.toLowerCase()]
    if (near !== undefined) {
      const sub = near.charAt(rng.int(0, near.length - 1))
      return word.slice(0, i) + (ch === ch.toUpperCase() ? sub.toUpperCase() : sub) + word.slice(i + 1)
    }
  }
  if (kind === 1 && word.length > 3) return word.slice(0, i) + word.slice(i + 1)
  if (kind === 2 && i < word.length - 1 && word.charAt(i + 1) !== ch) {
    return word.slice(0, i) + word.charAt(i + 1) + ch + word.slice(i + 2)
  }
  return word.slice(0, i) + ch + ch + word.slice(i + 1)
}

/** The person part of a record's name. `partnerFirst` set means the couple is named together. */
export interface NameForm {
  readonly first: string
  readonly last: string
  readonly partnerFirst: string | null
}

/**
 * The name as this record has it: a clean record has the household's name as is; a `noisy` one drifts once (a
 * nickname, a typo in the first or the last name, or the couple named together).
 */
export const nameForm = (rng: Prng, h: Household, noisy: boolean): NameForm => {
  const plain: NameForm = { first: h.first, last: h.last, partnerFirst: null }
  if (!noisy) return plain
  const roll = rng.next()
  const nicks = nicknames.get(h.first)
  if (roll < 0.4 && nicks !== undefined) return { ...plain, first: rng.pick(nicks) }
  if (roll < 0.55) return { ...plain, first: typo(rng, h.first) }
  if (roll < 0.7) return { ...plain, last: typo(rng, h.last) }
  if (roll < 0.9 && h.partnerFirst !== null) return { ...plain, partnerFirst: h.partnerFirst }
  if (nicks !== undefined) return { ...plain, first: rng.pick(nicks) }
  return { ...plain, first: typo(rng, h.first) }
}

/** POM's first-name field for a couple: "John & Jane". */
export const pomFirstName = (n: NameForm): string =>
  n.partnerFirst === null ? n.first : `${n.first} & ${n.partnerFirst}`

/**
 * The DisplayNames a QBO customer with this name could get, preferred first; DisplayName is unique in QBO, so
 * the first free one is used. A `duplicate` (a second QBO customer made for someone already there) tends to
 * carry the forms bookkeepers use to tell two records apart: "Doe, John", "John Doe 2", "John Doe (Elm St)".
 * Two different people of one name are told apart by their street.
 */
export const personDisplayNames = (
  rng: Prng,
  n: NameForm,
  female: boolean,
  streetLabel: string,
  duplicate: boolean
): string[] => {
  const full = `${n.first} ${n.last}`
  const reversed = `${n.last}, ${n.first}`
  const couple =
    n.partnerFirst === null
      ? null
      : rng.chance(0.6)
        ? `${n.first} ${rng.chance(0.5) ? "and" : "&"} ${n.partnerFirst} ${n.last}`
        : `Mr & Mrs ${female ? n.partnerFirst : n.first} ${n.last}`
  const preferred = couple ?? (rng.chance(duplicate ? 0.4 : 0.1) ? reversed : full)
  const others = duplicate ? rng.shuffle([reversed, `${full} 2`, `${full} ${streetLabel}`]) : [`${full} ${streetLabel}`]
  return [preferred, ...others]
}

const legalSpellings: Readonly<Record<"LLC" | "Inc", ReadonlyArray<string>>> = {
  LLC: [" LLC", ", LLC", " L.L.C.", ""],
  Inc: [" Inc", ", Inc.", " Inc.", ""]
}

/** The company's name as this record spells it: "Smith & Jones LLC" / "Smith and Jones, LLC" / "Smith & Jones". */
export const companySpelling = (rng: Prng, c: CompanyName, noisy: boolean): string => {
  const core = noisy && c.core.includes(" & ") && rng.chance(0.6) ? c.core.replace(/ & /g, " and ") : c.core
  if (c.legal === "") return core
  const forms = legalSpellings[c.legal]
  const legal = noisy ? (forms[rng.int(0, forms.length - 1)] ?? "") : (forms[0] ?? "")
  return `${core}${legal}`
}
