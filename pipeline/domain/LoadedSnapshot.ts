import type { HistoryCounts, HistoryLookup } from "./History.ts"
import type { PomCustomer } from "./PomRecords.ts"
import type { QboCustomer } from "./QboRecords.ts"
import type { SnapshotSource } from "./Snapshot.ts"
import type { UnreadableRecord } from "./UnreadableRecord.ts"

/** A snapshot's customers and unreadable records: what matching and the case rules hold in memory. */
export interface SnapshotRecords {
  readonly pom: { readonly customers: ReadonlyArray<PomCustomer> }
  readonly qbo: { readonly customers: ReadonlyArray<QboCustomer> }
  /** Records either side holds but whose rows could not be read: cases touching them go to review. */
  readonly unreadable: ReadonlyArray<UnreadableRecord>
}

/** History kept by the store while it was read: its counts, a look-up by customer, and what names its content. */
export interface StoredHistory extends HistoryLookup {
  readonly counts: HistoryCounts
  /** A hash of every row in the order read: the same history read twice has the same digest. */
  readonly digest: string
  /** The store's own key for these rows; meaningful only to the store that wrote them. */
  readonly storeKey: number
}

/**
 * One run's snapshot as a run holds it: customers in memory, history in the store. Equivalent to `Snapshot`,
 * which holds the history in arrays and is what small inputs and tests build.
 */
export interface LoadedSnapshot extends SnapshotRecords {
  readonly source: SnapshotSource
  readonly history: StoredHistory
}
