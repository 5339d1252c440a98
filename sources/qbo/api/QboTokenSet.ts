import { DateTime, Effect, Redacted, Schema } from "effect"
import { QboTokenResponseInvalid } from "./QboAuthErrors.ts"

/**
 * What `qbo connect` stores: both tokens (Redacted; they encode to plain strings for storage, so keep the store
 * encrypted or private), when each expires, and the company the grant is for. Times encode as epoch milliseconds.
 */
export class QboTokenSet extends Schema.Class<QboTokenSet>("QboTokenSet")({
  realmId: Schema.String,
  accessToken: Schema.Redacted(Schema.String),
  refreshToken: Schema.Redacted(Schema.String),
  accessTokenExpiresAt: Schema.DateTimeUtcFromNumber,
  refreshTokenExpiresAt: Schema.DateTimeUtcFromNumber,
  createdAt: Schema.DateTimeUtcFromNumber
}) {}

/** The token endpoint's JSON (RFC 6749 plus Intuit's `x_refresh_token_expires_in`). */
const TokenResponse = Schema.Struct({
  access_token: Schema.String,
  refresh_token: Schema.String,
  expires_in: Schema.Number,
  x_refresh_token_expires_in: Schema.Number
})

/** Builds the token set from a token endpoint answer received at `receivedAt`. */
export const tokenSetFromResponse = (
  json: unknown,
  realmId: string,
  receivedAt: DateTime.Utc
): Effect.Effect<QboTokenSet, QboTokenResponseInvalid> =>
  Schema.decodeUnknown(TokenResponse)(json).pipe(
    Effect.mapError(() => new QboTokenResponseInvalid({ missing: "access_token, refresh_token, expires_in or x_refresh_token_expires_in" })),
    Effect.map(
      (response) =>
        new QboTokenSet({
          realmId,
          accessToken: Redacted.make(response.access_token),
          refreshToken: Redacted.make(response.refresh_token),
          accessTokenExpiresAt: DateTime.add(receivedAt, { seconds: response.expires_in }),
          refreshTokenExpiresAt: DateTime.add(receivedAt, { seconds: response.x_refresh_token_expires_in }),
          createdAt: receivedAt
        })
    )
  )
