import type { Case } from "../domain/Case.ts"
import type { MatchEvidence } from "../domain/MatchEvidence.ts"
import type { Snapshot } from "../domain/Snapshot.ts"
import { buildCase, type CaseSettings } from "./buildCase.ts"
import { groupRecords } from "./groupRecords.ts"
import { indexSnapshot, type RecordIndex } from "./RecordIndex.ts"

/** matches → groups → cases with plans. Pure: the same snapshot and matches always give the same cases. */
export const buildCases = (
  snapshot: Snapshot,
  matches: ReadonlyArray<MatchEvidence>,
  settings: CaseSettings
): ReadonlyArray<Case> => buildCasesFromIndex(indexSnapshot(snapshot), matches, settings)

/** `buildCases` over a snapshot's index, for a caller that needs the index too (a large snapshot's takes a while). */
export const buildCasesFromIndex = (
  index: RecordIndex,
  matches: ReadonlyArray<MatchEvidence>,
  settings: CaseSettings
): ReadonlyArray<Case> =>
  groupRecords(index, matches)
    .flatMap((draft) => {
      const c = buildCase(index, draft, settings)
      return c === null ? [] : [c]
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1))
