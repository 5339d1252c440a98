import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { defaultBlockingRules } from "../../../matchers/blocking/BlockingRule.ts"
import { candidatePairs } from "../../../matchers/blocking/candidatePairs.ts"
import { nicknameFile } from "../../../matchers/FellegiSunterMatcher.ts"
import type { MatchRecord } from "../../../matchers/MatchRecord.ts"
import { parseNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import type { FieldName } from "../../../matchers/prepare/FieldName.ts"
import { prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import { levelLabel } from "../../../matchers/scoring/Comparison.ts"
import { compileComparison } from "../../../matchers/scoring/compileComparison.ts"
import { defaultComparisons } from "../../../matchers/scoring/defaultComparisons.ts"
import { seededRandom } from "../../../matchers/scoring/random.ts"
import { generatedRecords } from "../generatedRecords.ts"
import { referenceLevel } from "./referenceLevel.ts"

const nicknames = parseNicknameTable(readFileSync(nicknameFile, "utf8"))

const record = (fields: Partial<MatchRecord>): MatchRecord => ({
  ref: { system: "qbo", id: "x" },
  firstName: "",
  lastName: "",
  fullName: "",
  companyName: "",
  emails: [],
  phones: [],
  address: null,
  ...fields
})

/** The level label two records reach on one field under the default comparisons. */
const levelOf = (field: FieldName, a: Partial<MatchRecord>, b: Partial<MatchRecord>): string => {
  const comparison = defaultComparisons.find((c) => c.field === field)
  if (comparison === undefined) throw new Error(`no comparison for ${field}`)
  const records = prepareRecords([record(a), record(b)], { sides: null, nicknames })
  return levelLabel(comparison, compileComparison(records, comparison)(0, 1))
}

const at = (street: string, zip = "33609") => ({ address: { street, city: "Tampa", state: "FL", zip } })

describe("default comparison levels", () => {
  it("first name: missing, exact, nickname, crossing a last name, Jaro-Winkler bands, differs", () => {
    expect(levelOf("firstName", { firstName: "" }, { firstName: "John" })).toBe("missing")
    expect(levelOf("firstName", { firstName: "JOHN" }, { firstName: "john" })).toBe("exact")
    expect(levelOf("firstName", { firstName: "Robert" }, { firstName: "Bob" })).toBe("nickname")
    expect(levelOf("firstName", { firstName: "Hall", lastName: "Isla" }, { firstName: "Isla", lastName: "Hall" })).toBe("crosses a last name")
    expect(levelOf("firstName", { firstName: "Martha" }, { firstName: "Marhta" })).toBe("JW")
    expect(levelOf("firstName", { firstName: "Dwayne" }, { firstName: "Duane" })).toBe("JW")
    expect(levelOf("firstName", { firstName: "John" }, { firstName: "Mary" })).toBe("differs")
  })

  it("first name: the two JW bands are separate levels", () => {
    const comparison = defaultComparisons.find((c) => c.field === "firstName")
    if (comparison === undefined) throw new Error("no first name comparison")
    const records = prepareRecords([record({ firstName: "Martha" }), record({ firstName: "Marhta" }), record({ firstName: "Dwayne" }), record({ firstName: "Duane" })], { sides: null, nicknames })
    const compare = compileComparison(records, comparison)
    expect(compare(0, 1)).toBeLessThan(compare(2, 3))
  })

  it("last name: exact, swapped outright with the first name, fuzzy, differs", () => {
    expect(levelOf("lastName", { lastName: "Smith" }, { lastName: "smith" })).toBe("exact")
    expect(levelOf("lastName", { firstName: "Isla", lastName: "Hall" }, { firstName: "Hall", lastName: "Isla" })).toBe("swapped with first name")
    expect(levelOf("lastName", { firstName: "Isla", lastName: "Hall" }, { firstName: "Hall", lastName: "Brown" })).toBe("differs")
    expect(levelOf("lastName", { lastName: "Smith" }, { lastName: "Smyth" })).toBe("JW")
  })

  it("company: exact after legal forms, own words unlike, fuzzy, differs", () => {
    expect(levelOf("companyName", { companyName: "Acme Pools LLC" }, { companyName: "ACME POOLS, INC." })).toBe("exact")
    expect(levelOf("companyName", { companyName: "Acme Pools" }, { companyName: "Acme Pool" })).toBe("JW")
    expect(levelOf("companyName", { companyName: "Acme Pools" }, { companyName: "Blue Water Services" })).toBe("names its own words differently")
    // As alike as a typo over the whole name, yet two firms: their own words are "johnson" and "jackson".
    expect(levelOf("companyName", { companyName: "Johnson Realty Group" }, { companyName: "Jackson Realty Group" })).toBe(
      "names its own words differently"
    )
    expect(levelOf("companyName", { companyName: "Palm Harbor HOA" }, { companyName: "Palm Harbour Homeowners Association" })).toBe("JW")
    // Words that only say what kind of business it is pass no judgement; the whole names then decide.
    expect(levelOf("companyName", { companyName: "Acme Pools" }, { companyName: "Acme Pool Service" })).toBe("JW")
    expect(levelOf("companyName", { companyName: "Pool Services" }, { companyName: "Property Management Group" })).toBe("differs")
  })

  it("email: exact after folding, same mailbox elsewhere, a typo, differs", () => {
    expect(levelOf("email", { emails: ["J.Doe@Gmail.com"] }, { emails: ["jdoe+pool@gmail.com"] })).toBe("exact")
    expect(levelOf("email", { emails: ["jdoe@aol.com"] }, { emails: ["jdoe@yahoo.com"] })).toBe("same mailbox name")
    expect(levelOf("email", { emails: ["jdoe@yahoo.com"] }, { emails: ["jdeo@yahoo.com"] })).toBe("one or two characters off")
    expect(levelOf("email", { emails: ["jdoe@yahoo.com"] }, { emails: ["mary.smith@aol.com"] })).toBe("differs")
  })

  it("email: two mailboxes built from the names both records share weigh nothing, a typo still counts", () => {
    const eric = { firstName: "Eric", lastName: "Turner" }
    expect(levelOf("email", { ...eric, emails: ["ericturner71@yahoo.com"] }, { ...eric, emails: ["ericturner69@yahoo.com"] })).toBe("missing")
    const teresa = { firstName: "Teresa", lastName: "Martin" }
    expect(levelOf("email", { ...teresa, emails: ["teresa.martin@aol.com"] }, { ...teresa, emails: ["teresamartin@aol.com"] })).toBe("missing")
    const andrew = { firstName: "Andrew", lastName: "Reynolds" }
    expect(levelOf("email", { ...andrew, emails: ["areynolds@aol.com"] }, { ...andrew, emails: ["reynoldsa@aol.com"] })).toBe("missing")
    // A typo garbles a name in one of them: that is one address mistyped.
    expect(levelOf("email", { ...teresa, emails: ["teresa.martin@aol.com"] }, { ...teresa, emails: ["teresa.matrin@aol.com"] })).toBe(
      "one or two characters off"
    )
    // Without shared names, or at different domains, a near miss is read as a typo as before.
    expect(levelOf("email", { emails: ["ericturner71@yahoo.com"] }, { emails: ["ericturner69@yahoo.com"] })).toBe("one or two characters off")
    expect(levelOf("email", { ...eric, emails: ["eric.turner@yahoo.com"] }, { ...eric, emails: ["ericturner@yahooo.com"] })).toBe(
      "one or two characters off"
    )
    // Short names turn up inside mailbox names by chance and do not count.
    const li = { firstName: "Li", lastName: "Ng" }
    expect(levelOf("email", { ...li, emails: ["lingo1@aol.com"] }, { ...li, emails: ["lingo2@aol.com"] })).toBe("one or two characters off")
  })

  it("phone: any shared number, same local number, one digit off, differs", () => {
    expect(levelOf("phone", { phones: ["(813) 555-0100", "813-555-0199"] }, { phones: ["8135550199"] })).toBe("exact")
    expect(levelOf("phone", { phones: ["555-0199"] }, { phones: ["813-555-0199"] })).toBe("same last 7 digits")
    expect(levelOf("phone", { phones: ["813-555-0199"] }, { phones: ["813-555-0198"] })).toBe("one digit off")
    expect(levelOf("phone", { phones: ["813-555-0199"] }, { phones: ["727-444-1234"] })).toBe("differs")
  })

  it("address parts: house number, street, unit, zip", () => {
    expect(levelOf("houseNumber", at("123 Main St"), at("123 Main Street"))).toBe("exact")
    expect(levelOf("houseNumber", at("123 Main St"), at("124 Main St"))).toBe("one character off")
    expect(levelOf("houseNumber", at("123 Main St"), at("456 Main St"))).toBe("differs")
    expect(levelOf("street", at("123 North Main Street"), at("123 N Main St"))).toBe("exact")
    expect(levelOf("street", at("123 Main St"), at("123 Mian St"))).toBe("JW")
    expect(levelOf("street", at("123 Main St"), at("123 Oak Ave"))).toBe("differs")
    expect(levelOf("unit", at("1 Main St Apt 4"), at("1 Main St #4"))).toBe("exact")
    expect(levelOf("unit", at("1 Main St Apt 4"), at("1 Main St Apt 5"))).toBe("differs")
    expect(levelOf("zip", at("1 Main St", "33609-1234"), at("1 Main St", "33609"))).toBe("exact")
    expect(levelOf("zip", at("1 Main St", "33609"), at("1 Main St", "33608"))).toBe("one digit off")
    expect(levelOf("zip", at("1 Main St", "33609"), at("1 Main St", "90210"))).toBe("differs")
  })

  it("street: numbered streets are one street however the number is written, and two when the numbers differ", () => {
    expect(levelOf("street", at("4410 N 52nd St"), at("4410 North Fifty-Second Street"))).toBe("exact")
    expect(levelOf("street", at("4410 N 52nd St"), at("4410 N 62nd St"))).toBe("differs")
    expect(levelOf("street", at("4410 E 52nd St"), at("4410 E 52nd Ave"))).toBe("JW")
    expect(levelOf("street", at("10 Highway 19"), at("10 Highway 17"))).toBe("differs")
  })

  it("a PO box neither agrees nor disagrees with a street address", () => {
    expect(levelOf("houseNumber", at("PO Box 12"), at("12 Main St"))).toBe("missing")
    expect(levelOf("street", at("PO Box 12"), at("12 Main St"))).toBe("missing")
    expect(levelOf("zip", at("PO Box 12"), at("12 Main St"))).toBe("exact")
  })
})

describe("compiled comparisons against the plain computation", () => {
  const records = prepareRecords(generatedRecords(8, 400), { sides: null, nicknames })
  const candidates = candidatePairs(records, defaultBlockingRules)
  const random = seededRandom(4)
  const randomPairs = Array.from({ length: 4000 }, (): [number, number] => [
    Math.floor(random() * records.size),
    Math.floor(random() * records.size)
  ])
  const pairs: Array<[number, number]> = [
    ...Array.from({ length: candidates.count }, (_, k): [number, number] => [candidates.left[k] ?? 0, candidates.right[k] ?? 0]),
    ...randomPairs
  ]

  it("reaches the same level on every candidate pair and on random pairs, for every default comparison", () => {
    const differences: Array<string> = []
    const seen = new Set<string>()
    for (const comparison of defaultComparisons) {
      const compare = compileComparison(records, comparison)
      for (const [i, j] of pairs) {
        const level = compare(i, j)
        seen.add(`${comparison.field} ${level}`)
        const expected = referenceLevel(records, comparison, i, j)
        if (level !== expected) differences.push(`${comparison.field} ${i}-${j}: ${level}, expected ${expected}`)
      }
    }
    expect(differences).toEqual([])
    // The pairs reach the fuzzy levels too, not only exact agreement and outright difference.
    for (const level of ["firstName 2", "firstName 4", "lastName 3", "email 2", "email 3", "phone 4", "street 2", "zip 2"]) {
      expect(seen.has(level), level).toBe(true)
    }
  })
})

describe("business names' own words against the plain computation", () => {
  // Names sharing no word, some words, every word, only kind words, a word twice, and one name inside another.
  const names = [
    "Johnson Realty Group", "Jackson Realty Group", "Johnson Jackson Realty", "Acme Pools", "Acme Pool Service",
    "Blue Water Services", "Blue Heron HOA", "Heron Bay Swim Club", "Heron Bay HOA", "Pool Services",
    "Property Management Group", "Palm Harbor HOA", "Palm Harbour Homeowners Association", "Oak Oak Estates",
    "Oak Estates", "Sunset Villas", "Sunset Villas Two", "Two Sunset Villas", "Bay", "Bay Bay"
  ]
  const records = prepareRecords(
    names.map((companyName, k) => record({ ref: { system: "qbo", id: String(k) }, companyName })),
    { sides: null, nicknames }
  )
  const comparison = defaultComparisons.find((c) => c.field === "companyName")

  it("reaches the same level on every pair of names", () => {
    if (comparison === undefined) throw new Error("no company comparison")
    const compare = compileComparison(records, comparison)
    const differences: Array<string> = []
    const levels = new Set<number>()
    for (let i = 0; i < records.size; i++) {
      for (let j = 0; j < records.size; j++) {
        const level = compare(i, j)
        levels.add(level)
        const expected = referenceLevel(records, comparison, i, j)
        if (level !== expected) differences.push(`${names[i]} ~ ${names[j]}: ${level}, expected ${expected}`)
      }
    }
    expect(differences).toEqual([])
    // Exact, own words unlike, fuzzy and outright difference are all reached.
    for (const level of [1, 2, 3, 5]) expect(levels.has(level), String(level)).toBe(true)
  })
})
