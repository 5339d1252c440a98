import type { PomCustomerId, QboCustomerId } from "../domain/Ids.ts"
import type { PomAppointment, PomCustomer, PomService } from "../domain/PomRecords.ts"
import type { QboCustomer, QboInvoice } from "../domain/QboRecords.ts"
import type { HistoryLookup } from "../domain/History.ts"
import type { SnapshotRecords } from "../domain/LoadedSnapshot.ts"
import type { Snapshot } from "../domain/Snapshot.ts"
import { touchedCustomers, type UnreadableRecord } from "../domain/UnreadableRecord.ts"

/** Look-ups over one snapshot that the case rules need, built once. */
export interface RecordIndex extends HistoryLookup {
  readonly pom: ReadonlyMap<PomCustomerId, PomCustomer>
  readonly qbo: ReadonlyMap<QboCustomerId, QboCustomer>
  /** Active POM accounts whose quickbooksId is this QBO customer. */
  readonly linkedFrom: (id: QboCustomerId) => ReadonlyArray<PomCustomerId>
  /** QBO customers that have this one as parent. */
  readonly childrenOf: (id: QboCustomerId) => ReadonlyArray<QboCustomerId>
  /**
   * Unreadable records that leave something of this customer unseen: the customer itself, its history or
   * invoices, a POM account linked to it (see `touchedCustomers`).
   */
  readonly unreadableTouching: (system: "pom" | "qbo", id: string) => ReadonlyArray<UnreadableRecord>
  /** The QBO customer with this id, when its entity was present but could not be read. */
  readonly unreadableQbo: (id: QboCustomerId) => UnreadableRecord | undefined
}

const groupBy = <K, V>(items: ReadonlyArray<V>, key: (v: V) => K | null): Map<K, Array<V>> => {
  const map = new Map<K, Array<V>>()
  for (const item of items) {
    const k = key(item)
    if (k === null) continue
    const list = map.get(k)
    if (list === undefined) map.set(k, [item])
    else list.push(item)
  }
  return map
}

const none: ReadonlyArray<never> = []

/** The history of a snapshot held in arrays, grouped by customer. */
export const historyOfArrays = (history: {
  readonly appointments: ReadonlyArray<PomAppointment>
  readonly services: ReadonlyArray<PomService>
  readonly invoices: ReadonlyArray<QboInvoice>
}): HistoryLookup => {
  const appointments = groupBy(history.appointments, (a) => a.customerId)
  const services = groupBy(history.services, (s) => s.customerId)
  const invoices = groupBy(history.invoices, (i) => i.customerId)
  return {
    appointmentsOf: (id) => appointments.get(id) ?? none,
    servicesOf: (id) => services.get(id) ?? none,
    invoicesOf: (id) => invoices.get(id) ?? none
  }
}

/** The index of a snapshot whose history is in arrays (small inputs, tests). */
export const indexSnapshot = (snapshot: Snapshot): RecordIndex =>
  indexRecords(snapshot, historyOfArrays({ ...snapshot.pom, ...snapshot.qbo }))

/** The index of a snapshot's customers, with its history wherever it is kept. */
export const indexRecords = (snapshot: SnapshotRecords, history: HistoryLookup): RecordIndex => {
  // Nearly every QBO customer is linked from one account: its id is kept alone, not in a list of its own, since
  // a list for each of a million customers took as much memory again as the ids.
  const links = new Map<QboCustomerId, PomCustomerId | Array<PomCustomerId>>()
  for (const c of snapshot.pom.customers) {
    if (c.status === "INACTIVE" || c.quickbooksId === null) continue
    const known = links.get(c.quickbooksId)
    if (known === undefined) links.set(c.quickbooksId, c.id)
    else if (typeof known === "string") links.set(c.quickbooksId, [known, c.id])
    else known.push(c.id)
  }
  const children = groupBy(snapshot.qbo.customers, (c) => c.parentId)
  const touching = new Map<string, Array<UnreadableRecord>>()
  for (const record of snapshot.unreadable) {
    for (const key of touchedCustomers(record)) {
      const list = touching.get(key)
      if (list === undefined) touching.set(key, [record])
      else list.push(record)
    }
  }
  const unreadableQbo = new Map(
    snapshot.unreadable.filter((r) => r.system === "qbo" && r.kind === "customer").map((r) => [r.id, r])
  )
  return {
    pom: new Map(snapshot.pom.customers.map((c) => [c.id, c])),
    qbo: new Map(snapshot.qbo.customers.map((c) => [c.id, c])),
    appointmentsOf: history.appointmentsOf,
    servicesOf: history.servicesOf,
    invoicesOf: history.invoicesOf,
    linkedFrom: (id) => {
      const linked = links.get(id)
      return linked === undefined ? [] : typeof linked === "string" ? [linked] : [...linked]
    },
    childrenOf: (id) => (children.get(id) ?? []).map((c) => c.id),
    unreadableTouching: (system, id) => touching.get(`${system}:${id}`) ?? none,
    unreadableQbo: (id) => unreadableQbo.get(id)
  }
}

/** A POM account's history: what a merge moves. */
export const pomHistory = (index: RecordIndex, id: PomCustomerId): number =>
  index.appointmentsOf(id).length + index.servicesOf(id).length
