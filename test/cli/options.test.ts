import { NodeContext } from "@effect/platform-node"
import { parse } from "csv-parse/sync"
import { Effect } from "effect"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { beforeAll, describe, expect, it } from "vitest"
import { generateCompany } from "../generator/generateCompany.ts"
import type { Company } from "../generator/Company.ts"
import { writeCompany } from "../generator/writeCompany.ts"
import { runCli, runScript } from "./runCli.ts"

let dir = ""
let company: Company

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reconcile-options-"))
  company = generateCompany({ seed: 17, customers: 400 })
  await Effect.runPromise(writeCompany(company, join(dir, "company")).pipe(Effect.provide(NodeContext.layer)))
})

const ESC = "\u001b"

/** The settings a test must not inherit from the shell that runs it. */
const noSettings = Object.fromEntries(
  ["QBO_CLIENT_ID", "QBO_CLIENT_SECRET", "QBO_BASE_URL", "QBO_ENVIRONMENT", "QBO_REALM_ID", "POM_API_URL", "POM_API_TOKEN"].map((name) => [name, undefined])
)

/** A run whose only problem is `extra`; the store it names must not be created. */
const refusedRun = async (extra: ReadonlyArray<string>) => {
  const db = join(dir, `refused-${Math.random().toString(36).slice(2)}.db`)
  const result = await runCli(["run", "--pom-csv", join(dir, "company", "pom"), "--qbo-snapshot", join(dir, "company", "qbo"), "--out", join(dir, "refused-out"), "--db", db, ...extra])
  expect(existsSync(db)).toBe(false)
  return result
}

const oneErrorLine = (stderr: string): string => {
  const lines = stderr.split("\n").filter((l) => l !== "")
  expect(lines).toHaveLength(1)
  const line = lines[0] ?? ""
  expect(line.startsWith("error: ")).toBe(true)
  expect(line).not.toContain(ESC)
  return line
}

describe("run's options are checked before anything runs", () => {
  it.each([
    [["--match-threshold", "1.5"], "--match-threshold must be a probability above 0 and at most 1, such as 0.9, not 1.5"],
    [["--match-threshold", "0.95", "--review-threshold", "0.9"], "--review-threshold 0.9 is below --match-threshold 0.95"],
    [["--books-closed-through", "2026-02-30"], '--books-closed-through: "2026-02-30" is not a day on the calendar'],
    [["--books-closed-through", "31.12.2025"], '--books-closed-through: "31.12.2025" is not a date: give a day as YYYY-MM-DD or M/D/YYYY'],
    [["--books-closed-through", "2025-12-31 17:00"], "has a time; give only the day"],
    [["--keep-snapshots", "0"], "--keep-snapshots must be a whole number from 1 up"],
    [["--notify-webhook", "ftp://hooks.example/reconcile"], "--notify-webhook uses ftp, not http or https"]
  ])("refuses %j with one error line", async (extra, message) => {
    const result = await refusedRun(extra)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe("")
    expect(oneErrorLine(result.stderr)).toContain(message)
  })

  it("gives the framework's own usage errors the error: prefix and says where the options are", async () => {
    const result = await runCli(["run", "--pom-csv", join(dir, "company", "pom")])
    expect(result.code).toBe(1)
    expect(oneErrorLine(result.stderr)).toBe("error: Expected to find option: '--out'; see `reconcile run --help`")
  })

  it("shows help without escape codes when piped, with every default", async () => {
    const result = await runCli(["run", "--help"])
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain(ESC)
    expect(result.stdout).toContain("Default: 0.9\n")
    expect(result.stdout).toContain("Default: 0.999\n")
    expect(result.stdout).toContain("Default: 30\n")
    expect(result.stdout).toContain("Default: ./reconcile.db")
    // Nothing on stderr either: the start-up notice is for terminals only.
    expect(result.stderr).toBe("")
  })

  it("refuses a worklist link template that is not an http(s) address", async () => {
    const db = join(dir, "apply-template.db")
    const result = await runCli(["apply", "--review", join(dir, "company", "pom", "customers.csv"), "--db", db, "--pom-customer-url", "javascript:alert({id})"])
    expect(oneErrorLine(result.stderr)).toContain("--pom-customer-url uses javascript, not http or https")
    expect(existsSync(db)).toBe(false)
  })
})

describe("the closing date", () => {
  it("accepts M/D/YYYY and holds back the same invoices as the same day written YYYY-MM-DD", async () => {
    // The middle day of the invoices the planted cases move, so that some are held back and some are not.
    const moving = new Set(company.truth.cases.flatMap((c) => c.invoicesToMove))
    const days = company.qbo.invoices.filter((i) => moving.has(i.Id)).map((i) => i.TxnDate).sort()
    const middle = days[Math.floor(days.length / 2)] ?? ""
    const [y, m, d] = middle.split("-").map(Number)
    const blockersOf = async (closedThrough: string, name: string) => {
      const out = join(dir, name)
      const result = await runCli(["run", "--pom-csv", join(dir, "company", "pom"), "--qbo-snapshot", join(dir, "company", "qbo"), "--out", out, "--db", join(dir, `${name}.db`), "--books-closed-through", closedThrough, "--json"])
      expect(result.stderr).not.toContain("error:")
      expect(result.code).toBe(0)
      const rows: Array<Record<string, string>> = parse(readFileSync(join(out, "review.csv")), { bom: true, columns: true })
      return new Map(rows.map((r) => [r.case_id ?? "", r.blockers ?? ""]))
    }
    const iso = await blockersOf(middle, "closed-iso")
    const us = await blockersOf(`${m}/${d}/${y}`, "closed-us")
    expect([...iso.values()].filter((b) => b.includes(`inside the books closed through ${middle}`)).length).toBeGreaterThan(0)
    expect(us).toEqual(iso)
  })
})

describe("commands that read a store", () => {
  it.each([["status"], ["decisions"], ["apply", "--review", "REVIEW"]])("%s with a --db that does not exist says so and creates nothing", async (...command) => {
    const db = join(dir, "nowhere", `${command[0]}.db`)
    const args = command.map((a) => (a === "REVIEW" ? join(dir, "company", "pom", "customers.csv") : a))
    const result = await runCli([...args, "--db", db])
    expect(result.code).toBe(1)
    expect(oneErrorLine(result.stderr)).toContain(`error: no store at ${db} (run \`reconcile run\` first, or pass the --db the run used)`)
    expect(existsSync(db)).toBe(false)
    expect(existsSync(join(dir, "nowhere"))).toBe(false)
  })
})

describe("settings and failures", () => {
  it("asks for missing QBO settings by name and purpose", async () => {
    const result = await runCli(["qbo", "connect", "--db", join(dir, "connect.db")], noSettings)
    expect(result.code).toBe(1)
    const line = oneErrorLine(result.stderr)
    expect(line).toContain("QuickBooks Online is not set up: set QBO_CLIENT_ID (the client id of your Intuit app")
    expect(line).toContain("QBO_CLIENT_SECRET (that app's client secret)")
    expect(line).not.toContain("Missing data")
  })

  it("says which QBO setting is unusable without printing the secret", async () => {
    const secret = "shh-0123456789abcdef"
    const result = await runCli(["run", "--qbo-api", "--pom-csv", join(dir, "company", "pom"), "--out", join(dir, "settings-out"), "--db", join(dir, "settings.db")], {
      ...noSettings,
      QBO_CLIENT_ID: "app",
      QBO_CLIENT_SECRET: secret,
      QBO_ENVIRONMENT: "live"
    })
    expect(result.code).toBe(1)
    const line = oneErrorLine(result.stderr)
    expect(line).toContain("QBO_ENVIRONMENT (sandbox or production) is not usable")
    expect(result.stderr + result.stdout).not.toContain(secret)
  })

  it("prints an unexpected defect as an error line, never silently, and without the secrets it mentions", async () => {
    const token = "tok-9f8e7d6c5b4a"
    const script = fileURLToPath(new URL("./dyingCommandLine.ts", import.meta.url))
    const result = await runScript(script, ["dies"], { POM_API_TOKEN: token })
    expect(result.code).toBe(1)
    expect(oneErrorLine(result.stderr)).toBe(
      "error: unexpected failure, a bug: please report it with the command you ran (lost track of the session <redacted>)"
    )
  })
})
