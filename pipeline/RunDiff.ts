import type { CaseId } from "./domain/Ids.ts"

/**
 * How this run's cases relate to the previous run's: what is new, what is still open, what went away and why,
 * and what was held back because an admin already said "not the same customer".
 */
export interface RunDiff {
  readonly previousRunId: string | null
  readonly newCases: ReadonlyArray<CaseId>
  readonly stillOpen: ReadonlyArray<CaseId>
  /** Cases of the previous run that this run no longer finds: applied by this tool, or fixed by hand and gone. */
  readonly resolved: ReadonlyArray<{ readonly caseId: CaseId; readonly how: "applied" | "gone" }>
  /** Cases found again but not proposed: rejected before, records unchanged. */
  readonly suppressed: ReadonlyArray<CaseId>
  /** Cases proposed again although rejected before, because one of their records changed. */
  readonly previouslyRejected: ReadonlyArray<CaseId>
}

/** One past run, for the trend of open cases. */
export interface RunHistoryPoint {
  readonly runId: string
  readonly startedAt: string
  readonly openCases: number
}
