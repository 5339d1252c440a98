import { describe, expect, it } from "vitest"
import type { PomCustomerRow } from "./Company.ts"
import { CompanyIndex } from "./CompanyIndex.ts"
import { directions, streetSuffixes } from "./data/Places.ts"
import { generateCompany } from "./generateCompany.ts"

/*
 * Traps are look-alikes that are not duplicates. Each must look alike in the way its kind says, and differ
 * where real duplicates would agree.
 */

const company = generateCompany({ seed: 7, customers: 2000 })
const index = new CompanyIndex(company)
const digits = (phone: string): string => phone.replace(/\D/g, "").replace(/^1(?=\d{10})/, "").slice(0, 10)
const houseNumber = (p: PomCustomerRow): string => p.street.split(" ")[0] ?? ""
const shortForms = new Map([...streetSuffixes, ...directions].map(([short, long]) => [long.toLowerCase(), short.toLowerCase()]))
/** The street without house number or unit, in short forms: "North Palm Avenue #4" → "n palm ave". */
const streetName = (p: PomCustomerRow): string =>
  p.street
    .toLowerCase()
    .replace(/,?\s+(apt\.?|unit|#)\s*\S+$/, "")
    .split(" ")
    .slice(1)
    .map((w) => shortForms.get(w) ?? w)
    .join(" ")

const pairs = (kind: string): ReadonlyArray<readonly [PomCustomerRow, PomCustomerRow, ReadonlyArray<string>]> =>
  company.truth.traps
    .filter((t) => t.kind === kind)
    .map((t) => {
      const [a = "", b = ""] = t.pomIds
      const one = index.pom.get(a) ?? expect.fail(`no POM ${a}`)
      const two = index.pom.get(b) ?? expect.fail(`no POM ${b}`)
      return [one, two, t.qboIds] as const
    })

const differentContacts = (one: PomCustomerRow, two: PomCustomerRow): void => {
  expect(one.email.toLowerCase()).not.toBe(two.email.toLowerCase())
  expect(digits(one.phone)).not.toBe(digits(two.phone))
  expect(`${houseNumber(one)} ${streetName(one)}`).not.toBe(`${houseNumber(two)} ${streetName(two)}`)
}

describe("traps", () => {
  it("gives one owner two properties billed to one QBO customer", () => {
    for (const [home, rental, qboIds] of pairs("multi-property")) {
      expect(qboIds).toHaveLength(1)
      expect([home.quickbooksId, rental.quickbooksId]).toEqual([qboIds[0], qboIds[0]])
      expect([rental.firstName, rental.lastName, rental.email.toLowerCase()]).toEqual([
        home.firstName,
        home.lastName,
        home.email.toLowerCase()
      ])
      expect(new Set([home.phone, home.mobilePhone].map(digits))).toEqual(
        new Set([rental.phone, rental.mobilePhone].map(digits))
      )
      expect(`${houseNumber(home)} ${streetName(home)}`).not.toBe(`${houseNumber(rental)} ${streetName(rental)}`)
      expect(index.history(home.id)).toBeGreaterThanOrEqual(3)
      expect(index.history(rental.id)).toBeGreaterThanOrEqual(3)
      expect(index.invoicesOf(qboIds[0] ?? "").length).toBeGreaterThanOrEqual(4)
    }
  })

  it("puts neighbours a few doors apart on one street, with their own names, contacts and payers", () => {
    for (const [one, two, qboIds] of pairs("neighbours")) {
      expect(streetName(one)).toBe(streetName(two))
      expect(one.zipCode.slice(0, 5)).toBe(two.zipCode.slice(0, 5))
      expect(Math.abs(Number(houseNumber(one)) - Number(houseNumber(two)))).toBeLessThanOrEqual(40)
      expect(one.lastName).not.toBe(two.lastName)
      differentContacts(one, two)
      expect([one.quickbooksId, two.quickbooksId]).toEqual(qboIds)
    }
  })

  it("gives relatives one uncommon surname in one town, and nothing else in common", () => {
    const counts = new Map<string, number>()
    for (const p of company.pom.customers) counts.set(p.lastName, (counts.get(p.lastName) ?? 0) + 1)
    for (const [one, two, qboIds] of pairs("relatives")) {
      expect(one.lastName).toBe(two.lastName)
      expect(counts.get(one.lastName)).toBeLessThan(12)
      expect(one.firstName).not.toBe(two.firstName)
      expect(one.city).toBe(two.city)
      differentContacts(one, two)
      expect([one.quickbooksId, two.quickbooksId]).toEqual(qboIds)
    }
  })

  it("puts relatives next door a few doors apart under one surname, each linked to its own payer with no contacts", () => {
    const relatives = pairs("relatives-next-door")
    expect(relatives.length).toBeGreaterThan(0)
    for (const [one, two, qboIds] of relatives) {
      expect(one.lastName).toBe(two.lastName)
      expect(one.firstName).not.toBe(two.firstName)
      expect(streetName(one)).toBe(streetName(two))
      expect(Math.abs(Number(houseNumber(one)) - Number(houseNumber(two)))).toBeLessThanOrEqual(40)
      differentContacts(one, two)
      expect([one.quickbooksId, two.quickbooksId]).toEqual(qboIds)
      for (const id of qboIds) {
        const payer = index.qbo.get(id) ?? expect.fail(`no QBO ${id}`)
        expect([payer.PrimaryEmailAddr, payer.PrimaryPhone, payer.Mobile]).toEqual([undefined, undefined, undefined])
      }
    }
  })

  it("gives two different people one common name, told apart in QBO by DisplayName", () => {
    for (const [one, two, qboIds] of pairs("common-name")) {
      expect([one.firstName, one.lastName]).toEqual([two.firstName, two.lastName])
      differentContacts(one, two)
      expect([one.quickbooksId, two.quickbooksId]).toEqual(qboIds)
      const names = qboIds.map((id) => index.qbo.get(id)?.DisplayName)
      expect(names[0]).not.toBe(names[1])
    }
  })
})
