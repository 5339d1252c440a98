import type { RecordIndex } from "../../pipeline/cases/RecordIndex.ts"
import type { Case } from "../../pipeline/domain/Case.ts"
import type { PomCustomerId, QboCustomerId } from "../../pipeline/domain/Ids.ts"
import type { PomCustomer, PostalAddress } from "../../pipeline/domain/PomRecords.ts"
import type { QboCustomer } from "../../pipeline/domain/QboRecords.ts"
import { day, money, plural } from "./format.ts"

export type RecordRole = "keep" | "merge" | "correct" | "wrong" | "missing" | "other"

/** One record of a case, as a column of the side-by-side table. */
export interface RecordColumn {
  readonly system: "pom" | "qbo"
  readonly id: string
  readonly name: string
  readonly role: RecordRole
}

export interface ComparisonCell {
  /** What to show, one line each; empty when the record has no value. */
  readonly lines: ReadonlyArray<string>
  /** The value disagrees with the other records' (see `markDifferences`). */
  readonly differs: boolean
  /** A fact the admin should notice on its own, e.g. a link to a customer that is not in QBO. */
  readonly warn: boolean
}

export interface ComparisonRow {
  readonly label: string
  readonly cells: ReadonlyArray<ComparisonCell>
}

export interface RecordComparison {
  readonly columns: ReadonlyArray<RecordColumn>
  readonly rows: ReadonlyArray<ComparisonRow>
}

type Found = { readonly system: "pom"; readonly record: PomCustomer } | { readonly system: "qbo"; readonly record: QboCustomer } | null

interface Field {
  readonly label: string
  /** Text to show, one entry per line. */
  readonly show: (r: NonNullable<Found>, index: RecordIndex) => ReadonlyArray<string>
  /** A normalised value to compare across records, or null for rows where records of the two systems differ by nature. */
  readonly key: ((lines: ReadonlyArray<string>) => string) | null
  readonly warn?: (r: NonNullable<Found>, index: RecordIndex) => boolean
}

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "")
// Word order is ignored so that "Doe, John" in QBO agrees with "John Doe" in POM.
const nameKey = (lines: ReadonlyArray<string>) => lines.flatMap(words).sort().join(" ")
const setKey = (normalise: (s: string) => string) => (lines: ReadonlyArray<string>) =>
  [...new Set(lines.map(normalise).filter((s) => s !== ""))].sort().join("|")
const phoneDigits = (s: string) => s.replace(/\D/g, "").slice(-10)
const addressKey = (lines: ReadonlyArray<string>) => lines.flatMap(words).join(" ")

const addressLines = (a: PostalAddress | null): ReadonlyArray<string> => {
  if (a === null) return []
  const place = [a.city, [a.state, a.zip].filter((s) => s !== "").join(" ")].filter((s) => s !== "").join(", ")
  return [a.street, place].filter((s) => s !== "")
}
const nonEmpty = (...parts: ReadonlyArray<string>) => parts.filter((s) => s.trim() !== "")
const personName = (first: string, last: string) => nonEmpty([first, last].join(" ").trim())

const qboTargetBroken = (c: PomCustomer, index: RecordIndex) => {
  if (c.quickbooksId === null) return false
  return index.qbo.get(c.quickbooksId)?.active !== true
}

const pomHistoryLines = (index: RecordIndex, id: PomCustomerId) => [
  plural(index.appointmentsOf(id).length, "appointment"),
  plural(index.servicesOf(id).length, "service")
]
const qboHistoryLines = (index: RecordIndex, id: QboCustomerId) => {
  const invoices = index.invoicesOf(id)
  return [`${plural(invoices.length, "invoice")} (${money(invoices.reduce((s, i) => s + i.totalAmt, 0))})`]
}

const fields: ReadonlyArray<Field> = [
  {
    label: "Name",
    show: (r) => (r.system === "pom" ? personName(r.record.firstName, r.record.lastName) : nonEmpty(r.record.displayName)),
    key: nameKey
  },
  { label: "Company", show: (r) => nonEmpty(r.record.companyName), key: nameKey },
  { label: "Emails", show: (r) => r.record.emails, key: setKey((s) => s.trim().toLowerCase()) },
  { label: "Phones", show: (r) => r.record.phones, key: setKey(phoneDigits) },
  {
    label: "Address",
    show: (r) => addressLines(r.system === "pom" ? r.record.serviceAddress : (r.record.billAddress ?? r.record.shipAddress)),
    key: addressKey
  },
  {
    label: "QBO link",
    show: (r, index) => {
      if (r.system === "qbo") {
        const from = index.linkedFrom(r.record.id)
        return [from.length === 0 ? "no POM account points here" : `POM ${from.join(", ")} point${from.length === 1 ? "s" : ""} here`]
      }
      const link = r.record.quickbooksId
      if (link === null) return ["not linked"]
      const target = index.qbo.get(link)
      return [`QBO ${link}`, target === undefined ? "(not in QBO)" : target.active ? target.displayName : `${target.displayName} (inactive)`]
    },
    key: null,
    warn: (r, index) => r.system === "pom" && qboTargetBroken(r.record, index)
  },
  {
    label: "Status",
    show: (r) =>
      r.system === "pom"
        ? [r.record.status === "ACTIVE" ? "Active" : r.record.status === "INACTIVE" ? "Inactive" : "Lead"]
        : [r.record.active ? "Active" : "Inactive", ...(r.record.isJob ? ["sub-customer"] : [])],
    key: null
  },
  { label: "Balance", show: (r) => (r.system === "qbo" ? [money(r.record.balance)] : []), key: null },
  {
    label: "History",
    show: (r, index) => (r.system === "pom" ? pomHistoryLines(index, r.record.id) : qboHistoryLines(index, r.record.id)),
    key: null
  },
  { label: "Created", show: (r) => (r.record.createdAt === null ? [] : [day(r.record.createdAt)]), key: null }
]

/**
 * Marks the cells whose value disagrees with the rest of the row. When one value is the most common, only the
 * cells that differ from it are marked; when there is a tie (two records that disagree) every filled cell is,
 * since the page cannot know which is right. Blank cells are missing information, not a disagreement, and are
 * never marked.
 */
export const markDifferences = (keys: ReadonlyArray<string | null>): ReadonlyArray<boolean> => {
  const filled = keys.filter((k): k is string => k !== null && k !== "")
  const tally = new Map<string, number>()
  for (const k of filled) tally.set(k, (tally.get(k) ?? 0) + 1)
  if (tally.size <= 1) return keys.map(() => false)
  const top = Math.max(...tally.values())
  const leaders = [...tally].filter(([, n]) => n === top)
  const usual = leaders.length === 1 ? (leaders[0]?.[0] ?? null) : null
  return keys.map((k) => k !== null && k !== "" && k !== usual)
}

const roleOfPom = (c: Case, id: PomCustomerId): RecordRole =>
  c.keepPomId === id ? "keep" : c.mergePomIds.includes(id) ? "merge" : "other"
const roleOfQbo = (c: Case, index: RecordIndex, id: QboCustomerId): RecordRole =>
  !index.qbo.has(id) ? "missing" : c.correctQboId === id ? "correct" : c.wrongQboIds.includes(id) ? "wrong" : "other"

/** Every record a case names, POM accounts then QBO customers, compared field by field. */
export const compareRecords = (index: RecordIndex, c: Case): RecordComparison => {
  const found: Array<Found> = []
  const columns: Array<RecordColumn> = []
  for (const id of c.pomIds) {
    const record = index.pom.get(id)
    found.push(record === undefined ? null : { system: "pom", record })
    const name = record === undefined ? "" : (personName(record.firstName, record.lastName)[0] ?? record.companyName)
    columns.push({ system: "pom", id, name, role: roleOfPom(c, id) })
  }
  for (const id of c.qboIds) {
    const record = index.qbo.get(id)
    found.push(record === undefined ? null : { system: "qbo", record })
    columns.push({ system: "qbo", id, name: record?.displayName ?? "", role: roleOfQbo(c, index, id) })
  }
  const rows = fields.map((field): ComparisonRow => {
    const shown = found.map((r) => (r === null ? [] : field.show(r, index)))
    const key = field.key
    const differs = key === null ? shown.map(() => false) : markDifferences(shown.map((lines) => (lines.length === 0 ? null : key(lines))))
    return {
      label: field.label,
      cells: shown.map((lines, i) => {
        const r = found[i] ?? null
        return { lines, differs: differs[i] ?? false, warn: r !== null && field.warn !== undefined && field.warn(r, index) }
      })
    }
  })
  return { columns, rows }
}
