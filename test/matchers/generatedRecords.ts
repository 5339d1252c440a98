import type { MatchRecord } from "../../matchers/MatchRecord.ts"
import type { Company } from "../generator/Company.ts"
import { generateCompany } from "../generator/generateCompany.ts"
import { matchRecord } from "./matchRecord.ts"

const address = (street: string, city: string, state: string, zip: string) => ({ street, city, state, zip })

const longName = "Wolfeschlegelsteinhausenbergerdorff".repeat(9)

/** Records whose names, contacts and addresses take the less common paths through normalisation. */
const oddRecords: ReadonlyArray<MatchRecord> = [
  matchRecord("qbo", "odd-1", { fullName: "Mr & Mrs John Doe", phones: ["+44 20 7946 0958"], emails: ["J.Doe+pool@Gmail.com"] }),
  matchRecord("qbo", "odd-2", { fullName: "Doe, John", phones: ["614-710-0074 ext. 3"], emails: ["jdoe@googlemail.com"] }),
  matchRecord("qbo", "odd-3", { fullName: "Acme Pools LLC", companyName: "Acme Pools, Inc.", address: address("PO Box 12", "Tampa", "Florida", "33609-1234") }),
  matchRecord("pom", "odd-4", { lastName: "van der Berg, Anna", address: address("12 1/2 North Main Street Apt #4B", "Tampa", "fl", "336091234") }),
  matchRecord("pom", "odd-5", { firstName: "Mary Ann", lastName: "O'Brien-Smith", address: address("  ", "", "", "") }),
  matchRecord("pom", "odd-6", { firstName: "José", lastName: "Núñez", companyName: "The Homeowners Association", phones: ["555-1234", "n/a"] }),
  matchRecord("qbo", "odd-7", { fullName: "The Smith Family", emails: ["not an email", "mailto:Smith@Example.com"] }),
  matchRecord("qbo", "odd-8", { firstName: "John", fullName: "John Doe", phones: ["(614) 710-0074", "6147100074"], address: address("PO Box 12", "Tampa", "FL", "33609") }),
  matchRecord("pom", "odd-9", { firstName: "Doe", lastName: "John", address: address("12 B Main St", "Tampa", "FL", "33609") }),
  // One mailbox mistyped, and a second mailbox built from the same name.
  matchRecord("pom", "odd-10", { firstName: "Teresa", lastName: "Marten", emails: ["teresa.marten@aol.com"] }),
  matchRecord("qbo", "odd-11", { firstName: "Teresa", lastName: "Marten", emails: ["teresa.matren@aol.com"] }),
  matchRecord("qbo", "odd-12", { firstName: "Teresa", lastName: "Marten", emails: ["teresamarten@aol.com"] }),
  // Several first names in one record; text beyond the basic plane; names past 255 characters.
  matchRecord("pom", "odd-13", { firstName: "Mary Ann and Bob", lastName: "Smithers", emails: ["msmithers@aol.com"] }),
  matchRecord("qbo", "odd-14", { fullName: "Bob and Marianne Smithers", emails: ["msmithers@aol.com"] }),
  matchRecord("pom", "odd-15", { firstName: "𝒜lice", lastName: "Zoë Müller", emails: ["azm@example.com"] }),
  matchRecord("qbo", "odd-16", { firstName: "𝒜lyce", lastName: "Zoe Muller", emails: ["azm@example.com"] }),
  matchRecord("pom", "odd-17", { firstName: "Hubert", lastName: longName, emails: ["hubert@example.com"] }),
  matchRecord("qbo", "odd-18", { firstName: "Hubert", lastName: `${longName.slice(0, 200)}x${longName.slice(201)}`, emails: ["hubert@example.com"] })
]

/** Every active customer of a generated company as the pipeline hands them to the matcher. */
export const companyMatchRecords = (company: Company): Array<MatchRecord> => [
  ...company.pom.customers
    .filter((c) => c.status !== "INACTIVE")
    .map((c) =>
      matchRecord("pom", c.id, {
        firstName: c.firstName,
        lastName: c.lastName,
        companyName: c.companyName,
        emails: [c.email, c.email2].filter((e) => e !== ""),
        phones: [c.phone, c.mobilePhone, c.phone2].filter((p) => p !== ""),
        address: address(c.street, c.city, c.state, c.zipCode)
      })
    ),
  ...company.qbo.customers
    .filter((c) => c.Active)
    .map((c) =>
      matchRecord("qbo", c.Id, {
        firstName: c.GivenName ?? "",
        lastName: c.FamilyName ?? "",
        fullName: c.DisplayName,
        companyName: c.CompanyName ?? "",
        emails: c.PrimaryEmailAddr ? [c.PrimaryEmailAddr.Address] : [],
        phones: [c.PrimaryPhone?.FreeFormNumber ?? "", c.Mobile?.FreeFormNumber ?? ""].filter((p) => p !== ""),
        address: address(c.BillAddr.Line1, c.BillAddr.City, c.BillAddr.CountrySubDivisionCode, c.BillAddr.PostalCode)
      })
    )
]

/**
 * The records of a generated company (the same spellings recur across records, as a POM account and its QBO
 * customer share them), plus a few odd records.
 */
export const generatedRecords = (seed: number, customers: number): ReadonlyArray<MatchRecord> => [
  ...companyMatchRecords(generateCompany({ seed, customers })),
  ...oddRecords
]
