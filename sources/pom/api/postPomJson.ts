import { HttpClientRequest, type HttpClient } from "@effect/platform"
import { Clock, Duration, Effect, Option, type Redacted } from "effect"
import { PomProtocolError } from "./PomApiError.ts"
import { parseRetryAfter, PomTransient } from "./PomRetry.ts"

/** A POM answer that is neither a 429 nor a 5xx: the caller decides what its status and body mean. */
export interface PomAnswer {
  readonly status: number
  /** The body parsed as JSON, when it is JSON. */
  readonly json: Option.Option<unknown>
  /** The start of the body, for error messages about answers that are not JSON. */
  readonly excerpt: string
}

export interface PomPost {
  readonly operation: string
  readonly url: string
  readonly body: unknown
  readonly bearer?: Redacted.Redacted
  readonly timeout: Duration.Duration
}

const parseJson = (text: string): Option.Option<unknown> => {
  try {
    return Option.some<unknown>(JSON.parse(text))
  } catch {
    return Option.none()
  }
}

/**
 * One POST with a JSON body and one read of the answer, within `timeout`. Failures worth repeating (429, 5xx,
 * timeouts, dropped connections) come back as PomTransient; the caller decides whether to retry.
 */
export const postPomJson = (
  client: HttpClient.HttpClient,
  post: PomPost
): Effect.Effect<PomAnswer, PomTransient | PomProtocolError> => {
  const transient = (reason: PomTransient["reason"], detail: string, retryAfter: Option.Option<Duration.Duration> = Option.none()) =>
    new PomTransient({
      operation: post.operation,
      reason,
      detail,
      retryAfterMillis: Option.getOrNull(Option.map(retryAfter, Duration.toMillis))
    })

  const request = HttpClientRequest.post(post.url).pipe(
    HttpClientRequest.acceptJson,
    HttpClientRequest.bodyUnsafeJson(post.body),
    (req) => (post.bearer === undefined ? req : HttpClientRequest.bearerToken(req, post.bearer))
  )

  return Effect.gen(function* () {
    const response = yield* client.execute(request)
    const text = yield* response.text
    const now = yield* Clock.currentTimeMillis
    if (response.status === 429) {
      return yield* transient("rate-limited", "HTTP 429", parseRetryAfter(response.headers["retry-after"], now))
    }
    if (response.status >= 500) return yield* transient("server-error", `HTTP ${response.status}`)
    return { status: response.status, json: parseJson(text), excerpt: text.slice(0, 200) }
  }).pipe(
    Effect.timeoutFail({
      duration: post.timeout,
      onTimeout: () => transient("timeout", `no answer within ${Duration.format(post.timeout)}`)
    }),
    Effect.catchTags({
      RequestError: (error) =>
        error.reason === "Transport"
          ? Effect.fail(transient("connection", `connection failed: ${error.cause instanceof Error ? error.cause.message : error.message}`))
          : Effect.fail(new PomProtocolError({ operation: post.operation, detail: `could not send the request (${error.reason}); check POM_API_URL` })),
      ResponseError: (error) => Effect.fail(transient("connection", `answer cut off: ${error.reason}`))
    })
  )
}
