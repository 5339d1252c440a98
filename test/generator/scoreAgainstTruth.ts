import type { Case } from "../../pipeline/domain/Case.ts"
import type { Truth, TruthCase, TruthTrap } from "./Truth.ts"

export interface CaseMiss {
  readonly truth: TruthCase
  readonly problem: string
}

export interface TruthScore {
  readonly injected: number
  readonly found: number
  readonly misses: ReadonlyArray<CaseMiss>
  readonly trapsProposed: ReadonlyArray<{ readonly trap: TruthTrap; readonly caseId: string }>
  /** Cases that hold no injected case: background noise the pipeline flagged. */
  readonly unexpected: ReadonlyArray<Case>
}

const sameSet = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) =>
  a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|")

/** The first difference between what the pipeline proposed and what was planted, or null when they agree. */
const compare = (t: TruthCase, c: Case): string | null => {
  if (c.scenario !== t.scenario) return `scenario ${c.scenario}, expected ${t.scenario} (blockers: ${c.blockers.map((b) => b._tag).join(", ") || "none"})`
  if (c.keepPomId !== t.keepPomId) return `keeper ${c.keepPomId}, expected ${t.keepPomId}`
  if (c.correctQboId !== t.correctQboId) return `correct QBO ${c.correctQboId}, expected ${t.correctQboId}`
  if (t.scenario === "review") {
    return t.blocker === undefined || c.blockers.some((b) => b._tag === t.blocker)
      ? null
      : `blockers ${c.blockers.map((b) => b._tag).join(", ")}, expected ${t.blocker}`
  }
  if (!sameSet(c.mergePomIds, t.mergePomIds)) return `merge ${c.mergePomIds.join(";")}, expected ${t.mergePomIds.join(";")}`
  if (!sameSet(c.wrongQboIds, t.wrongQboIds)) return `wrong QBO ${c.wrongQboIds.join(";")}, expected ${t.wrongQboIds.join(";")}`
  if (!sameSet(c.invoicesToMove, t.invoicesToMove)) return `invoices ${c.invoicesToMove.length}, expected ${t.invoicesToMove.length}`
  return null
}

/** A trap is proposed when one case joins records that belong to different households of the trap. */
const trapProposed = (trap: TruthTrap, c: Case): boolean => {
  const pom = new Set<string>(c.pomIds)
  const qbo = new Set<string>(c.qboIds)
  const pomHits = trap.pomIds.filter((id) => pom.has(id))
  if (pomHits.length >= 2) return true
  if (trap.kind === "multi-property") return false
  // Two households: the i-th POM account and the i-th QBO customer are one household.
  const households = new Set<number>()
  trap.pomIds.forEach((id, i) => pom.has(id) && households.add(i))
  trap.qboIds.forEach((id, i) => qbo.has(id) && households.add(i))
  return households.size >= 2
}

/** How the pipeline's cases compare with what the generator planted. */
export const scoreAgainstTruth = (truth: Truth, cases: ReadonlyArray<Case>): TruthScore => {
  const misses: Array<CaseMiss> = []
  const used = new Set<string>()
  const records = (c: Case) => new Set<string>([...c.pomIds, ...c.qboIds])
  const sets = new Map(cases.map((c) => [c, records(c)]))
  // Only a case holding one of the records can be the one: looked up by record, in the cases' order, so that a
  // million-customer company is scored in seconds, not by comparing every planted case with every case.
  const casesOf = new Map<string, Array<number>>()
  cases.forEach((c, at) => {
    for (const id of sets.get(c) ?? []) casesOf.set(id, [...(casesOf.get(id) ?? []), at])
  })
  const holdingAny = (ids: ReadonlyArray<string>): ReadonlyArray<Case> =>
    [...new Set(ids.flatMap((id) => casesOf.get(id) ?? []))].sort((a, b) => a - b).flatMap((at) => cases[at] ?? [])
  for (const t of truth.cases) {
    const ids = [...t.pomIds, ...t.qboIds]
    const candidates = holdingAny(ids)
    const c = candidates.find((x) => ids.every((id) => sets.get(x)?.has(id)))
    if (c === undefined) {
      const partial = candidates[0]
      misses.push({ truth: t, problem: partial === undefined ? "not found" : `split: case ${partial.id} holds POM ${partial.pomIds.join(";")} QBO ${partial.qboIds.join(";")}` })
      continue
    }
    used.add(c.id)
    const problem = compare(t, c)
    if (problem !== null) misses.push({ truth: t, problem })
  }
  const trapsProposed = truth.traps.flatMap((trap) =>
    holdingAny([...trap.pomIds, ...trap.qboIds]).filter((c) => trapProposed(trap, c)).map((c) => ({ trap, caseId: c.id }))
  )
  return {
    injected: truth.cases.length,
    found: truth.cases.length - misses.length,
    misses,
    trapsProposed,
    unexpected: cases.filter((c) => !used.has(c.id))
  }
}
