import { Effect } from "effect"
import { Matcher, type MatchStats } from "../matchers/Matcher.ts"
import { countScores, type ScoreCounts } from "../reports/html/scoreCounts.ts"
import type { Country } from "../matchers/normalize/Country.ts"
import { casesAndSetAside } from "./cases/buildCases.ts"
import { indexOfCases } from "./cases/indexOfCases.ts"
import { indexRecords, type RecordIndex } from "./cases/RecordIndex.ts"
import type { CalendarDate } from "./domain/CalendarDate.ts"
import type { Case } from "./domain/Case.ts"
import type { SnapshotId } from "./domain/Ids.ts"
import type { LoadedSnapshot } from "./domain/LoadedSnapshot.ts"
import { reportStage } from "./RunProgress.ts"
import { timedSeconds } from "./timed.ts"
import { toMatchRecords } from "./toMatchRecords.ts"

/** What the rest of a run needs from matching and planning. */
export interface Planned {
  /** The customers the cases name, and what the review files look up about them (`indexOfCases`). */
  readonly index: RecordIndex
  readonly found: ReadonlyArray<Case>
  readonly matchedPairs: number
  /** Matched pairs no case comes of: each record is linked to a closer partner (`setAsideByLinks`). */
  readonly setAsidePairs: number
  readonly stats: MatchStats
  /**
   * Every scored candidate pair's probability (else every match's) as the report's histogram counts them; the
   * probabilities themselves are not kept.
   */
  readonly scores: ScoreCounts
}

/**
 * snapshot → match → cases, timed into `timings.match` and `timings.cases`. Only what the rest of the run needs
 * leaves it: the matcher's records and its matches (every matched pair, with what explaining one takes) are
 * dropped here, not held while the review files are written; the cases hold their own evidence, and the index
 * that leaves holds only the customers they name, so that the snapshot's customers can go too.
 */
export const matchAndPlan = (input: {
  readonly snapshot: LoadedSnapshot
  readonly snapshotId: SnapshotId
  readonly timings: Record<string, number>
  readonly settings: {
    readonly matchThreshold: number
    readonly reviewThreshold: number
    readonly country?: Country | null
    readonly booksClosedThrough: CalendarDate | null
  }
}): Effect.Effect<Planned, never, Matcher> =>
  Effect.gen(function* () {
    const { snapshot, settings, timings } = input
    const matcher = yield* Matcher
    const matched = yield* Effect.suspend(() => {
      const records = toMatchRecords(snapshot)
      return Effect.zipRight(
        reportStage(`Matching ${records.length.toLocaleString("en-US")} active customer records…`),
        timedSeconds(matcher.dedupe(records, { matchThreshold: settings.matchThreshold, country: settings.country ?? null }))
      )
    }).pipe(
      Effect.map(([{ pairs, stats: { candidateScores, ...stats } }, seconds]) => {
        timings.match = seconds
        // Counted as soon as matching ends, so that the probabilities are not held while the cases are planned.
        const scores = countScores(candidateScores ?? pairs.map((p) => p.probability), settings.matchThreshold, settings.reviewThreshold)
        return { pairs, stats, scores }
      })
    )
    yield* reportStage(`Planning cases from ${matched.pairs.length.toLocaleString("en-US")} matched pairs…`)
    const [{ index, found, setAside }, casesSeconds] = yield* timedSeconds(
      Effect.sync(() => {
        // One index for the cases, of which the review files get what the cases name: on a large snapshot it takes
        // a noticeable while. The history is read from the store only for the customers the cases name.
        const index = indexRecords(snapshot, snapshot.history)
        const { cases: found, setAside } = casesAndSetAside(index, matched.pairs, {
          snapshotId: input.snapshotId,
          reviewThreshold: settings.reviewThreshold,
          booksClosedThrough: settings.booksClosedThrough
        })
        return { index: indexOfCases(index, found), found, setAside }
      })
    )
    timings.cases = casesSeconds
    // Debug level, like skipped blocks: normal on real data (relatives on one street), and each says why.
    yield* Effect.forEach(
      setAside,
      ({ pair, reason }) => Effect.logDebug(`match ${pair.left.system} ${pair.left.id} – ${pair.right.system} ${pair.right.id} set aside: ${reason}`),
      { discard: true }
    )
    return {
      index,
      found,
      matchedPairs: matched.pairs.length,
      setAsidePairs: setAside.length,
      stats: matched.stats,
      scores: matched.scores
    }
  })
