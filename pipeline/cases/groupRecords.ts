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

  for (const p of usable) {
    if (p.left.system === "pom" && p.right.system === "pom") households.union(p.left.id, p.right.id)
    else if (p.left.system === "qbo" && p.right.system === "qbo") payers.union(p.left.id, p.right.id)
  }

  // For each household: the payers it matches, each with its best match. Nearly every household matches one
  // payer, its own: held as one pair until a second payer comes, since a Map for each of a million households
  // took hundreds of megabytes while the snapshot's customers were still in memory.
  const matchedPayers = new Map<string, OnePayer | Map<string, number>>()
  for (const m of usable) {
    if (m.left.system === m.right.system) continue
    const [pom, qbo] = m.left.system === "pom" ? [m.left.id, m.right.id] : [m.right.id, m.left.id]
    const h = households.find(pom)
    const payer = payers.find(qbo)
    const known = matchedPayers.get(h)
    if (known === undefined) matchedPayers.set(h, { payer, p: Math.max(0, m.probability) })
    else if (known instanceof Map) known.set(payer, Math.max(known.get(payer) ?? 0, m.probability))
    else if (known.payer === payer) known.p = Math.max(known.p, m.probability)
    else matchedPayers.set(h, new Map([[known.payer, known.p], [payer, Math.max(0, m.probability)]]))
  }
  const payersOf = (h: string): ReadonlyArray<readonly [string, number]> => {
    const known = matchedPayers.get(h)
    if (known === undefined) return none
    if (known instanceof Map) return [...known.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    return [[known.payer, known.p]]
  }

  const householdGroups = households.groups()
  const attached = new Map<string, Array<Array<string>>>() // payer root → households
  const unattached: Array<{ household: Array<string>; alsoMatches: ReadonlyArray<string> }> = []
  const alsoMatchesOf = new Map<Array<string>, ReadonlyArray<string>>()
  for (const household of householdGroups) {
    const root = households.find(household[0] ?? "")
    const matched = payersOf(root)
    let payer: string | undefined = matched[0]?.[0]
    if (payer === undefined) {
      // No match: trust an existing link to an active customer, the one most accounts of the household use.
      const links = household
        .map((id) => index.pom.get(PomCustomerId.make(id))?.quickbooksId ?? null)
        .filter((q): q is QboCustomerId => q !== null && isActiveQbo(q))
      payer = mostCommon(links.map((q) => payers.find(q)))
    }
    const others = matched.length < 2 ? none : matched.slice(1).map(([root]) => root)
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

  const alsoIdsOf = (alsoMatches: ReadonlyArray<string>) => uniqueSorted(alsoMatches.flatMap((root) => payerMembers.get(root) ?? []))
  const pairsByRecord = new Map<string, Array<MatchEvidence>>()
  const pairsOf = (pomIds: ReadonlyArray<string>, qboIds: ReadonlyArray<string>) => {
    const keys = new Set([...pomIds.map(pomKey), ...qboIds.map(qboKey)])
    return [...keys].flatMap((k) => (pairsByRecord.get(k) ?? []).filter((p) => keys.has(refKey(p.right))))
  }
  const draft = (groups: Array<Array<string>>, qboIds: Array<string>, alsoMatches: ReadonlyArray<string>): CaseDraft => {
    const pomIds = groups.flat()
    const linkedElsewhere = uniqueSorted(
      pomIds
        .map((id) => index.pom.get(PomCustomerId.make(id))?.quickbooksId ?? null)
        .filter((q): q is QboCustomerId => q !== null && !qboIds.includes(q))
    )
    const alsoIds = alsoIdsOf(alsoMatches)
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

  // What each draft is made of, in order; its matches are gathered once every draft is known.
  const specs: Array<{ groups: Array<Array<string>>; qboIds: Array<string>; alsoMatches: ReadonlyArray<string> }> = []
  for (const [payer, members] of payerMembers) {
    const homes = attached.get(payer) ?? []
    const [home] = homes
    if (members.length === 1 && (home === undefined || (homes.length === 1 && settled(home, members[0] ?? "")))) continue
    if (homes.length === 0) specs.push({ groups: [], qboIds: members, alsoMatches: [] })
    else if (homes.length > 1 && members.length > 1) {
      specs.push({ groups: homes, qboIds: members, alsoMatches: homes.flatMap((h) => alsoMatchesOf.get(h) ?? []) })
    } else {
      for (const h of homes) specs.push({ groups: [h], qboIds: members, alsoMatches: alsoMatchesOf.get(h) ?? [] })
    }
  }
  for (const { household, alsoMatches } of unattached) {
    if (!settled(household, null)) specs.push({ groups: [household], qboIds: [], alsoMatches })
  }

  // Only the matches of records a draft holds are listed by record: nearly every record matches its own
  // counterpart and is in no draft, and a list for each of millions of records stood beside everything above.
  const drafted = new Set<string>()
  for (const { groups, qboIds, alsoMatches } of specs) {
    for (const group of groups) for (const id of group) drafted.add(pomKey(id))
    for (const id of [...qboIds, ...alsoIdsOf(alsoMatches)]) drafted.add(qboKey(id))
  }
  for (const p of usable) {
    const k = refKey(p.left)
    if (!drafted.has(k)) continue
    const list = pairsByRecord.get(k)
    if (list === undefined) pairsByRecord.set(k, [p])
    else list.push(p)
  }
  return specs.map(({ groups, qboIds, alsoMatches }) => draft(groups, qboIds, alsoMatches))
}

/** A household's one matched payer, with its best match. */
interface OnePayer {
  readonly payer: string
  p: number
}

const none: ReadonlyArray<never> = []

const uniqueSorted = <A extends string>(xs: ReadonlyArray<A>): Array<A> => [...new Set(xs)].sort()

const mostCommon = (xs: ReadonlyArray<string>): string | undefined => {
  const counts = new Map<string, number>()
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0]
}
