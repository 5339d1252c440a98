import type { MatchRecord } from "../../matchers/MatchRecord.ts"
import type { RecordSystem } from "../../pipeline/domain/MatchEvidence.ts"
import { seededRandom } from "../../matchers/scoring/random.ts"

/*
 * A small deterministic customer base for tests: distinct people, each with one record per system, so the
 * matcher has realistic value frequencies and true pairs to learn from before a test plants its own records.
 */

const firstNames = [
  "james", "mary", "robert", "patricia", "john", "jennifer", "michael", "linda", "david", "elizabeth", "william",
  "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen", "daniel", "nancy",
  "matthew", "lisa", "anthony", "betty", "mark", "sandra", "donald", "ashley", "steven", "kimberly", "paul",
  "emily", "andrew", "donna", "joshua", "michelle", "kenneth", "carol", "kevin", "amanda", "brian", "melissa",
  "george", "deborah", "timothy", "stephanie", "ronald", "rebecca", "jason", "sharon", "edward", "laura"
]
const lastNames = [
  "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
  "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin", "lee",
  "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson", "walker", "young",
  "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores", "green", "adams", "nelson", "baker",
  "hall", "rivera", "campbell", "mitchell", "carter", "roberts", "okonkwo", "zielinski", "abernathy", "fairweather",
  "quigley", "vanderbilt", "yamamoto", "castellanos", "dubois", "lindqvist"
]
const streets = [
  "palm", "oak", "sunset", "bayshore", "magnolia", "cypress", "mangrove", "pelican", "heron", "egret", "coral",
  "seagrape", "tarpon", "osprey", "manatee", "gulf", "harbor", "lakeview", "hibiscus", "jasmine", "banyan", "citrus"
]
const suffixes = ["St", "Ave", "Dr", "Ln", "Ct", "Way"]
const towns = [
  { city: "Tampa", zips: ["33609", "33611", "33618"] },
  { city: "Clearwater", zips: ["33756", "33759"] },
  { city: "Sarasota", zips: ["34231", "34232"] },
  { city: "Naples", zips: ["34102", "34103", "34108"] }
]

export interface Person {
  readonly first: string
  readonly last: string
  readonly phone: string
  readonly email: string
  readonly street: string
  readonly city: string
  readonly zip: string
}

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1)

export const personRecord = (system: RecordSystem, id: string, p: Person, override: Partial<MatchRecord> = {}): MatchRecord => ({
  ref: { system, id },
  firstName: cap(p.first),
  lastName: cap(p.last),
  fullName: "",
  companyName: "",
  emails: [p.email],
  phones: [p.phone],
  address: { street: p.street, city: p.city, state: "FL", zip: p.zip },
  ...override
})

/** `count` distinct people, each as a POM account ("pom", "p<k>") and a QBO customer ("qbo", "q<k>"). */
export const syntheticPeople = (count: number, seed = 11): { people: ReadonlyArray<Person>; records: ReadonlyArray<MatchRecord> } => {
  const random = seededRandom(seed)
  const pick = <A>(xs: ReadonlyArray<A>): A => {
    const x = xs[Math.floor(random() * xs.length)]
    if (x === undefined) throw new Error("empty list")
    return x
  }
  const people: Array<Person> = []
  const records: Array<MatchRecord> = []
  for (let k = 0; k < count; k++) {
    const first = pick(firstNames)
    const last = pick(lastNames)
    const town = pick(towns)
    const digits = `813${String(2000000 + Math.floor(random() * 7999999))}`
    const p: Person = {
      first,
      last,
      phone: `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`,
      email: `${first}.${last}${k}@example.com`,
      street: `${100 + Math.floor(random() * 9000)} ${cap(pick(streets))} ${pick(suffixes)}`,
      city: town.city,
      zip: pick(town.zips)
    }
    people.push(p)
    records.push(personRecord("pom", `p${k}`, p))
    records.push(personRecord("qbo", `q${k}`, p, { phones: [digits], emails: [p.email.toUpperCase()] }))
  }
  return { people, records }
}
