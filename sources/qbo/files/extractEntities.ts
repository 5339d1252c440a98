import { Either } from "effect"

export type QboEntityName = "Customer" | "Invoice"

type JsonObject = { readonly [key: string]: unknown }

const isObject = (u: unknown): u is JsonObject => typeof u === "object" && u !== null && !Array.isArray(u)

/** Keys of a query response page that describe the page rather than hold entities. */
export const PAGE_FIELDS: ReadonlySet<string> = new Set(["startPosition", "maxResults", "totalCount"])

const describeFault = (fault: unknown): string => {
  const errors = isObject(fault) && Array.isArray(fault["Error"]) ? fault["Error"] : []
  const parts = errors.filter(isObject).map((e) =>
    [e["code"], e["Message"], e["Detail"]].filter((p): p is string => typeof p === "string" && p !== "").join(": ")
  )
  return parts.length > 0 ? parts.join("; ") : "no detail given"
}

const flatten = (
  parts: ReadonlyArray<Either.Either<ReadonlyArray<unknown>, string>>
): Either.Either<ReadonlyArray<unknown>, string> =>
  Either.map(Either.all(parts), (lists) => lists.flat())

/*
 * What is wrong with a snapshot's shape, in the same words whether the JSON was parsed whole or walked as a
 * stream (`streamEntities`).
 */
export const notAPage = (where: string): string => `${where}: QueryResponse is not a JSON object`
const saveAdvice = (entity: string): string => `save the result of the ${entity} query in this file`
export const otherEntities = (where: string, others: ReadonlyArray<string>, entity: string, advice = saveAdvice(entity)): string =>
  `${where} holds ${others.join(", ")} entities, not ${entity}: ${advice}`
export const notAList = (where: string, entity: string): string => `${where}: QueryResponse.${entity} is not a JSON list`
export const notABatchList = (where: string): string => `${where}: BatchItemResponse is not a JSON list`
export const faultResponse = (where: string, fault: unknown, entity: QboEntityName): string =>
  `${where} is a QBO error response (${describeFault(fault)}), not data: run the ${entity} query again and save its result`
export const unexpectedTop = (entity: QboEntityName, found: string): string =>
  `expected a JSON list of ${entity} entities or a QBO query response ({"QueryResponse":{"${entity}":[...]}}), found ${found}`
export const objectWithKeys = (keys: ReadonlyArray<string>): string => `an object with keys ${keys.slice(0, 8).join(", ") || "(none)"}`

/**
 * The entities of a query response page (the value of `QueryResponse`), of a file or of a live answer: none when
 * the query matched nothing, and refused when the page holds another entity's rows.
 */
export const entitiesOfPage = (
  page: unknown,
  entity: string,
  where: string,
  advice = saveAdvice(entity)
): Either.Either<ReadonlyArray<unknown>, string> => {
  if (!isObject(page)) return Either.left(notAPage(where))
  const others = Object.keys(page).filter((k) => k !== entity && !PAGE_FIELDS.has(k))
  if (others.length > 0) return Either.left(otherEntities(where, others, entity, advice))
  const list = page[entity]
  if (list === undefined) return Either.right([])
  return Array.isArray(list) ? Either.right(list) : Either.left(notAList(where, entity))
}

/**
 * The entities in one JSON value: a query response page, a batch response, a read response (`{"Customer":
 * {...}}`), or else the value is itself an entity.
 */
export const entitiesOfValue = (value: unknown, entity: QboEntityName, where: string): Either.Either<ReadonlyArray<unknown>, string> => {
  if (!isObject(value)) return Either.right([value])
  if ("Fault" in value) return Either.left(faultResponse(where, value["Fault"], entity))
  if ("QueryResponse" in value) return entitiesOfPage(value["QueryResponse"], entity, where)
  if ("BatchItemResponse" in value) {
    const items = value["BatchItemResponse"]
    if (!Array.isArray(items)) return Either.left(notABatchList(where))
    return flatten(items.map((item, i) => entitiesOfValue(item, entity, `${where}, batch item ${i + 1}`)))
  }
  if (isObject(value[entity])) return Either.right([value[entity]])
  return Either.right([value])
}

/**
 * Finds the QBO entities in a snapshot file's JSON: a list of entities as the API returns them, one query
 * response page (`{"QueryResponse":{"Customer":[...]}}`, empty when nothing matched), a list of such pages, or a
 * batch response whose items are query responses. A QBO error anywhere means the snapshot is incomplete.
 */
export const extractEntities = (json: unknown, entity: QboEntityName): Either.Either<ReadonlyArray<unknown>, string> => {
  if (Array.isArray(json)) return flatten(json.map((item, i) => entitiesOfValue(item, entity, `item ${i + 1}`)))
  if (isObject(json) && ("QueryResponse" in json || "BatchItemResponse" in json || "Fault" in json || isObject(json[entity]))) {
    return entitiesOfValue(json, entity, "the file")
  }
  return Either.left(unexpectedTop(entity, isObject(json) ? objectWithKeys(Object.keys(json)) : JSON.stringify(json)))
}
