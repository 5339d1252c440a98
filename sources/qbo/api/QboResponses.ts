import { Data, Either, Option } from "effect"
import { entitiesOfPage } from "../files/extractEntities.ts"
import { classifyFault, faultFromJson, faultFromText, type ParsedFault } from "./QboFaultBody.ts"
import { QboFault, QboUnexpectedResponse } from "./QboRequestErrors.ts"

/** One attempt failed in a way another attempt may not: the caller's retry policy decides. */
export class QboRetryable extends Data.TaggedError("QboRetryable")<{
  readonly reason: "timeout" | "connection" | "server" | "throttled"
  readonly status: number | null
  readonly detail: string
}> {}

/** QBO refused the bearer token (401) or its use in this company (403). */
export class QboRejected extends Data.TaggedError("QboRejected")<{
  readonly status: number
  readonly detail: string
}> {}

export interface CallContext {
  readonly operation: string
  readonly requestId: string | null
}

const snippet = (text: string): string => {
  const flat = text.replace(/\s+/g, " ").trim()
  return flat.length > 300 ? `${flat.slice(0, 300)}...` : flat === "" ? "(empty body)" : flat
}

export const toQboFault = (fault: ParsedFault, status: number, context: CallContext): QboFault => {
  const [first] = fault.errors
  const error = first ?? { code: "", message: "", detail: "", element: "" }
  const rest = fault.errors.slice(1).map((e) => `${e.code} ${e.message}: ${e.detail}`)
  return new QboFault({
    operation: context.operation,
    kind: classifyFault(error, fault.type),
    code: error.code,
    faultMessage: error.message,
    detail: [error.detail, ...rest].filter((part) => part !== "").join(" | "),
    element: error.element,
    faultType: fault.type,
    status,
    requestId: context.requestId
  })
}

const parseJson = (text: string): Option.Option<unknown> => {
  try {
    return Option.some(JSON.parse(text))
  } catch {
    return Option.none()
  }
}

export type InterpretError = QboFault | QboUnexpectedResponse | QboRetryable | QboRejected

/**
 * What one HTTP answer from QBO means. 2xx with JSON is success unless it carries a Fault (QBO sends some with
 * 200); 401/403 are token problems; 429 and 5xx are worth retrying; any other 4xx is a Fault.
 */
export const interpretResponse = (status: number, text: string, context: CallContext): Either.Either<unknown, InterpretError> => {
  // Pages run to megabytes: parse once and look for the fault in the parsed value.
  const json = text.trimStart().startsWith("<") ? Option.none() : parseJson(text)
  const fault = Option.isSome(json) ? faultFromJson(json.value) : faultFromText(text)
  const detail = Option.match(fault, {
    onNone: () => snippet(text),
    onSome: (f) => f.errors.map((e) => `${e.code} ${e.message} ${e.detail}`.trim()).join(" | ")
  })
  // Older QBO answers signalled throttling with a 403 and the same fault as today's 429.
  const throttled = Option.exists(fault, (f) => f.errors.some((e) => classifyFault(e, f.type) === "throttled"))
  if (status === 429 || throttled) return Either.left(new QboRetryable({ reason: "throttled", status, detail }))
  if (status === 401 || status === 403) return Either.left(new QboRejected({ status, detail }))
  if (status === 408 || status === 504) return Either.left(new QboRetryable({ reason: "timeout", status, detail }))
  if (status >= 500) return Either.left(new QboRetryable({ reason: "server", status, detail }))
  if (Option.isSome(fault)) return Either.left(toQboFault(fault.value, status, context))
  if (status >= 200 && status < 300 && Option.isSome(json)) return Either.right(json.value)
  return Either.left(new QboUnexpectedResponse({ operation: context.operation, status, expected: "JSON answer", snippet: snippet(text) }))
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * The rows of a query answer: `{"QueryResponse":{"Customer":[...]}}`, or `{"QueryResponse":{}}` for none. The
 * page is read as a snapshot file's pages are (`entitiesOfPage`), so a live pull and a saved one agree.
 */
export const queryRows = (
  json: unknown,
  entity: string,
  context: CallContext
): Either.Either<ReadonlyArray<unknown>, QboUnexpectedResponse | QboFault> => {
  const response = isRecord(json) ? json["QueryResponse"] : undefined
  if (!isRecord(response)) {
    return Either.left(
      new QboUnexpectedResponse({ operation: context.operation, status: 200, expected: "QueryResponse", snippet: snippet(JSON.stringify(json)) })
    )
  }
  // QBO names the entity as it is spelt in the query's FROM, which a person may have written in any case.
  const key = Object.keys(response).find((k) => k.toLowerCase() === entity.toLowerCase()) ?? entity
  return Either.mapLeft(
    entitiesOfPage(response, key, "the answer", "QBO answered another query than the one sent"),
    (detail) => new QboUnexpectedResponse({ operation: context.operation, status: 200, expected: `${entity} list`, snippet: snippet(detail) })
  )
}

/** The `totalCount` of a `SELECT COUNT(*)` answer. */
export const queryCount = (json: unknown, context: CallContext): Either.Either<number, QboUnexpectedResponse> => {
  const response = isRecord(json) ? json["QueryResponse"] : undefined
  const count = isRecord(response) ? response["totalCount"] : undefined
  return typeof count === "number"
    ? Either.right(count)
    : Either.left(new QboUnexpectedResponse({ operation: context.operation, status: 200, expected: "totalCount", snippet: snippet(JSON.stringify(json)) }))
}

/** The entity of a read or update answer: `{"Customer":{...},"time":...}`. */
export const entityOf = (json: unknown, entity: string, context: CallContext): Either.Either<unknown, QboUnexpectedResponse> => {
  const value = isRecord(json) ? json[entity] : undefined
  return isRecord(value)
    ? Either.right(value)
    : Either.left(new QboUnexpectedResponse({ operation: context.operation, status: 200, expected: entity, snippet: snippet(JSON.stringify(json)) }))
}

/** A JSON body's fault, for batch items, which carry one each inside an HTTP 200. */
export const itemFault = (item: unknown, context: CallContext): Option.Option<QboFault> =>
  Option.map(faultFromJson(item), (fault) => toQboFault(fault, 200, context))
