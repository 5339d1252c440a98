import { HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { Duration, Effect, Schedule } from "effect"
import type { RunSummary } from "../pipeline/RunSummary.ts"
import { redactUrl, redactUrlsIn } from "./redactUrl.ts"

/** A busy receiver gets a few chances; a run's outcome never depends on it. */
const webhookRetry = Schedule.exponential(Duration.seconds(1)).pipe(Schedule.intersect(Schedule.recurs(3)))

/** What the receiver gets: enough to act on (counts and where the files are), no customer data. */
export const webhookBody = (s: RunSummary) => ({
  event: "reconcile.run.new-cases",
  runId: s.runId,
  finishedAt: s.finishedAt,
  cases: s.cases,
  diff: {
    previousRunId: s.diff.previousRunId,
    new: s.diff.new,
    stillOpen: s.diff.stillOpen,
    resolvedApplied: s.diff.resolvedApplied,
    resolvedGone: s.diff.resolvedGone,
    suppressed: s.diff.suppressed,
    previouslyRejected: s.diff.previouslyRejected
  },
  outputs: s.outputs
})

/**
 * The secret parts of a URL (user info, query, fragment), to take out of any text that might quote them apart
 * from the URL (an HTTP client's error naming only the host and the query, say).
 */
const secretsOf = (url: string): ReadonlyArray<string> => {
  if (!URL.canParse(url)) return [url]
  const u = new URL(url)
  return [u.username, u.password, u.search, u.hash, decodeURIComponent(u.search), decodeURIComponent(u.password)].filter((part) => part.length > 1)
}

/** Text about the webhook as it may be logged: URLs redacted, secret parts of this one removed. */
const scrub = (url: string, text: string): string =>
  secretsOf(url).reduce((t, secret) => t.replaceAll(secret, "…"), redactUrlsIn(text))

/**
 * POSTs the run summary as JSON. A failure is logged, never fatal: the review files are written either way.
 * The URL is logged as scheme, host and path only, since webhook URLs often carry a secret token.
 */
export const notifyWebhook = (url: string, summary: RunSummary) =>
  Effect.gen(function* () {
    const client = yield* HttpClient.HttpClient
    const request = yield* HttpClientRequest.post(url).pipe(HttpClientRequest.bodyJson(webhookBody(summary)))
    const response = yield* client.execute(request).pipe(Effect.timeout(Duration.seconds(10)))
    if (response.status >= 300) return yield* Effect.fail(new Error(`the receiver answered HTTP ${response.status}`))
    yield* Effect.logInfo(`notified the webhook ${redactUrl(url)} of ${summary.diff.new} new case(s)`)
  }).pipe(
    Effect.retry(webhookRetry),
    Effect.catchAll((e) =>
      Effect.logWarning(`the webhook ${redactUrl(url)} could not be notified: ${scrub(url, e instanceof Error ? e.message : String(e))}`)
    ),
    Effect.scoped,
    Effect.provide(NodeHttpClient.layerUndici)
  )
