import { ParseResult } from "effect"

/** One thing wrong with an entity: the QBO field path (`CustomerRef.value`) and a sentence that names it. */
export interface EntityProblem {
  readonly field: string
  readonly reason: string
}

const fieldPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("")

// A field that may be null or absent fails three ways at once; the "null" and "undefined" branches say nothing.
const NULLABLE_BRANCH = /^Expected (null|undefined), actual /

/** Schema's type dumps ("Expected { readonly Line1?: ... }") as words a person reads. */
const plain = (message: string): string => {
  const actual = /, actual (.*)$/s.exec(message)?.[1] ?? ""
  if (message.startsWith("Expected {") || message.startsWith("Expected Struct")) return `is not a JSON object (found ${actual})`
  if (message.startsWith("Expected ReadonlyArray<")) return `is not a JSON list (found ${actual})`
  return message
}

/**
 * Turns a schema failure into problems a person can act on: "Id is missing", "TotalAmt: Expected number,
 * actual "12"". One problem per field, the innermost field only (not `BillAddr` as well as `BillAddr.Line1`).
 */
export const describeIssues = (error: ParseResult.ParseError): ReadonlyArray<EntityProblem> => {
  const byField = new Map<string, string>()
  for (const issue of ParseResult.ArrayFormatter.formatErrorSync(error)) {
    const field = fieldPath(issue.path) || "(entity)"
    if (!NULLABLE_BRANCH.test(issue.message) && !byField.has(field)) byField.set(field, plain(issue.message))
  }
  const fields = [...byField.keys()]
  return fields
    .filter((f) => !fields.some((other) => other.startsWith(`${f}.`) || other.startsWith(`${f}[`)))
    .map((field) => {
      const message = byField.get(field) ?? ""
      return { field, reason: message.startsWith("is ") ? `${field} ${message}` : `${field}: ${message}` }
    })
}

/** Several problems as one rejection: every field, every reason. */
export const combineProblems = (problems: ReadonlyArray<EntityProblem>): EntityProblem => ({
  field: problems.map((p) => p.field).join(", "),
  reason: problems.map((p) => p.reason).join("; ")
})
