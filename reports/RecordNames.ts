import type { RecordIndex } from "../pipeline/cases/RecordIndex.ts"
import type { PomCustomerId, QboCustomerId } from "../pipeline/domain/Ids.ts"

/** The customer names a report shows next to ids, as the records were when their case was reviewed. */
export interface RecordNames {
  readonly pom: (id: PomCustomerId) => string | null
  readonly qbo: (id: QboCustomerId) => string | null
}

/** When the snapshot is gone (pruned, or unreadable): ids alone, which is still exact. */
export const noRecordNames: RecordNames = { pom: () => null, qbo: () => null }

export const recordNamesOf = (index: RecordIndex): RecordNames => ({
  pom: (id) => {
    const c = index.pom.get(id)
    if (c === undefined) return null
    return [c.firstName, c.lastName].filter((s) => s !== "").join(" ") || c.companyName || null
  },
  qbo: (id) => index.qbo.get(id)?.displayName || null
})

/** `POM cus_12 "Jane Doe"`: the id an admin searches for, and the name that tells the records apart. */
export const pomNamed = (names: RecordNames, id: PomCustomerId): string => {
  const name = names.pom(id)
  return name === null ? `POM ${id}` : `POM ${id} ${JSON.stringify(name)}`
}

/** `QBO 61 "Jane Doe"`: the QBO id is the number at the end of the customer's URL in QuickBooks. */
export const qboNamed = (names: RecordNames, id: QboCustomerId): string => {
  const name = names.qbo(id)
  return name === null ? `QBO ${id}` : `QBO ${id} ${JSON.stringify(name)}`
}
