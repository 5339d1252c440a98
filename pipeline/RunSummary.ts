import type { Case } from "./domain/Case.ts"
import type { Scenario } from "./domain/Scenario.ts"
import type { RunDiff } from "./RunDiff.ts"
import type { MatchStats } from "../matchers/Matcher.ts"

/** What a run read, found and wrote: `summary.json`, `--json` output, and the run's row in the store. */
export interface RunSummary {
  readonly runId: string
  readonly snapshotId: string
  readonly startedAt: string
  readonly finishedAt: string
  readonly inputs: { readonly pom: string; readonly qbo: string }
  readonly records: {
    readonly pomCustomers: number
    readonly appointments: number
    readonly services: number
    readonly qboCustomers: number
    readonly invoices: number
  }
  readonly rejected: number
  readonly cases: { readonly total: number; readonly byScenario: Readonly<Record<Scenario, number>> }
  /** Compared with the previous run: counts, and the case ids behind them. */
  readonly diff: {
    readonly previousRunId: string | null
    readonly new: number
    readonly stillOpen: number
    readonly resolvedApplied: number
    readonly resolvedGone: number
    readonly suppressed: number
    readonly previouslyRejected: number
    readonly ids: RunDiff
  }
  readonly matching: {
    readonly records: number
    readonly candidatePairs: number
    readonly matchedPairs: number
    /**
     * Matched pairs explained away because each of their records is already linked, across the systems, to a
     * partner it matches near-certainly (relatives on one street): no case comes of them.
     */
    readonly setAsidePairs: number
    readonly perRule: ReadonlyArray<{ readonly rule: string; readonly candidatePairs: number }>
  }
  /** Seconds per stage. */
  readonly timings: Readonly<Record<string, number>>
  readonly outputs: Readonly<Record<string, string>>
}

export const countByScenario = (cases: ReadonlyArray<Case>): Record<Scenario, number> => {
  // Spelled out so that a new scenario is a compile error here rather than a missing count.
  const counts: Record<Scenario, number> = { "scenario-1": 0, "scenario-2": 0, "pom-merge": 0, "qbo-merge": 0, review: 0 }
  for (const c of cases) counts[c.scenario] += 1
  return counts
}

export const matchingSummary = (stats: MatchStats, matchedPairs: number, setAsidePairs: number): RunSummary["matching"] => ({
  records: stats.records,
  candidatePairs: stats.candidatePairs,
  matchedPairs,
  setAsidePairs,
  perRule: stats.perRule
})

export const summarizeDiff = (d: RunDiff): RunSummary["diff"] => ({
  previousRunId: d.previousRunId,
  new: d.newCases.length,
  stillOpen: d.stillOpen.length,
  resolvedApplied: d.resolved.filter((r) => r.how === "applied").length,
  resolvedGone: d.resolved.filter((r) => r.how === "gone").length,
  suppressed: d.suppressed.length,
  previouslyRejected: d.previouslyRejected.length,
  ids: d
})
