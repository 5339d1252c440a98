import { randomBytes } from "node:crypto"

export interface QboOAuthOptions {
  readonly realmId: string
  readonly clientId: string
  readonly clientSecret: string
  /** Intuit: 3600 s. */
  readonly accessTokenTtlSeconds: number
  /** Intuit: 100 days rolling (8,726,400 s). */
  readonly refreshTokenTtlSeconds: number
  /** How long a refresh token keeps working after a newer one was issued (Intuit: 24 hours). */
  readonly rotationGraceMillis: number
}

export interface TokenResponse {
  readonly token_type: "bearer"
  readonly access_token: string
  readonly refresh_token: string
  readonly expires_in: number
  readonly x_refresh_token_expires_in: number
}

export interface HttpReply {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

export type AccessCheck = { readonly ok: true } | { readonly ok: false; readonly status: 401 | 403; readonly detail: string }

interface AccessGrant {
  readonly realmId: string
  expiresAt: number
}

interface RefreshGrant {
  readonly realmId: string
  readonly expiresAt: number
  supersededAt: number | null
  revoked: boolean
}

interface CodeGrant {
  readonly redirectUri: string
  readonly expiresAt: number
}

const json = (status: number, body: unknown): HttpReply => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body)
})

// The body Intuit's token endpoint sends for a revoked, expired or unknown refresh token or code.
const invalidGrant = (): HttpReply => json(400, { error_description: "Token invalid", error: "invalid_grant" })

const opaque = (prefix: string): string => `${prefix}${randomBytes(24).toString("base64url")}`

/** Intuit's OAuth 2.0 server for one company: codes, access tokens, rotating refresh tokens. */
export class QboOAuthState {
  private readonly codes = new Map<string, CodeGrant>()
  private readonly access = new Map<string, AccessGrant>()
  private readonly refresh = new Map<string, RefreshGrant>()
  readonly grants: Array<"authorization_code" | "refresh_token"> = []

  constructor(private readonly options: QboOAuthOptions) {}

  issue(now: number): TokenResponse {
    const accessToken = opaque("at.")
    const refreshToken = opaque("rt.")
    const { accessTokenTtlSeconds, refreshTokenTtlSeconds, realmId } = this.options
    this.access.set(accessToken, { realmId, expiresAt: now + accessTokenTtlSeconds * 1000 })
    this.refresh.set(refreshToken, { realmId, expiresAt: now + refreshTokenTtlSeconds * 1000, supersededAt: null, revoked: false })
    return {
      token_type: "bearer",
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: accessTokenTtlSeconds,
      x_refresh_token_expires_in: refreshTokenTtlSeconds
    }
  }

  /** The authorize page: the local server skips the sign-in and consent screens and redirects straight back. */
  authorize(params: URLSearchParams, now: number): HttpReply {
    const redirectUri = params.get("redirect_uri")
    const scope = params.get("scope") ?? ""
    if (params.get("client_id") !== this.options.clientId || redirectUri === null || params.get("response_type") !== "code") {
      return json(400, { error: "invalid_request" })
    }
    const location = new URL(redirectUri)
    if (!scope.split(" ").includes("com.intuit.quickbooks.accounting")) {
      location.searchParams.set("error", "invalid_scope")
    } else {
      const code = opaque("code.")
      this.codes.set(code, { redirectUri, expiresAt: now + 5 * 60_000 })
      location.searchParams.set("code", code)
      location.searchParams.set("realmId", this.options.realmId)
    }
    const state = params.get("state")
    if (state !== null) location.searchParams.set("state", state)
    return { status: 302, headers: { location: location.toString() }, body: "" }
  }

  private clientAuthenticated(authorization: string | undefined): boolean {
    const expected = Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString("base64")
    return authorization === `Basic ${expected}`
  }

  /** POST oauth2/v1/tokens/bearer with grant_type authorization_code or refresh_token. */
  token(form: URLSearchParams, authorization: string | undefined, now: number): HttpReply {
    if (!this.clientAuthenticated(authorization)) return json(401, { error: "invalid_client" })
    const grantType = form.get("grant_type")
    if (grantType === "authorization_code") {
      this.grants.push(grantType)
      const code = form.get("code") ?? ""
      const grant = this.codes.get(code)
      this.codes.delete(code)
      if (grant === undefined || grant.expiresAt <= now || grant.redirectUri !== form.get("redirect_uri")) return invalidGrant()
      return json(200, this.issue(now))
    }
    if (grantType === "refresh_token") {
      this.grants.push(grantType)
      const presented = form.get("refresh_token") ?? ""
      const grant = this.refresh.get(presented)
      const graceOver =
        grant !== undefined && grant.supersededAt !== null && grant.supersededAt + this.options.rotationGraceMillis <= now
      if (grant === undefined || grant.revoked || grant.expiresAt <= now || graceOver) return invalidGrant()
      // Rotation: the presented token keeps working for the grace period only.
      if (grant.supersededAt === null) grant.supersededAt = now
      return json(200, this.issue(now))
    }
    return json(400, { error: "unsupported_grant_type" })
  }

  revoke(token: string): HttpReply {
    const refresh = this.refresh.get(token)
    if (refresh !== undefined) refresh.revoked = true
    this.access.delete(token)
    return { status: 200, headers: {}, body: "" }
  }

  checkAccess(authorization: string | undefined, realmId: string, now: number): AccessCheck {
    const token = authorization?.startsWith("Bearer ") === true ? authorization.slice("Bearer ".length) : ""
    const grant = this.access.get(token)
    if (grant === undefined) return { ok: false, status: 401, detail: "Malformed bearer token: unknown token" }
    if (grant.expiresAt <= now) return { ok: false, status: 401, detail: "Token expired" }
    if (grant.realmId !== realmId) return { ok: false, status: 403, detail: "Token is for another company" }
    return { ok: true }
  }

  expireAccessTokens(now: number): void {
    for (const grant of this.access.values()) grant.expiresAt = Math.min(grant.expiresAt, now)
  }

  revokeRefreshTokens(): void {
    for (const grant of this.refresh.values()) grant.revoked = true
  }
}
