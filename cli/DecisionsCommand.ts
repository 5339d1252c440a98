import { Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { CaseId } from "../pipeline/domain/Ids.ts"
import { Store } from "../sinks/store/Store.ts"
import { existingDbOption, jsonOption } from "./sharedOptions.ts"

const undo = Options.text("undo").pipe(
  Options.optional,
  Options.withDescription("Take back the remembered decisions on this case id, so the next run may propose it again")
)

/** Lists the decisions admins made in review files, and takes one back. */
export const decisionsCommand = Command.make("decisions", { db: existingDbOption, json: jsonOption, undo }, (args) =>
  Effect.gen(function* () {
    const store = yield* Store
    if (Option.isSome(args.undo)) {
      const n = yield* store.revokeDecisions(CaseId.make(args.undo.value), new Date().toISOString())
      return yield* Console.log(
        n === 0 ? `No remembered decision on ${args.undo.value}.` : `Took back ${n} decision(s) on ${args.undo.value}: the next run may propose it again.`
      )
    }
    const rows = yield* store.listDecisions()
    if (args.json) return yield* Console.log(JSON.stringify(rows))
    if (rows.length === 0) return yield* Console.log("No decisions remembered yet.")
    for (const r of rows) {
      yield* Console.log(
        `${r.caseId}  ${r.decision.padEnd(7)} ${r.decidedAt.slice(0, 16)}  run ${r.runId}${r.revokedAt === null ? "" : `  (taken back ${r.revokedAt.slice(0, 16)})`}${r.note === "" ? "" : `  "${r.note}"`}  ${r.source}`
      )
    }
  }).pipe(Effect.provide(Store.layer(args.db)))
).pipe(Command.withDescription("List remembered review decisions; --undo CASE takes one back"))
