import type { RecordIndex } from "../pipeline/cases/RecordIndex.ts"
import type { PomCustomerId, QboCustomerId } from "../pipeline/domain/Ids.ts"

/** "cus_12 (John Doe, 1 Main St)": what an admin searches for in POM. */
export const pomLabel = (index: RecordIndex, id: PomCustomerId): string => {
  const c = index.pom.get(id)
  if (c === undefined) return id
  const name = [c.firstName, c.lastName].filter((s) => s !== "").join(" ") || c.companyName
  const where = c.serviceAddress.street
  return `${id} (${[name, where].filter((s) => s !== "").join(", ")})`
}

/** "58 (Doe, John)": the QBO id is the number at the end of the customer's URL in QuickBooks. */
export const qboLabel = (index: RecordIndex, id: QboCustomerId): string => {
  const c = index.qbo.get(id)
  return c === undefined ? `${id} (not in QBO)` : `${id} (${c.displayName}${c.active ? "" : ", inactive"})`
}
