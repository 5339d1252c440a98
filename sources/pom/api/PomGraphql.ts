import { HttpClient } from "@effect/platform"
import { Effect, Option, Schema, type Redacted } from "effect"
import {
  PomBadUserInput,
  PomGraphqlError,
  PomNotFound,
  PomProtocolError,
  PomUnauthorized,
  type PomApiError,
  type PomRecordKind
} from "./PomApiError.ts"
import { PomAuth } from "./PomAuth.ts"
import { PomConfig } from "./PomConfig.ts"
import type { PomDocument } from "./documents.ts"
import { PomTransient, withPomRetries } from "./PomRetry.ts"
import { postPomJson, type PomAnswer } from "./postPomJson.ts"

/** The record a request is about, so NOT_FOUND and BAD_USER_INPUT can name it. */
export interface PomTarget {
  readonly kind: PomRecordKind
  readonly id: string
}

const GraphqlEnvelope = Schema.Struct({
  data: Schema.optional(Schema.Unknown),
  errors: Schema.optional(
    Schema.Array(
      Schema.Struct({
        message: Schema.String,
        extensions: Schema.optional(Schema.Struct({ code: Schema.optional(Schema.String) }))
      })
    )
  )
})

/** Turns one HTTP answer into the `data` it carries, or the error its `errors[].extensions.code` names. */
const interpret = (
  document: PomDocument,
  target: PomTarget | undefined,
  answer: PomAnswer
): Effect.Effect<unknown, PomApiError | PomTransient> => {
  const operation = document.operationName
  const envelope = Option.flatMap(answer.json, Schema.decodeUnknownOption(GraphqlEnvelope))
  if (Option.isNone(envelope)) {
    return Effect.fail(
      new PomProtocolError({ operation, detail: `HTTP ${answer.status} without a GraphQL answer: ${JSON.stringify(answer.excerpt)}` })
    )
  }
  const errors = envelope.value.errors ?? []
  if (errors.length === 0) {
    return answer.status >= 200 && answer.status < 300
      ? Effect.succeed(envelope.value.data ?? null)
      : Effect.fail(new PomProtocolError({ operation, detail: `HTTP ${answer.status} without errors` }))
  }
  const code = errors.find((e) => e.extensions?.code !== undefined)?.extensions?.code ?? "UNKNOWN"
  const detail = errors.map((e) => e.message).join("; ")
  switch (code) {
    case "UNAUTHORIZED":
    case "UNAUTHENTICATED":
      return Effect.fail(new PomUnauthorized({ operation, detail }))
    case "NOT_FOUND":
      return Effect.fail(
        target === undefined
          ? new PomGraphqlError({ operation, code, detail })
          : new PomNotFound({ operation, kind: target.kind, id: target.id })
      )
    case "BAD_USER_INPUT":
      return Effect.fail(new PomBadUserInput({ operation, id: target?.id ?? "(no record)", detail }))
    case "RATE_LIMITED":
      return Effect.fail(new PomTransient({ operation, reason: "rate-limited", detail, retryAfterMillis: null }))
    default:
      return Effect.fail(new PomGraphqlError({ operation, code, detail }))
  }
}

/**
 * Sends GraphQL documents to `POST {POM_API_URL}/graphql` with the session's Bearer token. Retries transient
 * failures (see PomRetry.ts); when POM answers UNAUTHORIZED it renews the session once and tries again.
 */
export class PomGraphql extends Effect.Service<PomGraphql>()("reconcile/PomGraphql", {
  effect: Effect.gen(function* () {
    const settings = yield* PomConfig
    const client = yield* HttpClient.HttpClient
    const auth = yield* PomAuth

    const send = (document: PomDocument, variables: Readonly<Record<string, unknown>>, target: PomTarget | undefined) =>
      (token: Redacted.Redacted): Effect.Effect<unknown, PomApiError> =>
        postPomJson(client, {
          operation: document.operationName,
          url: `${settings.apiUrl}/graphql`,
          body: { operationName: document.operationName, query: document.query, variables },
          bearer: token,
          timeout: settings.requestTimeout
        }).pipe(
          Effect.flatMap((answer) => interpret(document, target, answer)),
          withPomRetries(settings.retry)
        )

    /** The `data` of the answer, not yet decoded: callers decode it with the schema that matches the document. */
    const execute = (
      document: PomDocument,
      variables: Readonly<Record<string, unknown>>,
      target?: PomTarget
    ): Effect.Effect<unknown, PomApiError> => {
      const attempt = send(document, variables, target)
      return Effect.gen(function* () {
        const token = yield* auth.accessToken
        return yield* attempt(token).pipe(
          Effect.catchTag("PomUnauthorized", () =>
            Effect.flatMap(auth.renew(token), (renewed) =>
              attempt(renewed).pipe(
                Effect.catchTag("PomUnauthorized", (again) =>
                  Effect.fail(
                    new PomUnauthorized({
                      operation: again.operation,
                      detail: `${again.detail}. POM refused a just-renewed session as well: the account may not have API access to this organization.`
                    })
                  )
                )
              )
            )
          )
        )
      }).pipe(Effect.withSpan(`PomGraphql.${document.operationName}`))
    }

    return { execute } as const
  }),
  dependencies: [PomAuth.Default]
}) {}
