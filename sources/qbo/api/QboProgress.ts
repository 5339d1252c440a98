import { Data } from "effect"

/**
 * What the QBO client reports while it works, so a terminal can show a pull's progress and why it is waiting.
 * Reported through `QboClientSettings.onProgress`.
 */
export type QboProgress = Data.TaggedEnum<{
  /** One page of a query arrived. */
  PageFetched: {
    readonly entity: string
    readonly startPosition: number
    readonly records: number
    /** Records of this entity fetched so far in this pull. */
    readonly totalRecords: number
    readonly pages: number
  }
  /** The client held a request back: "pacing" to stay under QBO's limits, "throttled" after a 429. */
  RateLimitWait: {
    readonly millis: number
    readonly reason: "pacing" | "throttled"
  }
  /** A request failed in a way worth retrying (timeout, dropped connection, 5xx) and will be sent again. */
  Retrying: {
    readonly operation: string
    readonly reason: string
  }
  /** QBO refused the access token, so it was refreshed. */
  TokenRefreshed: { readonly realmId: string }
}>

export const QboProgress = Data.taggedEnum<QboProgress>()
