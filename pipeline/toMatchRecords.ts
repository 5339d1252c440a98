import type { MatchRecord } from "../matchers/MatchRecord.ts"
import type { PomCustomer } from "./domain/PomRecords.ts"
import type { QboCustomer } from "./domain/QboRecords.ts"
import type { SnapshotRecords } from "./domain/LoadedSnapshot.ts"

const pomRecord = (c: PomCustomer): MatchRecord => ({
  ref: { system: "pom", id: c.id },
  firstName: c.firstName,
  lastName: c.lastName,
  fullName: "",
  companyName: c.companyName,
  emails: c.emails,
  phones: c.phones,
  address: c.serviceAddress
})

const qboRecord = (c: QboCustomer): MatchRecord => ({
  ref: { system: "qbo", id: c.id },
  firstName: c.givenName,
  lastName: c.familyName,
  // QBO's DisplayName often carries the only name ("Doe, John", "Mr & Mrs John Doe").
  fullName: c.displayName,
  companyName: c.companyName,
  emails: c.emails,
  phones: c.phones,
  address: c.billAddress ?? c.shipAddress
})

/**
 * The records that take part in matching: active POM accounts (ACTIVE and LEAD) and active QBO customers.
 * Inactive ones were retired on purpose; matching them would bring fixed duplicates back as new cases.
 */
export const toMatchRecords = (snapshot: SnapshotRecords): ReadonlyArray<MatchRecord> => [
  ...snapshot.pom.customers.filter((c) => c.status !== "INACTIVE").map(pomRecord),
  ...snapshot.qbo.customers.filter((c) => c.active).map(qboRecord)
]
