import { Option, type Schema, SchemaAST } from "effect"

/*
 * A QBO snapshot of a large company holds hundreds of thousands of entities, and decoding each through Schema's
 * parser (issues, Either, a fresh object per nested struct) costs several seconds. Nearly every entity is already
 * well formed, so a plain check of the encoded shape, compiled once from the same schema, lets the caller map it
 * directly and keep Schema's decode for the rest, which also gives the precise messages for those that are not.
 */

type Check = (u: unknown) => boolean

const PARSE_OPTIONS: SchemaAST.ParseOptions = { errors: "first" }

const isRecord = (u: unknown): u is Readonly<Record<PropertyKey, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const own = (record: object, name: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(record, name)

/**
 * The check for one AST node, or null when the node is of a kind this does not handle (a transformation, an index
 * signature, a declaration...): the whole guard then answers no and every value goes through Schema.
 */
const compile = (ast: SchemaAST.AST): Check | null => {
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => typeof u === "string"
    case "NumberKeyword":
      return (u) => typeof u === "number"
    case "BooleanKeyword":
      return (u) => typeof u === "boolean"
    case "UndefinedKeyword":
      return (u) => u === undefined
    case "Literal": {
      const literal = ast.literal
      return (u) => u === literal
    }
    case "Union": {
      const members = ast.types.map(compile)
      if (members.some((m) => m === null)) return null
      const checks = members.filter((m): m is Check => m !== null)
      return (u) => checks.some((check) => check(u))
    }
    case "Refinement": {
      const from = compile(ast.from)
      if (from === null) return null
      return (u) => from(u) && Option.isNone(ast.filter(u, PARSE_OPTIONS, ast))
    }
    case "TupleType": {
      if (ast.elements.length > 0 || ast.rest.length !== 1) return null
      const item = ast.rest[0] === undefined ? null : compile(ast.rest[0].type)
      if (item === null) return null
      return (u) => Array.isArray(u) && u.every(item)
    }
    case "TypeLiteral": {
      if (ast.indexSignatures.length > 0) return null
      const properties = ast.propertySignatures.map((p) => ({ name: p.name, optional: p.isOptional, check: compile(p.type) }))
      if (properties.some((p) => p.check === null)) return null
      const checked = properties.flatMap((p) => (p.check === null ? [] : [{ ...p, check: p.check }]))
      return (u) => isRecord(u) && checked.every((p) => (own(u, p.name) ? p.check(u[p.name]) : p.optional))
    }
    default:
      return null
  }
}

/**
 * A type guard for the encoded side of `schema` (nulls, absent fields and refinements as the schema allows them).
 * It never accepts a value the schema's decode would refuse; it may refuse some the decode accepts (an array where
 * a struct is expected, say), which the caller then decodes the slow way.
 */
export const encodedGuard = <A, I>(schema: Schema.Schema<A, I>): ((u: unknown) => u is I) => {
  const check = compile(SchemaAST.encodedBoundAST(schema.ast))
  return (u: unknown): u is I => check !== null && check(u)
}
