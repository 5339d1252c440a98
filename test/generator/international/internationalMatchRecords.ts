import type { MatchRecord } from "../../../matchers/MatchRecord.ts"
import type { InternationalCustomers, LabelledCustomer } from "./internationalCustomers.ts"

const recordOf = (system: "pom" | "qbo", c: LabelledCustomer): MatchRecord => ({
  ref: { system, id: c.id },
  firstName: c.firstName,
  lastName: c.lastName,
  fullName: "",
  companyName: "",
  emails: c.email === "" ? [] : [c.email],
  phones: c.phone === "" ? [] : [c.phone],
  address: { street: c.street, city: c.city, state: c.state, zip: c.postcode }
})

/** The set as a link of POM accounts (side 0) to QBO customers (side 1), with each record's entity. */
export const internationalMatchRecords = (set: InternationalCustomers) => {
  const records = [...set.left.map((c) => recordOf("pom", c)), ...set.right.map((c) => recordOf("qbo", c))]
  const sides = new Uint8Array(records.length).fill(1, set.left.length)
  const entity = [...set.left, ...set.right].map((c) => c.entity)
  return { records, sides, entity }
}
