import { describe, expect, it } from "@effect/vitest"
import { Effect, Logger } from "effect"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll } from "vitest"
import { notifyWebhook } from "../../sinks/notifyWebhook.ts"
import { redactUrl, redactUrlsIn } from "../../sinks/redactUrl.ts"
import { SnapshotBuilder } from "../pipeline/cases/snapshotBuilder.ts"
import { summaryFor } from "../reports/html/realisticRun.ts"

const received: Array<string> = []
let receiver: Server
let port = 0
beforeAll(async () => {
  receiver = createServer((req, res) => {
    received.push(req.url ?? "")
    req.resume()
    req.on("end", () => res.writeHead(204).end())
  })
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
  port = (receiver.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())))

/** A port nothing listens on: one the system just handed out and took back. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer()
    probe.listen(0, "127.0.0.1", () => {
      const free = (probe.address() as AddressInfo).port
      probe.close(() => resolve(free))
    })
  })

/** Runs the notification and returns every log line it wrote. */
const notifyLogging = (url: string) =>
  Effect.gen(function* () {
    const lines: Array<string> = []
    const capture = Logger.make(({ message }) => {
      lines.push(Array.isArray(message) ? message.join(" ") : String(message))
    })
    const summary = summaryFor(new SnapshotBuilder().build(), [], 0, 0)
    yield* notifyWebhook(url, { ...summary, diff: { ...summary.diff, new: 3 } }).pipe(Effect.provide(Logger.replace(Logger.defaultLogger, capture)))
    return lines
  })

describe("redactUrl", () => {
  it("keeps scheme, host, port and path, and drops user info, query and fragment", () => {
    expect(redactUrl("https://bot:t0ken@hooks.example:8443/services/T1/B2?key=s3cret&x=1#frag")).toBe("https://hooks.example:8443/services/T1/B2")
    expect(redactUrl("not a url ?key=s3cret")).toBe("(a URL that cannot be read)")
    expect(redactUrlsIn(`POST https://u:p4ss@hooks.example/x?key=s3cret failed (see http://a.example/?q=1)`)).toBe(
      "POST https://hooks.example/x failed (see http://a.example/)"
    )
  })
})

describe("notifyWebhook", () => {
  it.live("delivers to the whole URL but logs it without its query", () =>
    Effect.gen(function* () {
      const lines = yield* notifyLogging(`http://127.0.0.1:${port}/hook?token=s3cret-token`)
      expect(received).toContain("/hook?token=s3cret-token")
      expect(lines).toEqual([`notified the webhook http://127.0.0.1:${port}/hook of 3 new case(s)`])
    })
  )

  it.live("names an unreachable webhook in its warning without the credentials, query or fragment", () =>
    Effect.gen(function* () {
      const closed = yield* Effect.promise(() => freePort())
      const lines = yield* notifyLogging(`http://hook-user:pa55word@127.0.0.1:${closed}/hook?token=s3cret-token#s3cret-frag`)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(new RegExp(`^the webhook http://127\\.0\\.0\\.1:${closed}/hook could not be notified: .+`))
      for (const secret of ["hook-user", "pa55word", "s3cret"]) expect(lines[0]).not.toContain(secret)
    })
  , 30_000)
})
