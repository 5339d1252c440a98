import type { RecordIndex } from "../../pipeline/cases/RecordIndex.ts"
import { blockerKind } from "../../pipeline/domain/Blocker.ts"
import type { Case } from "../../pipeline/domain/Case.ts"
import type { PostalAddress } from "../../pipeline/domain/PomRecords.ts"
import { type Html, html } from "./Html.ts"

const address = (a: PostalAddress | null): string => (a === null ? "" : [a.street, a.city, a.state, a.zip].join(" "))

/** What the page's search looks through: the case id, every record's id, name, address, e-mails and phones, invoice numbers. */
export const caseSearchText = (index: RecordIndex, c: Case, title: string): string => {
  const parts: Array<string> = [c.id, title, c.scenario]
  for (const id of c.pomIds) {
    const r = index.pom.get(id)
    parts.push(id)
    if (r !== undefined) parts.push(r.firstName, r.lastName, r.companyName, address(r.serviceAddress), ...r.emails, ...r.phones)
  }
  for (const id of c.qboIds) {
    const r = index.qbo.get(id)
    parts.push(id)
    if (r !== undefined) parts.push(r.displayName, r.companyName, address(r.billAddress), address(r.shipAddress), ...r.emails, ...r.phones)
  }
  for (const s of c.plan.steps) if (s._tag === "move-invoice") parts.push(s.invoiceId, s.docNumber)
  return parts
    .filter((p) => p.trim() !== "")
    .join(" ")
    .toLowerCase()
    .replace(/\s+/g, " ")
}

/**
 * The attributes the page's script filters and sorts by, written by the renderer so the script never reads
 * anything but the page's own escaped markup. `order` is the position in review.csv.
 */
export const caseFacets = (index: RecordIndex, c: Case, title: string, order: number): Html =>
  html` data-case-id="${c.id}" data-order="${order}" data-confidence="${c.confidence}" data-name="${title}" data-blockers="${[...new Set(c.blockers.map(blockerKind))].join(" ")}" data-search="${caseSearchText(index, c, title)}"`
