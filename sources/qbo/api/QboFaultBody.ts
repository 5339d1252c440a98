import { Option, Schema } from "effect"

/**
 * Reading QBO's error bodies. They come in three shapes, all handled here:
 * - JSON `{"Fault":{"Error":[{"Message","Detail","code","element"}],"type"}}` (validation and most faults);
 * - JSON with lower-case keys `{"fault":{"error":[{"message",...}],"type":"AUTHENTICATION"}}` (401s);
 * - XML `<IntuitResponse><Fault type><Error code><Message/><Detail/>` (429 throttling, even when JSON was asked).
 */

export interface FaultError {
  readonly code: string
  readonly message: string
  readonly detail: string
  readonly element: string
}

export interface ParsedFault {
  readonly type: string
  readonly errors: ReadonlyArray<FaultError>
}

/** What a fault means for the caller; decided on the Message as well as the code (QBO reuses codes). */
export type QboFaultKind =
  | "staleObject"
  | "closedPeriod"
  | "depositedTransaction"
  | "objectNotFound"
  | "invalidReference"
  | "duplicateName"
  | "hasBalance"
  | "queryParse"
  | "throttled"
  | "authentication"
  | "authorization"
  | "businessValidation"
  | "system"
  | "other"

const optionalText = Schema.optional(Schema.NullOr(Schema.Union(Schema.String, Schema.Number)))

const UpperError = Schema.Struct({ Message: optionalText, Detail: optionalText, code: optionalText, element: optionalText })
const LowerError = Schema.Struct({ message: optionalText, detail: optionalText, code: optionalText, element: optionalText })

const UpperFault = Schema.Struct({
  Fault: Schema.Struct({ type: optionalText, Error: Schema.Array(UpperError) })
})
const LowerFault = Schema.Struct({
  fault: Schema.Struct({ type: optionalText, error: Schema.Array(LowerError) })
})

const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? "" : String(value))

const decodeUpper = Schema.decodeUnknownOption(UpperFault)
const decodeLower = Schema.decodeUnknownOption(LowerFault)

/** The fault in a parsed JSON body, if it carries one with at least one error. */
export const faultFromJson = (body: unknown): Option.Option<ParsedFault> => {
  const upper = decodeUpper(body).pipe(
    Option.map(({ Fault }) => ({
      type: text(Fault.type),
      errors: Fault.Error.map((e) => ({ code: text(e.code), message: text(e.Message), detail: text(e.Detail), element: text(e.element) }))
    }))
  )
  const parsed = Option.isSome(upper)
    ? upper
    : decodeLower(body).pipe(
        Option.map(({ fault }) => ({
          type: text(fault.type),
          errors: fault.error.map((e) => ({ code: text(e.code), message: text(e.message), detail: text(e.detail), element: text(e.element) }))
        }))
      )
  return Option.filter(parsed, (fault) => fault.errors.length > 0)
}

const unescapeXml = (value: string): string =>
  value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, "\"")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")

const attribute = (tag: string, name: string): string => unescapeXml(new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? "")
const element = (xml: string, name: string): string =>
  unescapeXml(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1]?.trim() ?? "")

/** The fault in an XML body (QBO's throttling answer, and every answer of an XML-speaking endpoint). */
export const faultFromXml = (xml: string): Option.Option<ParsedFault> => {
  const fault = /<Fault\b[^>]*>/.exec(xml)
  if (fault === null) return Option.none()
  const errors = [...xml.matchAll(/<Error\b([^>]*)>([\s\S]*?)<\/Error>/g)].map((match) => ({
    code: attribute(match[1] ?? "", "code"),
    element: attribute(match[1] ?? "", "element"),
    message: element(match[2] ?? "", "Message"),
    detail: element(match[2] ?? "", "Detail")
  }))
  return errors.length === 0 ? Option.none() : Option.some({ type: attribute(fault[0], "type"), errors })
}

/** The fault in a response body of either kind. */
export const faultFromText = (body: string): Option.Option<ParsedFault> => {
  const trimmed = body.trimStart()
  if (trimmed.startsWith("<")) return faultFromXml(trimmed)
  try {
    return faultFromJson(JSON.parse(trimmed))
  } catch {
    return Option.none()
  }
}

const byMessage: ReadonlyArray<readonly [RegExp, QboFaultKind]> = [
  // "Account Period Closed" has been seen with code 5010, so the message decides before the code does.
  [/account period closed/i, "closedPeriod"],
  [/stale object/i, "staleObject"],
  [/deposited transaction/i, "depositedTransaction"],
  [/has balance|non-zero balance|open balance/i, "hasBalance"],
  [/duplicate name/i, "duplicateName"],
  [/invalid reference/i, "invalidReference"],
  [/object not found/i, "objectNotFound"],
  [/error parsing query|QueryParserError/i, "queryParse"],
  [/throttle/i, "throttled"],
  [/authenticationfailed|authentication error/i, "authentication"],
  [/authorizationfailed|authorization failure/i, "authorization"]
]

const byCode: Readonly<Record<string, QboFaultKind>> = {
  "5010": "staleObject",
  "6210": "closedPeriod",
  "6540": "depositedTransaction",
  "610": "objectNotFound",
  "2500": "invalidReference",
  "6240": "duplicateName",
  "4000": "queryParse",
  "3001": "throttled",
  "3200": "authentication",
  "100": "authentication",
  "3100": "authorization",
  "120": "authorization",
  "6000": "businessValidation",
  "10000": "system"
}

export const classifyFault = (error: FaultError, faultType: string): QboFaultKind => {
  const words = `${error.message} ${error.detail}`
  const fromMessage = byMessage.find(([pattern]) => pattern.test(words))
  if (fromMessage !== undefined) return fromMessage[1]
  const fromCode = byCode[error.code]
  if (fromCode !== undefined) return fromCode
  return /systemfault/i.test(faultType) ? "system" : "other"
}
