/*
 * Faults a test can inject into the local POM server. Each request fault is consumed by the next `times` matching
 * requests (default 1); `path` defaults to "/graphql" and `operation` (a GraphQL operation name) narrows it further.
 */

interface Target {
  readonly times?: number
  readonly path?: string
  readonly operation?: string
}

export type PomFault =
  /** Answers only after `ms`; the request is still served, so a client that gave up may see its write applied. */
  | ({ readonly kind: "latency"; readonly ms: number } & Target)
  /** Answers with this status (5xx: a proxy-style HTML page, as a load balancer sends). */
  | ({ readonly kind: "status"; readonly status: number } & Target)
  /** Closes the connection without an answer: "before" serving the request, or "after" serving it (a write is applied). */
  | ({ readonly kind: "drop"; readonly when?: "before" | "after" } & Target)
  /** Answers 429 with `Retry-After` (default 0 seconds). */
  | ({ readonly kind: "rate-limit"; readonly retryAfterSeconds?: number } & Target)
  /** Every access token issued so far stops working now. */
  | { readonly kind: "expire-tokens" }
  /** Every refresh token issued so far stops working now. */
  | { readonly kind: "revoke-refresh-tokens" }

export type RequestFault = Extract<PomFault, Target>

interface Pending {
  readonly fault: RequestFault
  remaining: number
}

export class FaultQueue {
  private readonly pending: Array<Pending> = []

  add(fault: RequestFault): void {
    this.pending.push({ fault, remaining: fault.times ?? 1 })
  }

  /** The first pending fault aimed at this request, used up by one. */
  take(path: string, operation: string | null): RequestFault | undefined {
    const match = this.pending.find(
      ({ fault, remaining }) =>
        remaining > 0 &&
        (fault.path ?? "/graphql") === path &&
        (fault.operation === undefined || fault.operation === operation)
    )
    if (match === undefined) return undefined
    match.remaining -= 1
    return match.fault
  }

  /** Forgets every fault not yet used up. */
  clear(): void {
    this.pending.length = 0
  }

  get outstanding(): number {
    return this.pending.reduce((sum, { remaining }) => sum + remaining, 0)
  }
}
