import { Context, Effect } from "effect"
import type { PomProgressEvent } from "../sources/pom/api/PomProgress.ts"
import type { QboProgress } from "../sources/qbo/api/QboProgress.ts"

export interface RunProgressReporter {
  /** A stage of the run starting. */
  readonly stage: (text: string) => Effect.Effect<void>
  readonly qbo: (event: QboProgress) => Effect.Effect<void>
  readonly pom: (event: PomProgressEvent) => Effect.Effect<void>
}

/** Where a run reports how far it is. Silent unless a terminal provides one (`reports/TerminalProgress.ts`). */
export class RunProgress extends Context.Reference<RunProgress>()("reconcile/RunProgress", {
  defaultValue: (): RunProgressReporter => ({ stage: () => Effect.void, qbo: () => Effect.void, pom: () => Effect.void })
}) {}

export const reportStage = (text: string): Effect.Effect<void> => Effect.flatMap(RunProgress, (p) => p.stage(text))
