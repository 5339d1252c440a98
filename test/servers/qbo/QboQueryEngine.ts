import type { ParsedQuery, QueryCondition, QueryLiteral } from "./QboQueryParser.ts"

export type RawEntity = Record<string, unknown>

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** QBO resolves field names case-insensitively (`Metadata.LastUpdatedTime` finds `MetaData`). */
export const fieldValue = (entity: RawEntity, path: string): unknown => {
  let current: unknown = entity
  for (const segment of path.split(".")) {
    if (!isRecord(current)) return undefined
    const key = Object.keys(current).find((k) => k.toLowerCase() === segment.toLowerCase())
    current = key === undefined ? undefined : current[key]
  }
  // A reference such as CustomerRef is compared on its value, as QBO does (`WHERE CustomerRef = '123'`).
  if (isRecord(current) && "value" in current) return current["value"]
  return current
}

const isoDate = /^\d{4}-\d{2}-\d{2}(T[\d:.]+([+-]\d{2}:\d{2}|Z)?)?$/

/** Orders two values the way QBO does for the types it stores: numbers, numeric ids, dates, booleans, text. */
export const compareValues = (left: unknown, right: QueryLiteral | unknown): number => {
  if (typeof left === "number" || typeof right === "number") {
    const a = Number(left)
    const b = Number(right)
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a - b
  }
  if (typeof left === "boolean" || typeof right === "boolean") {
    const a = String(left).toLowerCase()
    const b = String(right).toLowerCase()
    return a === b ? 0 : a < b ? -1 : 1
  }
  const a = left === undefined || left === null ? "" : String(left)
  const b = right === undefined || right === null ? "" : String(right)
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b)
  if (isoDate.test(a) && isoDate.test(b)) {
    const ta = Date.parse(a)
    const tb = Date.parse(b)
    if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb
  }
  // Query values are not case-sensitive in QBO.
  const la = a.toLowerCase()
  const lb = b.toLowerCase()
  return la === lb ? 0 : la < lb ? -1 : 1
}

const likePattern = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split("%")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
    "is"
  )

export const matchesCondition = (entity: RawEntity, condition: QueryCondition): boolean => {
  const value = fieldValue(entity, condition.field)
  const expected = condition.value
  switch (condition.operator) {
    case "=":
      return compareValues(value, expected) === 0
    case "<":
      return value !== undefined && compareValues(value, expected) < 0
    case ">":
      return value !== undefined && compareValues(value, expected) > 0
    case "<=":
      return value !== undefined && compareValues(value, expected) <= 0
    case ">=":
      return value !== undefined && compareValues(value, expected) >= 0
    case "LIKE":
      return typeof value === "string" && likePattern(String(expected)).test(value)
    case "IN":
      return Array.isArray(expected) && expected.some((candidate) => compareValues(value, candidate) === 0)
  }
}

export interface QueryOutcome {
  readonly rows: ReadonlyArray<RawEntity>
  readonly totalCount: number
}

const mentionsActive = (query: ParsedQuery): boolean =>
  query.where.some((condition) => condition.field.toLowerCase() === "active")

const byNumericId = (a: RawEntity, b: RawEntity): number => Number(a["Id"]) - Number(b["Id"])

/**
 * Every row a query selects, in result order, before paging. Inactive customers are left out unless the query
 * names `Active`, as QBO does; without ORDERBY rows come in Id order so that paging is stable.
 */
export const selectRows = (query: ParsedQuery, entities: Iterable<RawEntity>): ReadonlyArray<RawEntity> => {
  const hideInactive = query.entity.toLowerCase() === "customer" && !mentionsActive(query)
  const matching: Array<RawEntity> = []
  for (const entity of entities) {
    if (hideInactive && entity["Active"] === false) continue
    if (query.where.every((condition) => matchesCondition(entity, condition))) matching.push(entity)
  }
  if (query.orderBy.length === 0) {
    matching.sort(byNumericId)
    return matching
  }
  matching.sort((a, b) => {
    for (const { field, descending } of query.orderBy) {
      const difference = compareValues(fieldValue(a, field), fieldValue(b, field))
      if (difference !== 0) return descending ? -difference : difference
    }
    return byNumericId(a, b)
  })
  return matching
}

/** The page a query asks for (STARTPOSITION is 1-based), or only the count for COUNT(*). */
export const pageRows = (query: ParsedQuery, selected: ReadonlyArray<RawEntity>): QueryOutcome => {
  if (query.count) return { rows: [], totalCount: selected.length }
  const start = query.startPosition - 1
  return { rows: selected.slice(start, start + query.maxResults), totalCount: selected.length }
}

/** A cache key for `selectRows`: the same selection paged with different STARTPOSITIONs shares it. */
export const selectionKey = (query: ParsedQuery): string =>
  JSON.stringify([query.entity.toLowerCase(), query.where, query.orderBy])
