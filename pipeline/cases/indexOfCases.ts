import { PomCustomerId, QboCustomerId } from "../domain/Ids.ts"
import type { Case } from "../domain/Case.ts"
import type { HistoryLookup } from "../domain/History.ts"
import type { PomCustomer } from "../domain/PomRecords.ts"
import type { QboCustomer } from "../domain/QboRecords.ts"
import type { UnreadableRecord } from "../domain/UnreadableRecord.ts"
import type { RecordIndex } from "./RecordIndex.ts"

/** Every string a value holds, however deep: the ids a case names, wherever its steps and blockers keep them. */
const collectStrings = (value: unknown, into: Set<string>): void => {
  if (typeof value === "string") into.add(value)
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into)
  else if (typeof value === "object" && value !== null) for (const item of Object.values(value)) collectStrings(item, into)
}

const none: ReadonlyArray<never> = []

/**
 * The index restricted to what the cases name: the customers any case mentions (in its records, plan, evidence
 * or blockers), the QBO customers those POM accounts link to, and, for the customers kept, who links to them,
 * their sub-customers and the unreadable records touching them. Looked up, it answers as the whole index does
 * for every one of those; the review files read nothing else.
 *
 * At a million customers a side the whole index holds every customer of the snapshot, most of the run's memory,
 * through the writing of the review files, which only ever read the few percent the cases name. Nothing here
 * refers to the whole index, so it and the snapshot's customers can go once the cases are planned.
 */
export const indexOfCases = (index: RecordIndex, cases: ReadonlyArray<Case>): RecordIndex => {
  const named = new Set<string>()
  for (const c of cases) collectStrings(c, named)
  const pom = new Map<PomCustomerId, PomCustomer>()
  const qbo = new Map<QboCustomerId, QboCustomer>()
  const keepQbo = (id: QboCustomerId) => {
    const customer = index.qbo.get(id)
    if (customer !== undefined) qbo.set(id, customer)
  }
  for (const text of named) {
    const account = index.pom.get(PomCustomerId.make(text))
    if (account !== undefined) pom.set(account.id, account)
    keepQbo(QboCustomerId.make(text))
  }
  // The report shows where each account's link points, whether or not the case names that customer.
  for (const account of pom.values()) if (account.quickbooksId !== null) keepQbo(account.quickbooksId)

  const linkedFrom = new Map<QboCustomerId, ReadonlyArray<PomCustomerId>>()
  const childrenOf = new Map<QboCustomerId, ReadonlyArray<QboCustomerId>>()
  const touching = new Map<string, ReadonlyArray<UnreadableRecord>>()
  const unreadableQbo = new Map<QboCustomerId, UnreadableRecord>()
  const keepTouching = (system: "pom" | "qbo", id: string) => {
    const records = index.unreadableTouching(system, id)
    if (records.length > 0) touching.set(`${system}:${id}`, records)
  }
  for (const id of pom.keys()) keepTouching("pom", id)
  for (const id of qbo.keys()) {
    linkedFrom.set(id, index.linkedFrom(id))
    childrenOf.set(id, index.childrenOf(id))
    keepTouching("qbo", id)
  }
  for (const text of named) {
    const id = QboCustomerId.make(text)
    const record = index.unreadableQbo(id)
    if (record !== undefined) unreadableQbo.set(id, record)
  }
  return lookUps({ pom, qbo, history: index, linkedFrom, childrenOf, touching, unreadableQbo })
}

/**
 * The restricted index's look-ups, made apart from `indexOfCases`: a closure made there would share its scope,
 * and with it the whole index, which would then stay in memory as long as the restricted one.
 */
const lookUps = (parts: {
  readonly pom: ReadonlyMap<PomCustomerId, PomCustomer>
  readonly qbo: ReadonlyMap<QboCustomerId, QboCustomer>
  readonly history: HistoryLookup
  readonly linkedFrom: ReadonlyMap<QboCustomerId, ReadonlyArray<PomCustomerId>>
  readonly childrenOf: ReadonlyMap<QboCustomerId, ReadonlyArray<QboCustomerId>>
  readonly touching: ReadonlyMap<string, ReadonlyArray<UnreadableRecord>>
  readonly unreadableQbo: ReadonlyMap<QboCustomerId, UnreadableRecord>
}): RecordIndex => {
  const { linkedFrom, childrenOf, touching, unreadableQbo } = parts
  return {
    pom: parts.pom,
    qbo: parts.qbo,
    appointmentsOf: parts.history.appointmentsOf,
    servicesOf: parts.history.servicesOf,
    invoicesOf: parts.history.invoicesOf,
    linkedFrom: (id) => linkedFrom.get(id) ?? none,
    childrenOf: (id) => childrenOf.get(id) ?? none,
    unreadableTouching: (system, id) => touching.get(`${system}:${id}`) ?? none,
    unreadableQbo: (id) => unreadableQbo.get(id)
  }
}
