/** What a request to the local server is doing, for matching injected faults and for the stats. */
export type QboOperation = "query" | "read" | "update" | "batch" | "token" | "authorize" | "other"

export interface RequestMatch {
  readonly operation?: QboOperation | ReadonlyArray<QboOperation>
  readonly method?: "GET" | "POST"
  /** Matches when the request path and query string contain this text. */
  readonly urlIncludes?: string
}

interface Repeats {
  /** How many matching requests the fault applies to; default 1. `Infinity` for all. */
  readonly times?: number
  readonly match?: RequestMatch
}

/**
 * A fault a test can switch on. Request faults apply to the next `times` matching requests; `drop` closes the
 * connection without an answer, either before the request is executed or after (the write happened, the
 * client never heard), which is what idempotent `requestid` replays are for.
 */
export type QboInjection =
  | ({ readonly kind: "latency"; readonly millis: number } & Repeats)
  | ({ readonly kind: "status"; readonly status: 500 | 502 | 503 | 504 } & Repeats)
  | ({ readonly kind: "drop"; readonly phase: "beforeExecute" | "afterExecute" } & Repeats)
  | ({ readonly kind: "throttle" } & Repeats)
  | { readonly kind: "expireAccessTokens" }
  | { readonly kind: "revokeRefreshTokens" }

export type RequestFault = Extract<QboInjection, { readonly kind: "latency" | "status" | "drop" | "throttle" }>

export interface RequestInfo {
  readonly operation: QboOperation
  readonly method: string
  readonly url: string
}

const matches = (match: RequestMatch | undefined, request: RequestInfo): boolean => {
  if (match === undefined) return request.operation !== "token" && request.operation !== "authorize"
  if (match.method !== undefined && match.method !== request.method) return false
  if (match.urlIncludes !== undefined && !request.url.includes(match.urlIncludes)) return false
  if (match.operation === undefined) return true
  return typeof match.operation === "string" ? match.operation === request.operation : match.operation.includes(request.operation)
}

/** The armed request faults, each used up as matching requests arrive. */
export class FaultInjector {
  private readonly armed: Array<{ rule: RequestFault; remaining: number }> = []

  arm(rule: RequestFault): void {
    this.armed.push({ rule, remaining: rule.times ?? 1 })
  }

  /** Takes (and uses up one repeat of) the first armed fault of this kind that matches the request. */
  take<K extends RequestFault["kind"]>(
    kind: K,
    request: RequestInfo,
    also: (rule: Extract<RequestFault, { readonly kind: K }>) => boolean = () => true
  ): Extract<RequestFault, { readonly kind: K }> | undefined {
    for (const entry of this.armed) {
      const rule = entry.rule
      if (entry.remaining > 0 && isKind(rule, kind) && matches(rule.match, request) && also(rule)) {
        entry.remaining--
        return rule
      }
    }
    return undefined
  }

  clear(): void {
    this.armed.length = 0
  }
}

const isKind = <K extends RequestFault["kind"]>(
  rule: RequestFault,
  kind: K
): rule is Extract<RequestFault, { readonly kind: K }> => rule.kind === kind
