import { Either } from "effect"

export type QboEntityName = "Customer" | "Invoice"

type JsonObject = { readonly [key: string]: unknown }

const isObject = (u: unknown): u is JsonObject => typeof u === "object" && u !== null && !Array.isArray(u)

/** Keys of a query response page that describe the page rather than hold entities. */
const PAGE_FIELDS = new Set(["startPosition", "maxResults", "totalCount"])

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

const fromPage = (page: unknown, entity: QboEntityName, where: string): Either.Either<ReadonlyArray<unknown>, string> => {
  if (!isObject(page)) return Either.left(`${where}: QueryResponse is not a JSON object`)
  const others = Object.keys(page).filter((k) => k !== entity && !PAGE_FIELDS.has(k))
  if (others.length > 0) {
    return Either.left(`${where} holds ${others.join(", ")} entities, not ${entity}: save the result of the ${entity} query in this file`)
  }
  const list = page[entity]
  if (list === undefined) return Either.right([])
  return Array.isArray(list) ? Either.right(list) : Either.left(`${where}: QueryResponse.${entity} is not a JSON list`)
}

/**
 * The entities in one JSON value: a query response page, a batch response, a read response (`{"Customer":
 * {...}}`), or else the value is itself an entity.
 */
const fromValue = (value: unknown, entity: QboEntityName, where: string): Either.Either<ReadonlyArray<unknown>, string> => {
  if (!isObject(value)) return Either.right([value])
  if ("Fault" in value) {
    return Either.left(
      `${where} is a QBO error response (${describeFault(value["Fault"])}), not data: run the ${entity} query again and save its result`
    )
  }
  if ("QueryResponse" in value) return fromPage(value["QueryResponse"], entity, where)
  if ("BatchItemResponse" in value) {
    const items = value["BatchItemResponse"]
    if (!Array.isArray(items)) return Either.left(`${where}: BatchItemResponse is not a JSON list`)
    return flatten(items.map((item, i) => fromValue(item, entity, `${where}, batch item ${i + 1}`)))
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
  if (Array.isArray(json)) return flatten(json.map((item, i) => fromValue(item, entity, `item ${i + 1}`)))
  if (isObject(json) && ("QueryResponse" in json || "BatchItemResponse" in json || "Fault" in json || isObject(json[entity]))) {
    return fromValue(json, entity, "the file")
  }
  return Either.left(
    `expected a JSON list of ${entity} entities or a QBO query response ({"QueryResponse":{"${entity}":[...]}}), found ${
      isObject(json) ? `an object with keys ${Object.keys(json).slice(0, 8).join(", ") || "(none)"}` : JSON.stringify(json)
    }`
  )
}
