export interface RateLimit {
  readonly requests: number
  readonly perMs: number
}

export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number }

/** POM limits requests per organization; a fixed window per organization is enough to make a client wait. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(private readonly limit: RateLimit) {}

  check(organizationId: string, now: number): RateDecision {
    const current = this.windows.get(organizationId)
    const window = current === undefined || now - current.start >= this.limit.perMs ? { start: now, count: 0 } : current
    this.windows.set(organizationId, window)
    if (window.count >= this.limit.requests) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.limit.perMs - now) / 1000)) }
    }
    window.count += 1
    return { ok: true }
  }
}
