import { Schema } from "effect"

/*
 * What can go wrong talking to POM, each with the operation (the GraphQL operation name or the auth step) and the
 * ids involved, and a message that says what to do. Tokens and passwords never reach these.
 */

export const PomRecordKind = Schema.Literal("customer", "appointment", "service")
export type PomRecordKind = typeof PomRecordKind.Type

/** POM refused the credentials: a rejected token, a failed sign-in, or a refresh that did not work. */
export class PomUnauthorized extends Schema.TaggedError<PomUnauthorized>()("PomUnauthorized", {
  operation: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    return `POM refused access (${this.operation}): ${this.detail}`
  }
}

export class PomNotFound extends Schema.TaggedError<PomNotFound>()("PomNotFound", {
  operation: Schema.String,
  kind: PomRecordKind,
  id: Schema.String
}) {
  override get message(): string {
    return `POM has no ${this.kind} ${this.id} (${this.operation}); it may have been deleted or merged since the last pull. Pull again and re-plan.`
  }
}

export class PomBadUserInput extends Schema.TaggedError<PomBadUserInput>()("PomBadUserInput", {
  operation: Schema.String,
  id: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    return `POM rejected the values sent by ${this.operation} for ${this.id}: ${this.detail}`
  }
}

export class PomRateLimited extends Schema.TaggedError<PomRateLimited>()("PomRateLimited", {
  operation: Schema.String,
  attempts: Schema.Number
}) {
  override get message(): string {
    return `POM answered 429 Too Many Requests to ${this.operation} ${this.attempts} times in a row. POM limits requests per organization: wait a few minutes, or pause other tools using the POM API, and run again.`
  }
}

/** 5xx answers, timeouts or dropped connections that outlasted every retry. */
export class PomUnavailable extends Schema.TaggedError<PomUnavailable>()("PomUnavailable", {
  operation: Schema.String,
  attempts: Schema.Number,
  detail: Schema.String
}) {
  override get message(): string {
    return `POM did not answer ${this.operation} after ${this.attempts} attempts (last: ${this.detail}). Check POM_API_URL and POM's status, then run again. A write that got no answer may have been applied: re-read the record, or resend the write with the same clientMutationId, rather than sending it blind.`
  }
}

/** POM did not accept the GraphQL document itself (unknown field, wrong type, syntax) or reported another error code. */
export class PomGraphqlError extends Schema.TaggedError<PomGraphqlError>()("PomGraphqlError", {
  operation: Schema.String,
  code: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    const hint = this.code.startsWith("GRAPHQL_")
      ? " The documents live in sources/pom/api/documents.ts: adjust them to POM's schema."
      : ""
    return `POM rejected ${this.operation} with ${this.code}: ${this.detail}.${hint}`
  }
}

/** An answer this client cannot read: not JSON, an unexpected status, or a shape that does not match the documents. */
export class PomProtocolError extends Schema.TaggedError<PomProtocolError>()("PomProtocolError", {
  operation: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    return `POM's answer to ${this.operation} was not what this client expects: ${this.detail}`
  }
}

export type PomApiError =
  | PomUnauthorized
  | PomNotFound
  | PomBadUserInput
  | PomRateLimited
  | PomUnavailable
  | PomGraphqlError
  | PomProtocolError
