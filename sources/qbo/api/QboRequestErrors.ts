import { Schema } from "effect"
import type { QboAuthError } from "./QboAuthErrors.ts"

const FaultKind = Schema.Literal(
  "staleObject",
  "closedPeriod",
  "depositedTransaction",
  "objectNotFound",
  "invalidReference",
  "duplicateName",
  "hasBalance",
  "queryParse",
  "throttled",
  "authentication",
  "authorization",
  "businessValidation",
  "system",
  "other"
)

const hints: Readonly<Record<typeof FaultKind.Type, string>> = {
  staleObject: "Someone changed it since it was read: re-read it and plan again.",
  closedPeriod: "Its date is in a closed accounting period: change it in QBO by hand or move the closing date.",
  depositedTransaction: "A payment on it is already deposited: remove the payment from the deposit in QBO first.",
  objectNotFound: "The object, or a customer it refers to, is missing or inactive.",
  invalidReference: "It refers to a customer that does not exist.",
  duplicateName: "Another customer, vendor or employee already uses that display name.",
  hasBalance: "The customer still has an open balance: move or settle its invoices before inactivating it.",
  queryParse: "The query is not valid QBO query syntax.",
  throttled: "QBO is throttling this company: wait a minute and try again.",
  authentication: "The access token was refused.",
  authorization: "The signed-in user may not do this in this company.",
  businessValidation: "QBO refused the change.",
  system: "QBO failed internally; try again later.",
  other: "See QBO's detail above."
}

/** A QBO `Fault`: the request reached QBO and QBO refused it. Nothing was changed. */
export class QboFault extends Schema.TaggedError<QboFault>()("QboFault", {
  /** What was being done, e.g. "update Invoice 239". */
  operation: Schema.String,
  kind: FaultKind,
  code: Schema.String,
  faultMessage: Schema.String,
  detail: Schema.String,
  element: Schema.String,
  faultType: Schema.String,
  /** HTTP status; 200 for a fault inside a batch item. */
  status: Schema.Number,
  requestId: Schema.NullOr(Schema.String)
}) {
  override get message(): string {
    const element = this.element === "" ? "" : ` (field ${this.element})`
    return `QBO refused to ${this.operation}: ${this.code} ${this.faultMessage}${element}. ${this.detail} ${hints[this.kind]}`
  }
}

/** QBO kept answering 429 after every wait. */
export class QboThrottled extends Schema.TaggedError<QboThrottled>()("QboThrottled", {
  operation: Schema.String,
  attempts: Schema.Number
}) {
  override get message(): string {
    return (
      `QBO throttled "${this.operation}" ${this.attempts} times in a row (HTTP 429). Another app may be using this ` +
      "company's request allowance; wait a few minutes and run again."
    )
  }
}

/** QBO did not answer usefully: timeouts, dropped connections, 5xx, after every retry. */
export class QboUnavailable extends Schema.TaggedError<QboUnavailable>()("QboUnavailable", {
  operation: Schema.String,
  reason: Schema.Literal("timeout", "connection", "server"),
  status: Schema.NullOr(Schema.Number),
  attempts: Schema.Number,
  detail: Schema.String
}) {
  override get message(): string {
    const status = this.status === null ? "" : ` HTTP ${this.status}`
    return (
      `QBO did not complete "${this.operation}" after ${this.attempts} attempts (${this.reason}${status}: ${this.detail}). ` +
      "Check the network and https://status.developer.intuit.com, then run again; writes carry a requestid, so a rerun " +
      "will not apply anything twice."
    )
  }
}

/** QBO refused the access token even right after a refresh. */
export class QboUnauthorized extends Schema.TaggedError<QboUnauthorized>()("QboUnauthorized", {
  operation: Schema.String,
  realmId: Schema.String,
  status: Schema.Number,
  detail: Schema.String
}) {
  override get message(): string {
    const what = this.status === 403 ? "is not allowed to use" : "was refused by"
    return (
      `The QBO access token ${what} company ${this.realmId} even after a refresh (HTTP ${this.status}: ${this.detail}) ` +
      `while trying to ${this.operation}. Check QBO_REALM_ID, then run \`reconcile qbo connect\` again.`
    )
  }
}

/** QBO answered with something that is neither the expected entity nor a Fault. */
export class QboUnexpectedResponse extends Schema.TaggedError<QboUnexpectedResponse>()("QboUnexpectedResponse", {
  operation: Schema.String,
  status: Schema.Number,
  expected: Schema.String,
  snippet: Schema.String
}) {
  override get message(): string {
    return (
      `QBO answered "${this.operation}" with HTTP ${this.status} but no ${this.expected}: ${this.snippet}. ` +
      "If QBO_BASE_URL is set, check that it points at a QBO server."
    )
  }
}

/** The request was refused before sending: it breaks a rule QBO would reject it for. */
export class QboInvalidRequest extends Schema.TaggedError<QboInvalidRequest>()("QboInvalidRequest", {
  operation: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `Not sending "${this.operation}" to QBO: ${this.reason}.`
  }
}

export type QboRequestError =
  | QboFault
  | QboThrottled
  | QboUnavailable
  | QboUnauthorized
  | QboUnexpectedResponse
  | QboInvalidRequest
  | QboAuthError
