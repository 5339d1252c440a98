import { Schema } from "effect"

const reconnect = "Run `reconcile qbo connect` again"

/** No token set is stored yet. */
export class QboNotConnected extends Schema.TaggedError<QboNotConnected>()("QboNotConnected", {}) {
  override get message(): string {
    return "No QuickBooks Online connection is stored. Run `reconcile qbo connect` first."
  }
}

/**
 * Intuit refused the stored refresh token (`invalid_grant`): it was revoked, expired (100 days unused), or
 * superseded by a newer one more than 24 hours ago. Only a new consent fixes this.
 */
export class QboReconnectRequired extends Schema.TaggedError<QboReconnectRequired>()("QboReconnectRequired", {
  realmId: Schema.String,
  error: Schema.String,
  description: Schema.String
}) {
  override get message(): string {
    return (
      `QuickBooks Online refused the stored refresh token for company ${this.realmId} ` +
      `(${this.error}: ${this.description}): it was revoked or has expired. ${reconnect} to sign in and approve access.`
    )
  }
}

/** The token endpoint failed for another reason (network, 5xx, a rejected client id/secret). */
export class QboTokenRequestFailed extends Schema.TaggedError<QboTokenRequestFailed>()("QboTokenRequestFailed", {
  operation: Schema.Literal("exchange code", "refresh"),
  error: Schema.String,
  description: Schema.String,
  status: Schema.NullOr(Schema.Number)
}) {
  override get message(): string {
    const status = this.status === null ? "" : ` (HTTP ${this.status})`
    const hint =
      this.error === "invalid_client"
        ? "Check QBO_CLIENT_ID and QBO_CLIENT_SECRET."
        : "Check the network and https://status.developer.intuit.com, then try again."
    return `Intuit's token endpoint failed to ${this.operation}${status}: ${this.error} ${this.description}. ${hint}`
  }
}

/** The token endpoint answered, but not with a usable token set. */
export class QboTokenResponseInvalid extends Schema.TaggedError<QboTokenResponseInvalid>()("QboTokenResponseInvalid", {
  missing: Schema.String
}) {
  override get message(): string {
    return `Intuit's token endpoint answered without ${this.missing}. ${reconnect}; if it persists, check QBO_BASE_URL.`
  }
}

/** `qbo connect` could not complete the browser consent. */
export class QboConnectFailed extends Schema.TaggedError<QboConnectFailed>()("QboConnectFailed", {
  reason: Schema.String
}) {
  override get message(): string {
    return `Connecting to QuickBooks Online failed: ${this.reason}. ${reconnect}.`
  }
}

export type QboAuthError = QboNotConnected | QboReconnectRequired | QboTokenRequestFailed | QboTokenResponseInvalid
