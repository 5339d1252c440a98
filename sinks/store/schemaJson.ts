import { Option, Schema, type SchemaAST as AST } from "effect"

/** True when a value is already exactly what encoding it would produce. */
type Check = (value: unknown) => boolean

const isPlainObject = (v: unknown): v is object => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

const isComposite = (ast: AST.AST): boolean =>
  ast._tag === "TypeLiteral" || ast._tag === "TupleType" || (ast._tag === "Refinement" && isComposite(ast.from))

/** Members that cannot disagree on the output: at most one of them is an object or a list. */
const union = (ast: AST.Union): Check | null => {
  if (ast.types.filter(isComposite).length > 1) return null
  const checks: Array<Check> = []
  for (const t of ast.types) {
    const c = compile(t)
    if (c === null) return null
    checks.push(c)
  }
  return (v) => checks.some((c) => c(v))
}

/**
 * The object's own keys are the declared ones, in the declared order (an absent optional key may be skipped),
 * and each value conforms: then `JSON.stringify` writes exactly what the encoder's fresh object would give.
 */
const struct = (ast: AST.TypeLiteral): Check | null => {
  if (ast.indexSignatures.length > 0) return null
  const fields: Array<{ readonly name: string; readonly optional: boolean; readonly check: Check }> = []
  for (const ps of ast.propertySignatures) {
    const check = compile(ps.type)
    if (typeof ps.name !== "string" || check === null) return null
    fields.push({ name: ps.name, optional: ps.isOptional, check })
  }
  return (v) => {
    if (!isPlainObject(v)) return false
    let next = 0
    for (const key in v) {
      while (next < fields.length && fields[next]?.name !== key) {
        const skipped = fields[next]
        if (skipped === undefined || !skipped.optional || Reflect.get(v, skipped.name) !== undefined) return false
        next++
      }
      const field = fields[next]
      if (field === undefined) return false
      const value: unknown = Reflect.get(v, key)
      if (value === undefined ? !field.optional : !field.check(value)) return false
      next++
    }
    for (; next < fields.length; next++) {
      const rest = fields[next]
      if (rest === undefined || !rest.optional || Reflect.get(v, rest.name) !== undefined) return false
    }
    return true
  }
}

const array = (ast: AST.TupleType): Check | null => {
  const element = ast.elements.length === 0 && ast.rest.length === 1 && ast.rest[0] !== undefined ? compile(ast.rest[0].type) : null
  if (element === null) return null
  return (v) => {
    if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return false
    for (let i = 0; i < v.length; i++) if (!element(v[i])) return false
    return true
  }
}

const refinement = (ast: AST.Refinement): Check | null => {
  const from = compile(ast.from)
  return from === null ? null : (v) => from(v) && Option.isNone(ast.filter(v, {}, ast))
}

/** A check for the schemas whose encoding changes no value, only key order and undeclared keys; else null. */
const compile = (ast: AST.AST): Check | null => {
  switch (ast._tag) {
    case "StringKeyword":
      return (v) => typeof v === "string"
    case "NumberKeyword":
      return (v) => typeof v === "number"
    case "BooleanKeyword":
      return (v) => typeof v === "boolean"
    case "Literal": {
      const { literal } = ast
      return typeof literal === "bigint" ? null : (v) => v === literal
    }
    case "Union":
      return union(ast)
    case "TypeLiteral":
      return struct(ast)
    case "TupleType":
      return array(ast)
    case "Refinement":
      return refinement(ast)
    default:
      return null
  }
}

/** Elements of a long list written per piece: small enough to hand on and drop, large enough to be cheap. */
const SLICE = 1000

/** The JSON text of a plain value, in pieces that join to `JSON.stringify(value)`; cut only between values. */
function* pieces(value: unknown): Generator<string> {
  if (Array.isArray(value) && value.length > SLICE) {
    for (let i = 0; i < value.length; i += SLICE) {
      const slice = value.slice(i, i + SLICE).map((item: unknown) => JSON.stringify(item) ?? "null")
      yield `${i === 0 ? "[" : ","}${slice.join(",")}${i + SLICE >= value.length ? "]" : ""}`
    }
  } else if (isPlainObject(value)) {
    let first = true
    yield "{"
    for (const key in value) {
      const field: unknown = Reflect.get(value, key)
      if (field === undefined) continue
      yield `${first ? "" : ","}${JSON.stringify(key)}:`
      first = false
      yield* pieces(field)
    }
    yield "}"
  } else {
    yield JSON.stringify(value)
  }
}

/**
 * The text of `JSON.stringify(Schema.encodeSync(schema)(value))`, in pieces, so that a large value (a snapshot
 * of a few hundred thousand records) can be hashed and compressed without its whole text, or an encoded copy
 * of it, ever being in memory. For plain data schemas (structs, arrays, literals, brands, nullable fields)
 * encoding only orders keys as declared and drops undeclared ones, so a value already in that form is written
 * as it is. Any other schema, or a value not in that form, goes through the encoder: the text and the errors
 * are always the encoder's.
 */
export const schemaJsonPieces = <A, I>(schema: Schema.Schema<A, I>): ((value: A) => Iterable<string>) => {
  const encode = Schema.encodeSync(schema)
  const conforms = compile(schema.ast)
  return (value) => (conforms !== null && conforms(value) ? pieces(value) : [JSON.stringify(encode(value))])
}
