import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { FaultInjector, type QboInjection, type QboOperation, type RequestInfo } from "./FaultInjector.ts"
import { QboApi, type WriteLogEntry } from "./QboApi.ts"
import { QboCompany, type QboCompanySeed } from "./QboCompany.ts"
import { authenticationFailedBody, authorizationFailedBody, faultBody, faults, throttleXml } from "./QboFaults.ts"
import { type HttpReply, QboOAuthState, type TokenResponse } from "./QboOAuthState.ts"
import { qboRateLimits, type RateLimits, RealmRateLimiter, type ThrottleRule } from "./RateWindow.ts"

export interface QboServerOptions extends QboCompanySeed {
  readonly realmId?: string
  /** 0 (the default) picks a free port. The server only ever listens on 127.0.0.1. */
  readonly port?: number
  readonly clientId?: string
  readonly clientSecret?: string
  /** QBO's limits by default; "off" for tests that are not about throttling. */
  readonly limits?: RateLimits | "off"
  /**
   * How long every API answer takes once the request is admitted, drawn evenly between the two bounds (QBO's
   * own answers take a quarter of a second to a few seconds). Default: no delay.
   */
  readonly answerLatency?: { readonly minMillis: number; readonly maxMillis: number }
  readonly accessTokenTtlSeconds?: number
  readonly refreshTokenTtlSeconds?: number
  readonly rotationGraceMillis?: number
  /** The server's clock, in epoch milliseconds. */
  readonly now?: () => number
}

export interface QboServerStats {
  /** API requests received (not OAuth), including throttled ones. */
  requests: number
  throttled: number
  /** Throttled requests by the rule they broke (injected throttles are not listed here). */
  readonly throttledBy: Partial<Record<ThrottleRule, number>>
  readonly byOperation: Partial<Record<QboOperation, number>>
  /** Every `minorversion` value seen on an API request ("" when missing). */
  readonly minorVersions: Set<string>
  /** When each admitted API request arrived (when QBO counts it), to measure the rate a client achieved. */
  readonly admittedAt: Array<number>
}

export interface QboServer {
  readonly url: string
  readonly realmId: string
  readonly clientId: string
  readonly clientSecret: string
  readonly state: QboCompany
  readonly log: ReadonlyArray<WriteLogEntry>
  readonly stats: QboServerStats
  readonly oauth: QboOAuthState
  /** A fresh token pair, as if `qbo connect` had just run. */
  readonly issueToken: () => TokenResponse
  readonly inject: (injection: QboInjection) => void
  readonly clearInjections: () => void
  readonly close: () => Promise<void>
}

const apiPath = /^\/v3\/company\/([^/]+)\/(.+)$/

const classify = (method: string, path: string): QboOperation => {
  if (path === "/oauth2/v1/tokens/bearer") return "token"
  if (path === "/connect/oauth2") return "authorize"
  const match = apiPath.exec(path)
  if (match === null) return "other"
  const [resource = "", id] = (match[2] ?? "").split("/")
  const lower = resource.toLowerCase()
  if (lower === "query") return "query"
  if (lower === "batch") return "batch"
  if (method === "GET" && id !== undefined) return "read"
  return method === "POST" ? "update" : "other"
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    request.on("data", (chunk: Buffer) => chunks.push(chunk))
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    request.on("error", reject)
  })

const send = (response: ServerResponse, reply: HttpReply): void => {
  response.writeHead(reply.status, { ...reply.headers, "content-length": Buffer.byteLength(reply.body) })
  response.end(reply.body)
}

const sleep = (millis: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, millis))

/**
 * Starts a local QBO: the Accounting API (query, read, sparse update, batch) for one company, Intuit's OAuth
 * endpoints, QBO's throttling, `requestid` replays, and faults a test can inject. Real HTTP on 127.0.0.1.
 */
export const startQboServer = async (options: QboServerOptions): Promise<QboServer> => {
  const now = options.now ?? Date.now
  const realmId = options.realmId ?? "9130357766900456"
  const clientId = options.clientId ?? "local-client-id"
  const clientSecret = options.clientSecret ?? "local-client-secret"
  const company = new QboCompany(options)
  const api = new QboApi(company)
  const oauth = new QboOAuthState({
    realmId,
    clientId,
    clientSecret,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 8_726_400,
    rotationGraceMillis: options.rotationGraceMillis ?? 24 * 3600 * 1000
  })
  const limits = options.limits ?? qboRateLimits
  const limiter = limits === "off" ? null : new RealmRateLimiter(limits)
  const injector = new FaultInjector()
  const replays = new Map<string, HttpReply>()
  const stats: QboServerStats = { requests: 0, throttled: 0, throttledBy: {}, byOperation: {}, minorVersions: new Set(), admittedAt: [] }

  const handleApi = async (request: IncomingMessage, response: ServerResponse, info: RequestInfo, url: URL, arrivedAt: Date): Promise<void> => {
    const body = await readBody(request)
    stats.requests++
    stats.byOperation[info.operation] = (stats.byOperation[info.operation] ?? 0) + 1
    stats.minorVersions.add(url.searchParams.get("minorversion") ?? "")
    // QBO counts a request when it arrives (its headers are in), before working on it, and holds it as "in flight"
    // until answered.
    const injected = injector.take("throttle", info) !== undefined
    const broken = injected || limiter === null ? null : limiter.admit(arrivedAt.getTime(), info.operation === "batch")
    if (injected || broken !== null) {
      stats.throttled++
      if (broken !== null) stats.throttledBy[broken] = (stats.throttledBy[broken] ?? 0) + 1
      return send(response, { status: 429, headers: { "content-type": "application/xml" }, body: throttleXml(arrivedAt) })
    }
    if (limiter !== null) response.once("close", () => limiter.answered())
    stats.admittedAt.push(arrivedAt.getTime())
    const { answerLatency } = options
    if (answerLatency !== undefined) await sleep(answerLatency.minMillis + Math.random() * (answerLatency.maxMillis - answerLatency.minMillis))
    const latency = injector.take("latency", info)
    if (latency !== undefined) await sleep(latency.millis)
    if (injector.take("drop", info, (rule) => rule.phase === "beforeExecute") !== undefined) {
      request.socket.destroy()
      return
    }
    const at = new Date(now())
    const failure = injector.take("status", info)
    if (failure !== undefined) return send(response, { status: failure.status, headers: { "content-type": "application/json" }, body: faultBody(faults.system(), at) })
    const match = apiPath.exec(url.pathname)
    const access = oauth.checkAccess(request.headers.authorization, match?.[1] ?? "", at.getTime())
    if (!access.ok) {
      const failureBody = access.status === 401 ? authenticationFailedBody(access.detail, at) : authorizationFailedBody(at)
      return send(response, { status: access.status, headers: { "content-type": "application/json" }, body: failureBody })
    }
    const requestId = url.searchParams.get("requestid")
    const replayKey = requestId === null ? null : `${realmId}:${requestId}`
    const replay = replayKey === null ? undefined : replays.get(replayKey)
    const reply =
      replay ??
      api.handle({ method: request.method ?? "GET", segments: (match?.[2] ?? "").split("/"), params: url.searchParams, body, requestId }, at)
    if (replayKey !== null && replay === undefined) replays.set(replayKey, reply)
    if (injector.take("drop", info, (rule) => rule.phase === "afterExecute") !== undefined) {
      request.socket.destroy()
      return
    }
    send(response, reply)
  }

  const handleOAuth = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const body = await readBody(request)
    const at = now()
    if (url.pathname === "/connect/oauth2" && request.method === "GET") return send(response, oauth.authorize(url.searchParams, at))
    if (url.pathname === "/oauth2/v1/tokens/bearer" && request.method === "POST") {
      return send(response, oauth.token(new URLSearchParams(body), request.headers.authorization, at))
    }
    if (url.pathname === "/oauth2/v1/tokens/revoke" && request.method === "POST") {
      const parsed: unknown = body.startsWith("{") ? JSON.parse(body) : Object.fromEntries(new URLSearchParams(body))
      const token = typeof parsed === "object" && parsed !== null && "token" in parsed ? String(parsed.token) : ""
      return send(response, oauth.revoke(token))
    }
    if (url.pathname === "/v1/openid_connect/userinfo") {
      return send(response, { status: 200, headers: { "content-type": "application/json" }, body: "{}" })
    }
    send(response, { status: 404, headers: { "content-type": "application/json" }, body: JSON.stringify({ error: "not_found" }) })
  }

  const server = createServer((request, response) => {
    const arrivedAt = new Date(now())
    const url = new URL(request.url ?? "/", "http://127.0.0.1")
    const info: RequestInfo = { operation: classify(request.method ?? "GET", url.pathname), method: request.method ?? "GET", url: `${url.pathname}${url.search}` }
    const handled = apiPath.test(url.pathname) ? handleApi(request, response, info, url, arrivedAt) : handleOAuth(request, response, url)
    handled.catch((error: unknown) => {
      if (!response.headersSent) {
        send(response, { status: 500, headers: { "content-type": "text/plain" }, body: `local QBO server error: ${String(error)}` })
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve))
  const address = server.address()
  const port = typeof address === "object" && address !== null ? (address satisfies AddressInfo).port : 0

  return {
    url: `http://127.0.0.1:${port}`,
    realmId,
    clientId,
    clientSecret,
    state: company,
    log: api.writes,
    stats,
    oauth,
    issueToken: () => oauth.issue(now()),
    inject: (injection) => {
      if (injection.kind === "expireAccessTokens") oauth.expireAccessTokens(now())
      else if (injection.kind === "revokeRefreshTokens") oauth.revokeRefreshTokens()
      else injector.arm(injection)
    },
    clearInjections: () => injector.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      })
  }
}
