import { spawn } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { pomRows } from "./pomRows.ts"
import { startPomServer, type PomServer } from "./startPomServer.ts"

const servers: Array<PomServer> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const start = async (...args: Parameters<typeof startPomServer>) => {
  const server = await startPomServer(...args)
  servers.push(server)
  return server
}

const postJson = async (url: string, body: unknown, token?: string) => {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body)
  })
  return { status: response.status, body: record(await response.json()) }
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? Object.fromEntries(Object.entries(value)) : {}

const codes = (body: Record<string, unknown>): Array<unknown> =>
  Array.isArray(body["errors"]) ? body["errors"].map((e) => record(record(e)["extensions"])["code"]) : []

describe("local POM server", () => {
  it("answers a request without a Bearer token with UNAUTHORIZED, as POM documents", async () => {
    const server = await start(pomRows(1))
    const { body } = await postJson(`${server.url}/graphql`, { query: "{ customer(selector: {id: \"x\"}) { id } }" })
    expect(body).toEqual({ data: null, errors: [{ message: "Not authorized: missing Bearer token", extensions: { code: "UNAUTHORIZED" } }] })
  })

  it("rotates refresh tokens: a used one is refused with invalid_grant", async () => {
    const server = await start(pomRows(1))
    const authorize = await postJson(`${server.url}/m/authorize`, { ...server.user, state: "s1" })
    expect(authorize.body).toMatchObject({ state: "s1" })
    const granted = await postJson(`${server.url}/oauth/token`, {
      grant_type: "authorization_code",
      code: authorize.body.code,
      redirect_uri: server.user.redirectUri,
      client_id: server.user.clientId
    })
    expect(granted.body).toMatchObject({ token_type: "Bearer", expires_in: 3600 })
    const refresh = { grant_type: "refresh_token", refresh_token: granted.body.refresh_token, client_id: server.user.clientId }
    const renewed = await postJson(`${server.url}/oauth/token`, refresh)
    expect(renewed.status).toBe(200)
    expect(renewed.body.refresh_token).not.toBe(granted.body.refresh_token)
    const reused = await postJson(`${server.url}/oauth/token`, refresh)
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } })
  })

  it("refuses a cursor it did not issue", async () => {
    const server = await start(pomRows(3))
    const { accessToken } = server.issueTokens()
    const { body } = await postJson(
      `${server.url}/graphql`,
      { query: '{ infiniteCustomers(first: 1, after: "bm9wZQ==") { edges { cursor } } }' },
      accessToken
    )
    expect(codes(body)).toEqual(["BAD_USER_INPUT"])
  })

  it("serves a POM export folder from the command line and prints a working URL and token", async () => {
    const folder = mkdtempSync(join(tmpdir(), "pom-export-"))
    const { customers } = pomRows(3)
    const header = Object.keys(customers[0] ?? {})
    const csv = [header.join(","), ...customers.map((row) => header.map((key) => JSON.stringify(row[key] ?? "")).join(","))]
    writeFileSync(join(folder, "customers.csv"), `${csv.join("\n")}\n`)
    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "main.ts"), "--port", "0", folder], {
      stdio: ["ignore", "pipe", "inherit"]
    })
    try {
      const printed = await new Promise<string>((resolve, reject) => {
        let out = ""
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString()
          if (out.includes("customers,")) resolve(out)
        })
        child.once("exit", (code) => reject(new Error(`main.ts exited with ${code}: ${out}`)))
      })
      const url = /POM_API_URL=(\S+)/.exec(printed)?.[1] ?? ""
      const token = /POM_API_TOKEN=(\S+)/.exec(printed)?.[1]
      const { body } = await postJson(`${url}/graphql`, { query: "{ infiniteCustomers(first: 10) { totalCount } }" }, token)
      expect(body).toEqual({ data: { infiniteCustomers: { totalCount: 3 } } })
    } finally {
      child.kill("SIGTERM")
    }
  })
})
