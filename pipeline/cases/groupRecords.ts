import { PomCustomerId, QboCustomerId } from "../domain/Ids.ts"
import { type MatchEvidence, refKey } from "../domain/MatchEvidence.ts"
import type { RecordIndex } from "./RecordIndex.ts"
import { UnionFind } from "./UnionFind.ts"

/**
 * The records of one would-be case, before keeper, plan and scenario are chosen.
 * `pomGroups` are the POM accounts by property: one group normally; several when one payer with several
 * properties also has QBO duplicates (the moves interact, so a person decides).
 */
export interface CaseDraft {
  readonly pomGroups: ReadonlyArray<ReadonlyArray<PomCustomerId>>
  readonly qboIds: ReadonlyArray<QboCustomerId>
  /** QBO ids the POM accounts point at that are not this payer: wrong links to other customers, broken links. */
  readonly linkedElsewhere: ReadonlyArray<QboCustomerId>
  /** Other QBO payers the POM accounts also match confidently. */
  readonly alsoMatches: ReadonlyArray<QboCustomerId>
  readonly pairs: ReadonlyArray<MatchEvidence>
}

const pomKey = (id: string) => `pom:${id}`
const qboKey = (id: string) => `qbo:${id}`

/**
 * Groups matched records into drafts: POM accounts into households (POM–POM matches mean the same account at the
 * same property), QBO customers into payers (QBO–QBO matches), then each household onto the payer it matches, or
 * failing a match, the payer it is linked to. A payer shared by several households is legitimate and each
 * household is judged on its own, unless the payer itself has duplicates.
 *
 * Only active records take part: inactive ones were retired on purpose and would only bring fixed cases back.
 * Records that are plainly fine (a payer alone with at most its one linked account, an account alone and
 * unlinked, each matching nothing else) are not drafted: that is nearly every customer, and their case would be
 * empty.
 */
export const groupRecords = (index: RecordIndex, pairs: ReadonlyArray<MatchEvidence>): ReadonlyArray<CaseDraft> => {
  const isActivePom = (id: string) => {
    const c = index.pom.get(PomCustomerId.make(id))
    return c !== undefined && c.status !== "INACTIVE"
  }
  const isActiveQbo = (id: string) => index.qbo.get(QboCustomerId.make(id))?.active === true
  const usable = pairs.filter((p) =>
    [p.left, p.right].every((r) => (r.system === "pom" ? isActivePom(r.id) : isActiveQbo(r.id)))
  )

  const households = new UnionFind()
  const payers = new UnionFind()
  for (const c of index.pom.values()) if (c.status !== "INACTIVE") households.add(c.id)
  for (const c of index.qbo.values()) if (c.active) payers.add(c.id)

  const cross: Array<{ pom: string; qbo: string; p: number }> = []
  for (const p of usable) {
    if (p.left.system === "pom" && p.right.system === "pom") households.union(p.left.id, p.right.id)
    else if (p.left.system === "qbo" && p.right.system === "qbo") payers.union(p.left.id, p.right.id)
    else if (p.left.system === "pom") cross.push({ pom: p.left.id, qbo: p.right.id, p: p.probability })
    else cross.push({ pom: p.right.id, qbo: p.left.id, p: p.probability })
  }

  // For each household: the payers it matches, best match first.
  const matchedPayers = new Map<string, Map<string, number>>()
  for (const m of cross) {
    const h = households.find(m.pom)
    const payer = payers.find(m.qbo)
    const byPayer = matchedPayers.get(h) ?? new Map<string, number>()
    byPayer.set(payer, Math.max(byPayer.get(payer) ?? 0, m.p))
    matchedPayers.set(h, byPayer)
  }

  const householdGroups = households.groups()
  const attached = new Map<string, Array<Array<string>>>() // payer root → households
  const unattached: Array<{ household: Array<string>; alsoMatches: Array<string> }> = []
  const alsoMatchesOf = new Map<Array<string>, Array<string>>()
  for (const household of householdGroups) {
    const root = households.find(household[0] ?? "")
    const matched = [...(matchedPayers.get(root) ?? new Map<string, number>()).entries()].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)
    )
    let payer: string | undefined = matched[0]?.[0]
    if (payer === undefined) {
      // No match: trust an existing link to an active customer, the one most accounts of the household use.
      const links = household
        .map((id) => index.pom.get(PomCustomerId.make(id))?.quickbooksId ?? null)
        .filter((q): q is QboCustomerId => q !== null && isActiveQbo(q))
      payer = mostCommon(links.map((q) => payers.find(q)))
    }
    const others = matched.slice(1).map(([root]) => root)
    alsoMatchesOf.set(household, others)
    if (payer === undefined) unattached.push({ household, alsoMatches: others })
    else {
      const homes = attached.get(payer)
      if (homes === undefined) attached.set(payer, [household])
      else homes.push(household)
    }
  }

  const payerMembers = new Map<string, Array<string>>()
  for (const g of payers.groups()) payerMembers.set(payers.find(g[0] ?? ""), g)

  const drafts: Array<CaseDraft> = []
  const pairsByRecord = new Map<string, Array<MatchEvidence>>()
  for (const p of usable) {
    const k = refKey(p.left)
    const list = pairsByRecord.get(k)
    if (list === undefined) pairsByRecord.set(k, [p])
    else list.push(p)
  }
  const pairsOf = (pomIds: ReadonlyArray<string>, qboIds: ReadonlyArray<string>) => {
    const keys = new Set([...pomIds.map(pomKey), ...qboIds.map(qboKey)])
    return [...keys].flatMap((k) => (pairsByRecord.get(k) ?? []).filter((p) => keys.has(refKey(p.right))))
  }
  const draft = (groups: Array<Array<string>>, qboIds: Array<string>, alsoMatches: Array<string>): CaseDraft => {
    const pomIds = groups.flat()
    const linkedElsewhere = uniqueSorted(
      pomIds
        .map((id) => index.pom.get(PomCustomerId.make(id))?.quickbooksId ?? null)
        .filter((q): q is QboCustomerId => q !== null && !qboIds.includes(q))
    )
    const alsoIds = uniqueSorted(alsoMatches.flatMap((root) => payerMembers.get(root) ?? []))
    return {
      pomGroups: groups.map((g) => g.map((id) => PomCustomerId.make(id))),
      qboIds: qboIds.map((id) => QboCustomerId.make(id)),
      linkedElsewhere,
      alsoMatches: alsoIds.map((id) => QboCustomerId.make(id)),
      pairs: pairsOf(pomIds, [...qboIds, ...alsoIds])
    }
  }

  const linkOf = (pomId: string | undefined) => (pomId === undefined ? undefined : index.pom.get(PomCustomerId.make(pomId))?.quickbooksId)
  // One account, matching no other payer, linked to exactly `qboId` (null: to nothing): its case would be empty.
  const settled = (household: Array<string>, qboId: string | null): boolean =>
    household.length === 1 && (alsoMatchesOf.get(household)?.length ?? 0) === 0 && linkOf(household[0]) === qboId

  for (const [payer, members] of payerMembers) {
    const homes = attached.get(payer) ?? []
    const [home] = homes
    if (members.length === 1 && (home === undefined || (homes.length === 1 && settled(home, members[0] ?? "")))) continue
    if (homes.length === 0) drafts.push(draft([], members, []))
    else if (homes.length > 1 && members.length > 1) {
      drafts.push(draft(homes, members, homes.flatMap((h) => alsoMatchesOf.get(h) ?? [])))
    } else {
      for (const h of homes) drafts.push(draft([h], members, alsoMatchesOf.get(h) ?? []))
    }
  }
  for (const { household, alsoMatches } of unattached) {
    if (!settled(household, null)) drafts.push(draft([household], [], alsoMatches))
  }
  return drafts
}

const uniqueSorted = <A extends string>(xs: ReadonlyArray<A>): Array<A> => [...new Set(xs)].sort()

const mostCommon = (xs: ReadonlyArray<string>): string | undefined => {
  const counts = new Map<string, number>()
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0]
}
