import { Context, Effect, type Duration } from "effect"

export type PomWaitReason = "rate-limited" | "server-error" | "timeout" | "connection"

export type PomProgressEvent =
  /** Totals so far, after each page of the customer pull. */
  | {
      readonly _tag: "PageFetched"
      readonly page: number
      readonly customers: number
      readonly appointments: number
      readonly services: number
    }
  /** The client is about to wait before retrying `operation`; `attempt` is the one that failed (1-based). */
  | {
      readonly _tag: "Waiting"
      readonly operation: string
      readonly reason: PomWaitReason
      readonly attempt: number
      readonly delay: Duration.Duration
    }
  /** POM rejected the access token and the client got a new one. */
  | { readonly _tag: "SessionRenewed" }

/**
 * Where the POM client reports progress. Silent unless a caller provides one around its calls:
 * `Effect.provideService(PomProgress, (event) => Console.log(event))`.
 */
export class PomProgress extends Context.Reference<PomProgress>()("reconcile/PomProgress", {
  defaultValue: (): ((event: PomProgressEvent) => Effect.Effect<void>) => () => Effect.void
}) {}

export const reportPomProgress = (event: PomProgressEvent): Effect.Effect<void> =>
  Effect.flatMap(PomProgress, (report) => report(event))
