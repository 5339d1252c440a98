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
}

/** QBO's published limits per realm: 500 requests a minute, 10 a second, 40 batch requests a minute. */
export const qboRateLimits: RateLimits = { perSecond: 10, perMinute: 500, batchPerMinute: 40 }

/** The three windows QBO enforces for one realm. A throttled request is not counted. */
export class RealmRateLimiter {
  private readonly second: RateWindow
  private readonly minute: RateWindow
  private readonly batchMinute: RateWindow

  constructor(limits: RateLimits) {
    this.second = new RateWindow(limits.perSecond, 1_000)
    this.minute = new RateWindow(limits.perMinute, 60_000)
    this.batchMinute = new RateWindow(limits.batchPerMinute, 60_000)
  }

  admit(now: number, isBatch: boolean): boolean {
    const room = this.second.hasRoom(now) && this.minute.hasRoom(now) && (!isBatch || this.batchMinute.hasRoom(now))
    if (!room) return false
    this.second.record(now)
    this.minute.record(now)
    if (isBatch) this.batchMinute.record(now)
    return true
  }
}
