/**
 * A sliding-window request counter: at most `limit` requests in any `windowMillis`. Stricter than a fixed
 * per-clock-minute window, so a client that passes it passes QBO whichever way QBO aligns its windows.
 */
export class RateWindow {
  private readonly times: Array<number> = []
  private head = 0

  constructor(
    readonly limit: number,
    readonly windowMillis: number
  ) {}

  private prune(now: number): void {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - this.windowMillis) this.head++
    if (this.head > 4096) {
      this.times.splice(0, this.head)
      this.head = 0
    }
  }

  hasRoom(now: number): boolean {
    this.prune(now)
    return this.times.length - this.head < this.limit
  }

  record(now: number): void {
    this.times.push(now)
  }
}

export interface RateLimits {
  readonly perSecond: number
  readonly perMinute: number
  readonly batchPerMinute: number
  /** Requests being answered at once. */
  readonly concurrent: number
  /**
   * The windows' lengths; QBO's are 1 s and 60 s (the default). A test that cannot wait a minute shortens the
   * "minute" and scales `perMinute` with it, keeping the rule's shape.
   */
  readonly secondMillis?: number
  readonly minuteMillis?: number
}

/**
 * QBO's published limits per realm: 500 requests a minute, 10 a second, 40 batch requests a minute, and (older
 * policy, still the safe reading) 10 at once.
 */
export const qboRateLimits: RateLimits = { perSecond: 10, perMinute: 500, batchPerMinute: 40, concurrent: 10 }

/** Which rule a throttled request broke. */
export type ThrottleRule = "perSecond" | "perMinute" | "batchPerMinute" | "concurrent"

/**
 * The rules QBO enforces for one realm, counted when a request arrives (before it is worked on): starts in the
 * last second, starts in the last minute, batch starts in the last minute, and requests not yet answered. A
 * throttled request is not counted.
 */
export class RealmRateLimiter {
  private readonly second: RateWindow
  private readonly minute: RateWindow
  private readonly batchMinute: RateWindow
  private inFlight = 0

  constructor(private readonly limits: RateLimits) {
    this.second = new RateWindow(limits.perSecond, limits.secondMillis ?? 1_000)
    this.minute = new RateWindow(limits.perMinute, limits.minuteMillis ?? 60_000)
    this.batchMinute = new RateWindow(limits.batchPerMinute, limits.minuteMillis ?? 60_000)
  }

  /** The rule the request would break, or null when it is admitted (then `answered` must follow). */
  admit(now: number, isBatch: boolean): ThrottleRule | null {
    if (this.inFlight >= this.limits.concurrent) return "concurrent"
    if (!this.second.hasRoom(now)) return "perSecond"
    if (!this.minute.hasRoom(now)) return "perMinute"
    if (isBatch && !this.batchMinute.hasRoom(now)) return "batchPerMinute"
    this.second.record(now)
    this.minute.record(now)
    if (isBatch) this.batchMinute.record(now)
    this.inFlight++
    return null
  }

  /** An admitted request was answered (or its connection closed), so it no longer counts as in flight. */
  answered(): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
  }
}
