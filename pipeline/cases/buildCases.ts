import type { Case } from "../domain/Case.ts"
import type { MatchEvidence } from "../domain/MatchEvidence.ts"
import type { Snapshot } from "../domain/Snapshot.ts"
import { buildCase, type CaseSettings } from "./buildCase.ts"
import { groupRecords } from "./groupRecords.ts"
import { indexSnapshot, type RecordIndex } from "./RecordIndex.ts"
import { type SetAsidePair, setAsideByLinks } from "./setAsideByLinks.ts"

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
): ReadonlyArray<Case> => casesAndSetAside(index, matches, settings).cases

/**
 * The cases, and the matches set aside before grouping because confirmed links explain them (see
 * `setAsideByLinks`): a link confirmed as surely as a case needs to be planned without review.
 */
export const casesAndSetAside = (
  index: RecordIndex,
  matches: ReadonlyArray<MatchEvidence>,
  settings: CaseSettings
): { readonly cases: ReadonlyArray<Case>; readonly setAside: ReadonlyArray<SetAsidePair> } => {
  const { kept, setAside } = setAsideByLinks(index, matches, settings.reviewThreshold)
  const cases = groupRecords(index, kept)
    .flatMap((draft) => {
      const c = buildCase(index, draft, settings)
      return c === null ? [] : [c]
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1))
  return { cases, setAside }
}
