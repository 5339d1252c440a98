/**
 * The error bodies the local server sends, shaped like QBO's recorded ones (see the fixtures README in
 * test/fixtures/qbo-payloads): codes are strings, `element` is usually empty, `time` carries an offset.
 */

export interface FaultError {
  readonly Message: string
  readonly Detail: string
  readonly code: string
  readonly element: string
}

export interface Fault {
  readonly type: "ValidationFault" | "SystemFault" | "AuthenticationFault" | "AuthorizationFault"
  readonly Error: ReadonlyArray<FaultError>
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0")

/** QBO's timestamp style (`2015-07-23T11:07:55.772-07:00`), written in UTC. */
export const qboTime = (date: Date, withMillis = true): string =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:` +
  `${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${withMillis ? `.${pad(date.getUTCMilliseconds(), 3)}` : ""}+00:00`

const validation = (code: string, Message: string, Detail: string, element = ""): Fault => ({
  type: "ValidationFault",
  Error: [{ Message, Detail, code, element }]
})

export const faults = {
  parse: (detail: string): Fault => validation("4000", "Error parsing query", detail),
  requiredParam: (name: string): Fault =>
    validation("2020", "Required param missing, need to supply the required value for the API", `Required parameter ${name} is missing in the request`, name),
  objectNotFound: (entity: string, id: string): Fault =>
    validation(
      "610",
      "Object Not Found",
      `Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.`,
      `${entity}:${id}`
    ),
  invalidReference: (id: string): Fault =>
    validation("2500", "Invalid Reference Id", `Invalid Reference Id : Customer assigned to this transaction has been deleted or does not exist (Id ${id}).`, "CustomerRef"),
  stale: (entity: string): Fault =>
    validation(
      "5010",
      "Stale Object Error",
      `Stale Object Error : You and Local Server User were working on this at the same time. Local Server User finished before you did, so your work was not saved. Entity=${entity}`
    ),
  duplicateName: (): Fault =>
    validation(
      "6240",
      "Duplicate Name Exists Error",
      "The name supplied already exists. : Another customer, vendor or employee is already using this \nname. Please use a different name."
    ),
  closedPeriod: (): Fault =>
    validation(
      "6210",
      "Account Period Closed",
      "The account period has closed and the account books cannot be updated through the QBO Services API. Please use the QBO website to make these changes."
    ),
  deposited: (): Fault =>
    validation(
      "6540",
      "Deposited Transaction cannot be changed",
      "This transaction has been deposited. If you want to change or delete it, you must edit the deposit it appears on and remove it first."
    ),
  // QBO's code for this error was not captured in any public record; the message text is (ruckus/quickbooks-ruby#390).
  hasBalance: (): Fault =>
    validation(
      "6000",
      "Delete List Has Balance Error",
      "The entity you are trying to delete has an open balance. : This customer cannot be deleted because it has a non-zero balance"
    ),
  batchTooLarge: (count: number): Fault =>
    validation(
      "6000",
      "A business validation error has occurred while processing your request",
      `Business Validation Error: The maximum number of payloads in a single BatchItemRequest is 30. This request has ${count}.`
    ),
  businessValidation: (detail: string): Fault =>
    validation("6000", "A business validation error has occurred while processing your request", `Business Validation Error: ${detail}`),
  unsupported: (what: string): Fault =>
    validation("500", "Unsupported Operation", `Operation ${what} is not supported.`),
  system: (): Fault => ({
    type: "SystemFault",
    Error: [
      {
        Message: "An application error has occurred while processing your request",
        Detail: "System Failure Error: An unexpected error occurred while accessing or saving your data. Please wait a few minutes and try again.",
        code: "10000",
        element: ""
      }
    ]
  })
}

export const faultBody = (fault: Fault, now: Date): string => JSON.stringify({ Fault: fault, time: qboTime(now) })

/** QBO sends its throttle fault as XML even when JSON was asked for (recorded: fault-throttle-429.recorded.xml). */
export const throttleXml = (now: Date): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<IntuitResponse time="${qboTime(now)}" xmlns="http://schema.intuit.com/finance/v3">
  <Fault type="SERVICE">
    <Error code="3001">
      <Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>
      <Detail>The request limit was reached.  Try again later</Detail>
    </Error>
  </Fault>
</IntuitResponse>
`

/** The 401 body QBO sends for a bad or expired bearer token (recorded in routablehq/python-quickbooks#250). */
export const authenticationFailedBody = (detail: string, now: Date): string =>
  JSON.stringify({
    warnings: null,
    intuitObject: null,
    fault: {
      error: [{ message: "message=AuthenticationFailed; errorCode=003200; statusCode=401", detail, code: "3200", element: null }],
      type: "AUTHENTICATION"
    },
    report: null,
    queryResponse: null,
    batchItemResponse: [],
    attachableResponse: [],
    syncErrorResponse: null,
    requestId: null,
    time: now.getTime(),
    status: null,
    cdcresponse: []
  })

/** 403 for a token used against another company (same shape as the recorded 403 in intuit/oauth-jsclient#2). */
export const authorizationFailedBody = (now: Date): string =>
  JSON.stringify({
    warnings: null,
    intuitObject: null,
    fault: {
      error: [{ message: "message=AuthorizationFailed; errorCode=003100; statusCode=403", detail: null, code: "3100", element: null }],
      type: "SERVICE"
    },
    time: now.getTime()
  })
