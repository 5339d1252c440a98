import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { setTimeout as sleep } from "node:timers/promises"
import { executeGraphql } from "./executeGraphql.ts"
import { FaultQueue, type PomFault } from "./PomFaults.ts"
import { defaultUser, PomServerAuth, type IssuedTokens, type PomServerUser, type Reply } from "./PomServerAuth.ts"
import { PomServerState, type AppliedWrite, type ReplayedWrite, type Row } from "./PomServerState.ts"
import { makeRootValue, pomSchema } from "./pomSchema.ts"
import { RateLimiter, type RateLimit } from "./RateLimiter.ts"

export interface PomServerOptions {
  /** POM export rows keyed by API field names (`customers.csv`); blank cells are nulls. */
  readonly customers?: ReadonlyArray<Row>
  /** `id, customerId, scheduledAt, status` */
  readonly appointments?: ReadonlyArray<Row>
  /** `id, customerId, appointmentId, completedAt` */
  readonly services?: ReadonlyArray<Row>
  /** 0 (default) picks a free port. */
  readonly port?: number
  readonly user?: Partial<PomServerUser>
  readonly organizationId?: string
  /** Default 3600, as POM's `expires_in`. */
  readonly accessTokenTtlSeconds?: number
  /** Per organization; unlimited when absent. */
  readonly rateLimit?: RateLimit
}

export interface RequestRecord {
  readonly path: string
  readonly operationName: string | null
  status: number | "dropped"
}

export interface PomServerLog {
  /** Every request, in arrival order, with how it was answered. */
  readonly requests: ReadonlyArray<RequestRecord>
  /** Every write that changed data, with its id and `clientMutationId`. */
  readonly writes: ReadonlyArray<AppliedWrite>
  /** Every write answered from a previous `clientMutationId` without being applied again. */
  readonly replays: ReadonlyArray<ReplayedWrite>
}

export interface PomServer {
  /** Base URL, the value for `POM_API_URL`: GraphQL is at `${url}/graphql`. */
  readonly url: string
  readonly user: PomServerUser
  readonly state: PomServerState
  readonly log: PomServerLog
  inject(...faults: ReadonlyArray<PomFault>): void
  /** Forgets injected faults not yet used up, so that one test's leftovers do not reach the next. */
  clearFaults(): void
  /** A fresh access/refresh token pair, as if the user had signed in. */
  issueTokens(): IssuedTokens
  close(): Promise<void>
}

const json = (status: number, body: unknown): Reply => ({ status, body })

const graphqlError = (message: string, code: string) => ({ data: null, errors: [{ message, extensions: { code } }] })

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Array<Buffer> = []
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  return Buffer.concat(chunks).toString("utf8")
}

// POM documents JSON bodies for every endpoint; OAuth clients commonly send forms to /oauth/token, so both work.
const parseBody = (raw: string, contentType: string | undefined): Readonly<Record<string, unknown>> | null => {
  if ((contentType ?? "").includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw))
  try {
    const value: unknown = JSON.parse(raw)
    return typeof value === "object" && value !== null ? Object.fromEntries(Object.entries(value)) : null
  } catch {
    return null
  }
}

const operationNameOf = (body: Readonly<Record<string, unknown>> | null): string | null => {
  if (typeof body?.["operationName"] === "string") return body["operationName"]
  const query = body?.["query"]
  return typeof query === "string" ? (/^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? null) : null
}

/** Starts a local POM API on 127.0.0.1, seeded from export rows. See PomFaults.ts for what `inject` accepts. */
export const startPomServer = async (options: PomServerOptions = {}): Promise<PomServer> => {
  const user: PomServerUser = { ...defaultUser, ...options.user }
  const organizationId = options.organizationId ?? "org_local"
  const state = new PomServerState({
    customers: options.customers ?? [],
    appointments: options.appointments ?? [],
    services: options.services ?? []
  })
  const auth = new PomServerAuth(user, organizationId, options.accessTokenTtlSeconds ?? 3600)
  const limiter = options.rateLimit === undefined ? null : new RateLimiter(options.rateLimit)
  const faults = new FaultQueue()
  const rootValue = makeRootValue(state)
  const requests: Array<RequestRecord> = []

  const graphql = async (req: IncomingMessage, body: Readonly<Record<string, unknown>> | null): Promise<Reply> => {
    const bearer = auth.check(req.headers.authorization)
    if (!bearer.ok) return json(200, graphqlError(bearer.message, "UNAUTHORIZED"))
    const rate = limiter?.check(bearer.organizationId, Date.now())
    if (rate !== undefined && !rate.ok) {
      return {
        status: 429,
        body: graphqlError("Too many requests for this organization", "RATE_LIMITED"),
        headers: { "retry-after": String(rate.retryAfterSeconds) }
      }
    }
    const reply = await executeGraphql(pomSchema, rootValue, body)
    return json(reply.status, reply.body)
  }

  const respond = (res: ServerResponse, reply: Reply): void => {
    if (res.destroyed) return
    const payload = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body)
    const type = typeof reply.body === "string" ? "text/html" : "application/json"
    res.writeHead(reply.status, { "content-type": type, ...reply.headers })
    res.end(payload)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname
    const body = parseBody(await readBody(req), req.headers["content-type"])
    const record: RequestRecord = { path, operationName: path === "/graphql" ? operationNameOf(body) : null, status: 0 }
    requests.push(record)
    const drop = (): void => {
      record.status = "dropped"
      req.socket.destroy()
    }

    const fault = faults.take(path, record.operationName)
    if (fault?.kind === "latency") await sleep(fault.ms)
    if (fault?.kind === "drop" && fault.when !== "after") return drop()
    if (fault?.kind === "status") {
      record.status = fault.status
      const page = fault.status >= 500 ? `<html><body><h1>${fault.status} Bad Gateway</h1></body></html>` : { errors: [] }
      return respond(res, { status: fault.status, body: page })
    }
    if (fault?.kind === "rate-limit") {
      record.status = 429
      const retryAfter = String(fault.retryAfterSeconds ?? 0)
      return respond(res, { status: 429, body: graphqlError("Too many requests", "RATE_LIMITED"), headers: { "retry-after": retryAfter } })
    }

    const reply =
      req.method !== "POST"
        ? json(405, { error: "method_not_allowed" })
        : body === null
          ? json(400, graphqlError("body must be JSON", "BAD_REQUEST"))
          : path === "/m/authorize"
            ? auth.authorize(body)
            : path === "/oauth/token"
              ? auth.token(body)
              : path === "/graphql"
                ? await graphql(req, body)
                : json(404, { error: "not_found" })

    if (fault?.kind === "drop") return drop()
    record.status = reply.status
    respond(res, reply)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      respond(res, json(500, graphqlError(`local POM server failed: ${String(error)}`, "INTERNAL_SERVER_ERROR")))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve())
  })
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0

  return {
    url: `http://127.0.0.1:${port}`,
    user,
    state,
    log: { requests, writes: state.writes, replays: state.replays },
    inject: (...injected) => {
      for (const fault of injected) {
        if (fault.kind === "expire-tokens") auth.expireAccessTokens()
        else if (fault.kind === "revoke-refresh-tokens") auth.revokeRefreshTokens()
        else faults.add(fault)
      }
    },
    clearFaults: () => faults.clear(),
    issueTokens: () => auth.issue(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      })
  }
}
