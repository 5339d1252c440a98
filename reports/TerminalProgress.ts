import { Effect } from "effect"
import { RunProgress } from "../pipeline/RunProgress.ts"
import type { PomProgressEvent } from "../sources/pom/api/PomProgress.ts"
import type { QboProgress } from "../sources/qbo/api/QboProgress.ts"

/** Where the status line goes: stderr, or anything that writes text and says whether it is a terminal. */
export interface StatusStream {
  readonly isTTY?: boolean
  readonly write: (text: string) => unknown
}

const n = (x: number) => x.toLocaleString("en-US")

/** "60 s", or "0.3 s" for a wait too short for whole seconds to say anything. */
const seconds = (millis: number) => (millis < 9_950 ? `${(millis / 1000).toFixed(1)} s` : `${Math.round(millis / 1000)} s`)

/**
 * One status line on a terminal's stderr, rewritten in place as a pull goes ("QBO Invoice: 12,000 records, page
 * 12"), with waits for QBO's or POM's rate limits said as they happen. When stderr is not a terminal (cron,
 * pipes) the same words are debug log lines, so that `--log-level debug` shows where a run is.
 */
export class TerminalProgress {
  private readonly enabled: boolean
  private width = 0

  constructor(private readonly stream: StatusStream = process.stderr) {
    this.enabled = stream.isTTY === true
  }

  private show(text: string): Effect.Effect<void> {
    if (!this.enabled) return Effect.logDebug(text)
    return Effect.sync(() => {
      const line = text.length > 100 ? `${text.slice(0, 99)}…` : text
      this.stream.write(`\r${line}${" ".repeat(Math.max(0, this.width - line.length))}`)
      this.width = line.length
    })
  }

  /** Ends the status line so the next output starts on a clean line. */
  readonly done: Effect.Effect<void> = Effect.sync(() => {
    if (this.enabled && this.width > 0) this.stream.write(`\r${" ".repeat(this.width)}\r`)
    this.width = 0
  })

  readonly qbo = (event: QboProgress): Effect.Effect<void> => {
    switch (event._tag) {
      case "PageFetched":
        return this.show(`QBO ${event.entity}: ${n(event.totalRecords)} records, page ${n(event.pages)}`)
      case "RateLimitWait":
        return event.reason === "throttled"
          ? this.show(`QBO asked to slow down (429): waiting ${seconds(event.millis)}`)
          : event.millis >= 1000
            ? this.show(`Keeping under QBO's rate limit: waiting ${seconds(event.millis)}`)
            : Effect.void
      case "Retrying":
        return this.show(`QBO: ${event.reason}; trying again`)
      case "TokenRefreshed":
        return this.show("QBO: access token refreshed")
    }
  }

  readonly pom = (event: PomProgressEvent): Effect.Effect<void> => {
    switch (event._tag) {
      case "PageFetched":
        return this.show(`POM: ${n(event.customers)} customers, ${n(event.appointments)} appointments, ${n(event.services)} services (page ${event.page})`)
      case "Waiting":
        return this.show(`POM: ${event.reason} on ${event.operation}; waiting before attempt ${event.attempt + 1}`)
      case "SessionRenewed":
        return this.show("POM: session renewed")
    }
  }

  /** A stage of the run starting ("Matching 200,000 records…"). */
  readonly stage = (text: string): Effect.Effect<void> => this.show(text)
}

/** Runs an effect with a terminal's status line as its run progress, cleared when it ends however it ends. */
export const withTerminalProgress = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.suspend(() => {
    const terminal = new TerminalProgress()
    return effect.pipe(Effect.provideService(RunProgress, terminal), Effect.ensuring(terminal.done))
  })
