import { Effect, Option } from "effect"
import { indexRecords } from "../pipeline/cases/RecordIndex.ts"
import type { RunId } from "../pipeline/domain/Ids.ts"
import { noRecordNames, type RecordNames, recordNamesOf } from "../reports/RecordNames.ts"
import { Store } from "../sinks/store/Store.ts"

/**
 * The names of the records as each run saw them, from the snapshot stored with the run: the names the admin
 * reviewed. A run whose snapshot was pruned or cannot be read gives ids alone; a report is never lost over names.
 */
export const recordNamesOfRuns = (runIds: Iterable<RunId>) =>
  Effect.gen(function* () {
    const store = yield* Store
    const names = new Map<RunId, RecordNames>()
    for (const runId of new Set(runIds)) {
      const found = yield* Effect.gen(function* () {
        const run = yield* store.getRun(runId)
        const snapshotId = Option.flatMapNullable(run, (r) => r.snapshotId)
        if (Option.isNone(snapshotId)) return noRecordNames
        const snapshot = yield* store.openSnapshot(snapshotId.value)
        return Option.match(snapshot, { onNone: () => noRecordNames, onSome: (s) => recordNamesOf(indexRecords(s, s.history)) })
      }).pipe(Effect.catchAll((e) => Effect.as(Effect.logWarning(`names of run ${runId}'s records are not shown: ${e.message}`), noRecordNames)))
      names.set(runId, found)
    }
    return (runId: RunId): RecordNames => names.get(runId) ?? noRecordNames
  })
