import type { MatchRecord } from "../../matchers/MatchRecord.ts"

/** A record with every field empty but the ones a test cares about. */
export const matchRecord = (system: "pom" | "qbo", id: string, fields: Partial<MatchRecord> = {}): MatchRecord => ({
  ref: { system, id },
  firstName: "",
  lastName: "",
  fullName: "",
  companyName: "",
  emails: [],
  phones: [],
  address: null,
  ...fields
})
