import { Either } from "effect"
import { EvalInputError } from "./EvalInputError.ts"

/** The record fields a labelled CSV can fill. */
export const mappableFields = [
  "firstName",
  "lastName",
  "fullName",
  "companyName",
  "email",
  "phone",
  "street",
  "city",
  "state",
  "zip"
] as const
export type MappableField = (typeof mappableFields)[number]

/** Which columns fill each field; several columns are joined with a space ("street_number+address_1"). */
export type FieldMap = ReadonlyMap<MappableField, ReadonlyArray<string>>

const isMappable = (name: string): name is MappableField => mappableFields.some((f) => f === name)

/** Parses `field=col[+col...],...`; every problem is reported at once. */
export const parseFieldMap = (spec: string): Either.Either<FieldMap, EvalInputError> => {
  const map = new Map<MappableField, ReadonlyArray<string>>()
  const problems: Array<string> = []
  for (const entry of spec.split(",").map((e) => e.trim()).filter((e) => e !== "")) {
    const eq = entry.indexOf("=")
    const field = entry.slice(0, eq).trim()
    const columns = entry
      .slice(eq + 1)
      .split("+")
      .map((c) => c.trim())
      .filter((c) => c !== "")
    if (eq <= 0 || columns.length === 0) problems.push(`"${entry}" is not field=column`)
    else if (!isMappable(field)) problems.push(`"${field}" is not a field (use ${mappableFields.join(", ")})`)
    else if (map.has(field)) problems.push(`"${field}" is mapped twice`)
    else map.set(field, columns)
  }
  if (map.size === 0 && problems.length === 0) problems.push("no field is mapped")
  return problems.length > 0
    ? Either.left(new EvalInputError({ source: "--map", line: null, detail: problems.join("; ") }))
    : Either.right(map)
}
