import { execFile } from "node:child_process"
import { mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { afterAll, describe, expect, it } from "vitest"

const run = promisify(execFile)
const cli = (args: ReadonlyArray<string>) =>
  run(process.execPath, ["--import", "tsx", "test/generator/cli.ts", ...args], { cwd: process.cwd() })

const dirs: Array<string> = []
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))))

describe("generator cli", () => {
  it("writes a company of the requested size and seed and says what it wrote", async () => {
    const out = await mkdtemp(join(tmpdir(), "company-cli-"))
    dirs.push(out)
    const { stdout } = await cli(["--customers", "600", "--seed", "3", "--out", out, "--rate", "scenario-2=10"])
    expect(stdout).toContain("POM 600 customers")
    const truth: unknown = JSON.parse(await readFile(join(out, "truth.json"), "utf8"))
    expect(truth).toMatchObject({ seed: 3, customers: 600, today: "2026-11-01" })
    const customers = await readFile(join(out, "pom", "customers.csv"), "utf8")
    expect(customers.trimEnd().split("\n")).toHaveLength(601)
    expect(stdout).toMatch(/\b\d+ cases\b/)
  })

  it("refuses an impossible date, naming the option", async () => {
    const out = await mkdtemp(join(tmpdir(), "company-cli-"))
    dirs.push(out)
    const failed = await cli(["--customers", "10", "--out", out, "--today", "2026-13-01"]).then(
      () => "succeeded",
      (e: unknown) => String(e)
    )
    expect(failed).toContain("today")
    expect(failed).toContain("2026-13-01")
  })
})
