import { createHash } from "node:crypto"
import { CaseId, type PomCustomerId, type QboCustomerId } from "../domain/Ids.ts"
import type { RecordIndex } from "./RecordIndex.ts"

const sha = (text: string) => createHash("sha256").update(text).digest("hex")

/** The same records give the same id in every run, whatever else changed about them. */
export const caseIdFor = (pomIds: ReadonlyArray<PomCustomerId>, qboIds: ReadonlyArray<QboCustomerId>): CaseId =>
  CaseId.make(
    `C-${sha([...pomIds.map((id) => `pom:${id}`), ...qboIds.map((id) => `qbo:${id}`)].sort().join("|")).slice(0, 12)}`
  )

/**
 * A hash of what a reviewer judged: the identifying fields and links of every record in the case. A remembered
 * "not the same customer" holds while this is unchanged.
 */
export const fingerprintFor = (
  index: RecordIndex,
  pomIds: ReadonlyArray<PomCustomerId>,
  qboIds: ReadonlyArray<QboCustomerId>
): string => {
  const pom = [...pomIds].sort().map((id) => {
    const c = index.pom.get(id)
    return c === undefined
      ? [id]
      : [id, c.firstName, c.lastName, c.companyName, c.emails, c.phones, c.serviceAddress, c.quickbooksId, c.status]
  })
  const qbo = [...qboIds].sort().map((id) => {
    const c = index.qbo.get(id)
    return c === undefined
      ? [id]
      : [id, c.displayName, c.givenName, c.familyName, c.companyName, c.emails, c.phones, c.billAddress, c.active]
  })
  return sha(JSON.stringify({ pom, qbo })).slice(0, 16)
}
