import type { Case } from "./domain/Case.ts"
import type { CaseId } from "./domain/Ids.ts"
import type { RunDiff } from "./RunDiff.ts"

export interface Rejection {
  readonly caseId: CaseId
  readonly fingerprint: string
  readonly decidedAt: string
  readonly note: string
}

export interface DiffInput {
  readonly previousRunId: string | null
  readonly previous: ReadonlyArray<Case>
  readonly current: ReadonlyArray<Case>
  /** Remembered "not the same customer" decisions, by case id. */
  readonly rejections: ReadonlyMap<CaseId, Rejection>
  /** Case ids applied by this tool (any run). */
  readonly applied: ReadonlySet<CaseId>
}

export interface DiffResult {
  readonly diff: RunDiff
  /** The cases to propose: current minus suppressed; a previously rejected one carries a note saying so. */
  readonly proposed: ReadonlyArray<Case>
}

/**
 * Compares a run with the one before it and applies remembered rejections: a case an admin rejected is not
 * proposed again while its records are unchanged (same fingerprint); if one of them changed it comes back,
 * marked as previously rejected.
 */
export const diffRuns = (input: DiffInput): DiffResult => {
  const suppressed: Array<CaseId> = []
  const previouslyRejected: Array<CaseId> = []
  const proposed: Array<Case> = []
  for (const c of input.current) {
    const rejection = input.rejections.get(c.id)
    if (rejection === undefined) proposed.push(c)
    else if (rejection.fingerprint === c.fingerprint) suppressed.push(c.id)
    else {
      previouslyRejected.push(c.id)
      proposed.push({
        ...c,
        notes: [
          ...c.notes,
          `rejected as not the same customer on ${rejection.decidedAt.slice(0, 10)}${rejection.note === "" ? "" : ` ("${rejection.note}")`}; proposed again because a record changed since`
        ]
      })
    }
  }
  const before = new Set(input.previous.map((c) => c.id))
  const now = new Set(input.current.map((c) => c.id))
  const proposedIds = new Set(proposed.map((c) => c.id))
  return {
    proposed,
    diff: {
      previousRunId: input.previousRunId,
      newCases: [...proposedIds].filter((id) => !before.has(id)),
      stillOpen: [...proposedIds].filter((id) => before.has(id)),
      resolved: input.previous
        .filter((c) => !now.has(c.id))
        .map((c) => ({ caseId: c.id, how: input.applied.has(c.id) ? ("applied" as const) : ("gone" as const) })),
      suppressed,
      previouslyRejected
    }
  }
}
