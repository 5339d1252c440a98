import type { NonEmptyReadonlyArray } from "effect/Array"
import type { MatchRecord } from "../../../matchers/MatchRecord.ts"
import { femaleFirstNames, lastNames, maleFirstNames, nicknames } from "../../generator/data/PersonNames.ts"
import { towns } from "../../generator/data/Places.ts"
import { cumulativeWeights, Prng } from "../../generator/Prng.ts"
import { matchRecord } from "../matchRecord.ts"

/*
 * A labelled name-only set (first name, last name, town) where one person may have up to twenty records and names
 * are drawn by frequency rank, so "James Smith" is many different people: the shape of a customer list merged from
 * years of exports, where blocking that caps or skips large blocks loses most true pairs. Names and nicknames are
 * the generator's public lists (see test/generator/data); the variations are the usual typing ones.
 */

export interface CrowdedNames {
  readonly records: ReadonlyArray<MatchRecord>
  /** The person each record belongs to. */
  readonly entity: ReadonlyArray<string>
}

const firstNames: NonEmptyReadonlyArray<string> = [...maleFirstNames, ...femaleFirstNames]
// Weighted by 1/rank, as name frequencies are: the top names are shared by many people.
const byRank = (n: number): ReadonlyArray<number> => cumulativeWeights(Array.from({ length: n }, (_, k) => 1 / (k + 1)))

const letters = "abcdefghijklmnopqrstuvwxyz"

/** One keyboard slip: a letter replaced, dropped, doubled or swapped with its neighbour. */
const typo = (rng: Prng, name: string): string => {
  if (name.length < 3) return name
  const at = rng.int(0, name.length - 2)
  switch (rng.int(0, 3)) {
    case 0:
      return name.slice(0, at) + letters.charAt(rng.int(0, letters.length - 1)) + name.slice(at + 1)
    case 1:
      return name.slice(0, at) + name.slice(at + 1)
    case 2:
      return name.slice(0, at + 1) + name.slice(at)
    default:
      return name.slice(0, at) + name.charAt(at + 1) + name.charAt(at) + name.slice(at + 2)
  }
}

/** Records per person: half are alone, the rest in groups of 2–5 or 6–20. */
const clusterSize = (rng: Prng): number => {
  const x = rng.next()
  return x < 0.5 ? 1 : x < 0.8 ? rng.int(2, 5) : rng.int(6, 20)
}

export const crowdedNames = (options: { readonly records: number; readonly seed: number }): CrowdedNames => {
  const rng = new Prng(options.seed)
  const firstCumulative = byRank(firstNames.length)
  const lastCumulative = byRank(lastNames.length)
  const records: Array<MatchRecord> = []
  const entity: Array<string> = []
  for (let person = 0; records.length < options.records; person++) {
    const first = firstNames[rng.weightedIndex(firstCumulative)] ?? "John"
    const last = lastNames[rng.weightedIndex(lastCumulative)] ?? "Smith"
    const home = rng.pick(towns).city
    const size = Math.min(clusterSize(rng), options.records - records.length)
    for (let k = 0; k < size; k++) {
      let firstName = first
      let lastName = last
      let city = home
      const nick = nicknames.get(first)
      if (nick !== undefined && rng.chance(0.15)) firstName = rng.pick(nick)
      if (rng.chance(0.12)) firstName = typo(rng, firstName)
      if (rng.chance(0.12)) lastName = typo(rng, lastName)
      if (rng.chance(0.05)) firstName = firstName.charAt(0)
      if (rng.chance(0.05)) [firstName, lastName] = [lastName, firstName]
      if (rng.chance(0.15)) city = ""
      else if (rng.chance(0.05)) city = rng.pick(towns).city
      records.push(matchRecord("qbo", `p${person}-${k}`, { firstName, lastName, address: city === "" ? null : { street: "", city, state: "", zip: "" } }))
      entity.push(`p${person}`)
    }
  }
  return { records, entity }
}
