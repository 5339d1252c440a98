import { randomBytes } from "node:crypto"

/** The one sign-in the local server accepts, as POM's `/m/authorize` takes it. */
export interface PomServerUser {
  readonly email: string
  readonly password: string
  readonly clientId: string
  readonly realm: string
  readonly redirectUri: string
}

export const defaultUser: PomServerUser = {
  email: "office@example.com",
  password: "local-password",
  clientId: "reconcile-local",
  realm: "local-pools",
  redirectUri: "urn:ietf:wg:oauth:2.0:oob"
}

export interface Reply {
  readonly status: number
  /** A string is sent as an HTML page, anything else as JSON. */
  readonly body: unknown
  readonly headers?: Readonly<Record<string, string>>
}

export interface IssuedTokens {
  readonly accessToken: string
  readonly refreshToken: string
}

export type BearerCheck =
  | { readonly ok: true; readonly organizationId: string }
  | { readonly ok: false; readonly message: string }

const secret = (prefix: string): string => `${prefix}_${randomBytes(18).toString("base64url")}`

const oauthError = (status: number, error: string, description: string): Reply => ({
  status,
  body: { error, error_description: description }
})

const field = (body: Readonly<Record<string, unknown>>, key: string): string | null => {
  const value = body[key]
  return typeof value === "string" && value !== "" ? value : null
}

/**
 * POM's OAuth flow: `/m/authorize` trades a sign-in for a one-time code, `/oauth/token` trades the code (or a
 * refresh token) for an access token. Refresh tokens rotate: each is good for one refresh, as in OAuth 2.1.
 */
export class PomServerAuth {
  private readonly codes = new Map<string, { readonly clientId: string; readonly redirectUri: string }>()
  private readonly accessTokens = new Map<string, { readonly organizationId: string; expiresAt: number }>()
  private readonly refreshTokens = new Map<string, { readonly clientId: string }>()

  constructor(
    private readonly user: PomServerUser,
    private readonly organizationId: string,
    private readonly accessTokenTtlSeconds: number
  ) {}

  authorize(body: Readonly<Record<string, unknown>>): Reply {
    const email = field(body, "email")
    const password = field(body, "password")
    const clientId = field(body, "clientId")
    const redirectUri = field(body, "redirectUri")
    if (email === null || password === null || clientId === null || redirectUri === null || field(body, "realm") === null) {
      return oauthError(400, "invalid_request", "email, password, realm, clientId and redirectUri are required")
    }
    if (clientId !== this.user.clientId) return oauthError(401, "invalid_client", "unknown clientId")
    if (
      email.toLowerCase() !== this.user.email.toLowerCase() ||
      password !== this.user.password ||
      field(body, "realm") !== this.user.realm
    ) {
      return oauthError(401, "invalid_credentials", "email, password or realm is wrong")
    }
    const code = secret("code")
    this.codes.set(code, { clientId, redirectUri })
    return { status: 200, body: { code, state: field(body, "state") } }
  }

  token(body: Readonly<Record<string, unknown>>): Reply {
    const clientId = field(body, "client_id")
    if (clientId !== this.user.clientId) return oauthError(401, "invalid_client", "unknown client_id")
    switch (field(body, "grant_type")) {
      case "authorization_code": {
        const code = field(body, "code")
        const issued = code === null ? undefined : this.codes.get(code)
        if (code === null || issued === undefined) return oauthError(400, "invalid_grant", "the authorization code is unknown or used")
        this.codes.delete(code)
        if (issued.clientId !== clientId || issued.redirectUri !== field(body, "redirect_uri")) {
          return oauthError(400, "invalid_grant", "client_id or redirect_uri does not match the authorization")
        }
        return this.grant(clientId)
      }
      case "refresh_token": {
        const refreshToken = field(body, "refresh_token")
        const issued = refreshToken === null ? undefined : this.refreshTokens.get(refreshToken)
        if (refreshToken === null || issued === undefined || issued.clientId !== clientId) {
          return oauthError(400, "invalid_grant", "the refresh token is unknown, revoked or already used")
        }
        this.refreshTokens.delete(refreshToken)
        return this.grant(clientId)
      }
      default:
        return oauthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token")
    }
  }

  /** A token pair without the sign-in round trip, for tests and the command line. */
  issue(): IssuedTokens {
    return this.mint(this.user.clientId)
  }

  check(authorization: string | undefined): BearerCheck {
    const match = /^Bearer (\S+)$/i.exec(authorization ?? "")
    const token = match?.[1]
    if (token === undefined) return { ok: false, message: "Not authorized: missing Bearer token" }
    const known = this.accessTokens.get(token)
    if (known === undefined) return { ok: false, message: "Not authorized: unknown access token" }
    if (Date.now() >= known.expiresAt) return { ok: false, message: "Not authorized: access token expired" }
    return { ok: true, organizationId: known.organizationId }
  }

  expireAccessTokens(): void {
    for (const token of this.accessTokens.values()) token.expiresAt = 0
  }

  revokeRefreshTokens(): void {
    this.refreshTokens.clear()
  }

  private grant(clientId: string): Reply {
    const tokens = this.mint(clientId)
    return {
      status: 200,
      body: {
        access_token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
        token_type: "Bearer",
        expires_in: this.accessTokenTtlSeconds
      }
    }
  }

  private mint(clientId: string): IssuedTokens {
    const accessToken = secret("pat")
    const refreshToken = secret("prt")
    this.accessTokens.set(accessToken, {
      organizationId: this.organizationId,
      expiresAt: Date.now() + this.accessTokenTtlSeconds * 1000
    })
    this.refreshTokens.set(refreshToken, { clientId })
    return { accessToken, refreshToken }
  }
}
