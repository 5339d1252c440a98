import type { PomCustomerId, QboCustomerId } from "../domain/Ids.ts"
import { KeeperUnclear } from "../domain/Blocker.ts"
import { pomHistory, type RecordIndex } from "./RecordIndex.ts"

/**
 * A runner-up holding at least this share of the leader's history (and at least `UNCLEAR_MIN_ITEMS` items) makes
 * the choice of keeper a judgement call: both accounts were used for real.
 */
export const UNCLEAR_SHARE = 0.5
export const UNCLEAR_MIN_ITEMS = 3

interface Ranked<Id> {
  readonly ids: ReadonlyArray<Id>
  readonly counts: ReadonlyArray<number>
}

const rank = <Id extends string>(
  ids: ReadonlyArray<Id>,
  count: (id: Id) => number,
  createdAt: (id: Id) => string | null
): Ranked<Id> => {
  const rows = ids.map((id) => ({ id, n: count(id), at: createdAt(id) ?? "9999" }))
  // Most history first; a tie goes to the oldest record, then the smallest id so the choice is repeatable.
  rows.sort((a, b) => b.n - a.n || (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))
  return { ids: rows.map((r) => r.id), counts: rows.map((r) => r.n) }
}

const unclear = (system: "pom" | "qbo", ranked: Ranked<string>): KeeperUnclear | null => {
  const [top = 0, second = 0] = ranked.counts
  return second >= UNCLEAR_MIN_ITEMS && second >= top * UNCLEAR_SHARE
    ? new KeeperUnclear({ system, ids: ranked.ids.slice(0, 2), counts: ranked.counts.slice(0, 2) })
    : null
}

/** The POM account to keep: the one with most POM history (appointments + services); tie: oldest. */
export const chooseKeeper = (index: RecordIndex, ids: ReadonlyArray<PomCustomerId>) => {
  const ranked = rank(
    ids,
    (id) => pomHistory(index, id),
    (id) => index.pom.get(id)?.createdAt ?? null
  )
  return { keeper: ranked.ids[0] ?? null, others: ranked.ids.slice(1), unclear: unclear("pom", ranked) }
}

/** The correct QBO customer: the one whose invoices are the customer's real history (most invoices; tie: oldest). */
export const chooseCorrectQbo = (index: RecordIndex, ids: ReadonlyArray<QboCustomerId>) => {
  const ranked = rank(
    ids,
    (id) => index.invoicesOf(id).length,
    (id) => index.qbo.get(id)?.createdAt ?? null
  )
  return { correct: ranked.ids[0] ?? null, wrong: ranked.ids.slice(1), unclear: unclear("qbo", ranked) }
}
