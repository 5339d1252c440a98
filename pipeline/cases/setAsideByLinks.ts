import { PomCustomerId, QboCustomerId } from "../domain/Ids.ts"
import type { MatchEvidence } from "../domain/MatchEvidence.ts"
import type { RecordIndex } from "./RecordIndex.ts"

/** A matched pair left out of the cases, and why, in words a reviewer can check against both systems. */
export interface SetAsidePair {
  readonly pair: MatchEvidence
  readonly reason: string
}

export interface LinkReasoning {
  /** The pairs cases are built from. */
  readonly kept: ReadonlyArray<MatchEvidence>
  readonly setAside: ReadonlyArray<SetAsidePair>
}

/** A POM account's link to a QBO customer that the matcher also finds, near-certainly. */
interface ConfirmedLink {
  readonly pom: string
  readonly qbo: string
  readonly pair: MatchEvidence
}

const unordered = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`)

const percent = (p: number): string => `${(100 * p).toFixed(p >= 0.9999 ? 4 : 2)}%`

/**
 * One-to-one reasoning across the two systems. A POM account whose QBO link the matcher confirms near-certainly
 * (at least `nearCertain`) is that customer; so is the QBO customer at the other end. A match between two records
 * each held by a different confirmed link, weaker than both links, says that the two customers look alike (relatives
 * next door, one surname on one street), not that they are one: it is set aside, with the two links as the reason.
 *
 * Only pairs across confirmed links are set aside, and never when the two POM accounts, or the two QBO customers,
 * match each other as duplicates: then the links themselves are part of what a case must fix (a swap, a QBO
 * duplicate). A record whose link is missing, wrong or unconfirmed explains nothing away.
 */
export const setAsideByLinks = (index: RecordIndex, pairs: ReadonlyArray<MatchEvidence>, nearCertain: number): LinkReasoning => {
  const activeLinkOf = (pom: string): string | null => {
    const account = index.pom.get(PomCustomerId.make(pom))
    return account === undefined || account.status === "INACTIVE" ? null : account.quickbooksId
  }
  const confirmedOfPom = new Map<string, ConfirmedLink>()
  const confirmedOfQbo = new Map<string, Array<ConfirmedLink>>()
  for (const pair of pairs) {
    if (pair.left.system === pair.right.system || pair.probability < nearCertain) continue
    const [pom, qbo] = pair.left.system === "pom" ? [pair.left.id, pair.right.id] : [pair.right.id, pair.left.id]
    if (activeLinkOf(pom) !== qbo || index.qbo.get(QboCustomerId.make(qbo))?.active !== true) continue
    const link = { pom, qbo, pair }
    confirmedOfPom.set(pom, link)
    const others = confirmedOfQbo.get(qbo)
    if (others === undefined) confirmedOfQbo.set(qbo, [link])
    else others.push(link)
  }

  // Accounts that are each other's duplicates, and payers that are: their links are in question, not confirmed apart.
  const pomDuplicates = new Set<string>()
  for (const p of pairs) if (p.left.system === "pom" && p.right.system === "pom") pomDuplicates.add(unordered(p.left.id, p.right.id))
  const duplicatePom = (a: string, b: string) => pomDuplicates.has(unordered(a, b))
  // Filled with the QBO–QBO pairs kept, which are decided first: a pair of payers set aside is no duplicate.
  const qboDuplicates = new Set<string>()
  const duplicateQbo = (a: string, b: string) => qboDuplicates.has(unordered(a, b))

  const describe = (link: ConfirmedLink): string =>
    `POM ${link.pom} is linked to QBO ${link.qbo} and matches it at ${percent(link.pair.probability)}`
  /** The confirmed link of `qbo` held by an account other than `pom`, not its duplicate, and outweighing `pair`. */
  const heldApart = (qbo: string, pom: string, pair: MatchEvidence): ConfirmedLink | undefined =>
    (confirmedOfQbo.get(qbo) ?? []).find((l) => l.pom !== pom && !duplicatePom(l.pom, pom) && l.pair.weight > pair.weight)

  const explain = (pair: MatchEvidence): string | null => {
    if (pair.left.system === "pom" && pair.right.system === "pom") return null
    if (pair.left.system === "qbo" && pair.right.system === "qbo") {
      const [a, b] = [pair.left.id, pair.right.id]
      const one = (confirmedOfQbo.get(a) ?? []).find((l) => l.pair.weight > pair.weight)
      const two = one === undefined ? undefined : heldApart(b, one.pom, pair)
      return one === undefined || two === undefined ? null : `${describe(one)}; ${describe(two)}`
    }
    const [pom, qbo] = pair.left.system === "pom" ? [pair.left.id, pair.right.id] : [pair.right.id, pair.left.id]
    const own = confirmedOfPom.get(pom)
    if (own === undefined || own.qbo === qbo || own.pair.weight <= pair.weight || duplicateQbo(own.qbo, qbo)) return null
    const theirs = heldApart(qbo, pom, pair)
    return theirs === undefined ? null : `${describe(own)}; ${describe(theirs)}`
  }

  const reasons = new Map<MatchEvidence, string>()
  const payerPairs = pairs.filter((p) => p.left.system === "qbo" && p.right.system === "qbo")
  for (const pair of payerPairs) {
    const reason = explain(pair)
    if (reason === null) qboDuplicates.add(unordered(pair.left.id, pair.right.id))
    else reasons.set(pair, reason)
  }
  for (const pair of pairs) {
    if (pair.left.system === pair.right.system) continue
    const reason = explain(pair)
    if (reason !== null) reasons.set(pair, reason)
  }
  const kept: Array<MatchEvidence> = []
  const setAside: Array<SetAsidePair> = []
  for (const pair of pairs) {
    const reason = reasons.get(pair)
    if (reason === undefined) kept.push(pair)
    else setAside.push({ pair, reason: `each is another customer's: ${reason}` })
  }
  return { kept, setAside }
}
