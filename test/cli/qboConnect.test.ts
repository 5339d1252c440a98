import { Effect, Layer, Option, Redacted } from "effect"
import { spawn } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { QboTokenStore } from "../../sources/qbo/api/QboTokenStore.ts"
import { SqliteQboTokenStore } from "../../sinks/store/SqliteQboTokenStore.ts"
import { Store } from "../../sinks/store/Store.ts"
import { type QboServer, startQboServer } from "../servers/qbo/QboServer.ts"
import { freePort } from "../sources/qbo/api/localQbo.ts"

let qbo: QboServer
beforeAll(async () => {
  qbo = await startQboServer({ customers: [], invoices: [] })
})
afterAll(() => qbo.close())

const bin = fileURLToPath(new URL("../../bin/reconcile.mjs", import.meta.url))

describe("reconcile qbo connect", () => {
  it("prints the address to open, receives the callback, and stores the tokens without printing them", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "connect-")), "r.db")
    const port = await freePort()
    const env = {
      ...process.env,
      QBO_BASE_URL: qbo.url,
      QBO_CLIENT_ID: qbo.clientId,
      QBO_CLIENT_SECRET: qbo.clientSecret,
      QBO_REDIRECT_URI: `http://127.0.0.1:${port}/callback`
    }
    const child = spawn(process.execPath, [bin, "qbo", "connect", "--db", db], { env, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()))
    const opened = new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString()
        const url = /(http\S+connect\/oauth2\S+)/.exec(stdout)?.[1]
        // What a person's browser does: open the address, follow the redirect back to the local callback.
        if (url !== undefined) fetch(url).then(() => resolve(), reject)
      })
    })
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve))
    await opened
    expect(stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    expect(code).toBe(0)
    expect(stdout).toMatch(new RegExp(`Connected to QuickBooks company ${qbo.realmId}`))

    const stored = await Effect.runPromise(
      Effect.flatMap(QboTokenStore, (s) => s.load).pipe(Effect.provide(SqliteQboTokenStore.pipe(Layer.provide(Store.layer(db)))))
    )
    const tokens = Option.getOrThrow(stored)
    expect(tokens.realmId).toBe(qbo.realmId)
    expect(stdout + stderr).not.toContain(Redacted.value(tokens.refreshToken))
    expect(stdout + stderr).not.toContain(Redacted.value(tokens.accessToken))
    expect(stdout + stderr).not.toContain(qbo.clientSecret)
  })
})
