import { createServer, type Server } from "node:http"
import { Deferred, Effect, Exit, type Scope } from "effect"
import { QboConnectFailed } from "./QboAuthErrors.ts"

export interface OAuthCallback {
  /** The full callback URL, as intuit-oauth's `createToken` wants it. */
  readonly url: string
  readonly realmId: string
}

const page = (title: string, text: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family:sans-serif;margin:3em"><h1>${title}</h1><p>${text}</p></body></html>`

// "localhost" can resolve to ::1 first; the redirect must land on the loopback address we listen on.
const listenHost = (hostname: string): string => (hostname === "localhost" ? "127.0.0.1" : hostname)

/**
 * Listens on the redirect URI's port for Intuit's redirect back after consent, and waits for the first request
 * to the redirect path. The `state` must match the one sent, or the callback is refused (CSRF).
 */
export const awaitOAuthCallback = (
  redirectUri: string,
  expectedState: string
): Effect.Effect<Effect.Effect<OAuthCallback, QboConnectFailed>, QboConnectFailed, Scope.Scope> =>
  Effect.gen(function* () {
    const redirect = new URL(redirectUri)
    const result = yield* Deferred.make<OAuthCallback, QboConnectFailed>()
    const fail = (reason: string): void => {
      Deferred.unsafeDone(result, Exit.fail(new QboConnectFailed({ reason })))
    }
    const server: Server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", redirect.origin)
      if (url.pathname !== redirect.pathname) {
        response.writeHead(404, { "content-type": "text/plain" }).end("Not found")
        return
      }
      const reply = (status: number, title: string, text: string): void => {
        response.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(page(title, text))
      }
      const error = url.searchParams.get("error")
      const code = url.searchParams.get("code")
      const realmId = url.searchParams.get("realmId")
      if (error !== null) {
        reply(400, "Not connected", "QuickBooks did not grant access. You can close this tab.")
        return fail(`QuickBooks did not grant access (${error})`)
      }
      if (url.searchParams.get("state") !== expectedState) {
        reply(400, "Not connected", "This sign-in link is stale or was not started here. You can close this tab.")
        return fail("the callback's state did not match the one sent; the sign-in was not started by this run")
      }
      if (code === null || realmId === null) {
        reply(400, "Not connected", "The callback had no code or company id. You can close this tab.")
        return fail("the callback had no code or realmId")
      }
      reply(200, "Connected", "QuickBooks Online is connected. You can close this tab and return to the terminal.")
      Deferred.unsafeDone(result, Exit.succeed({ url: url.toString(), realmId }))
    })
    yield* Effect.acquireRelease(
      Effect.async<void, QboConnectFailed>((resume) => {
        server.once("error", (error) =>
          resume(Effect.fail(new QboConnectFailed({ reason: `cannot listen on ${redirect.host} for the redirect (${error.message})` })))
        )
        server.listen(Number(redirect.port || 80), listenHost(redirect.hostname), () => resume(Effect.void))
      }),
      () =>
        Effect.async<void>((resume) => {
          server.close(() => resume(Effect.void))
          server.closeAllConnections()
        })
    )
    return Deferred.await(result)
  })
