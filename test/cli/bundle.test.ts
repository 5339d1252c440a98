import { NodeContext } from "@effect/platform-node"
import { Effect } from "effect"
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { bundleFile, codeCacheFile, pomExportWorkerFile, staleness, stampFile } from "../../scripts/bundleStamp.mjs"
import { generateCompany } from "../generator/generateCompany.ts"
import { writeCompany } from "../generator/writeCompany.ts"
import { type CliResult, runBundleFile, runCli } from "./runCli.ts"

const fromSource = { RECONCILE_FROM_SOURCE: "1" }

let dir = ""

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reconcile-bundle-"))
  await Effect.runPromise(writeCompany(generateCompany({ seed: 5, customers: 300 }), join(dir, "company")).pipe(Effect.provide(NodeContext.layer)))
  // bin/reconcile.mjs builds the bundle, or rebuilds it when the sources changed, before it runs anything.
  const first = await runCli(["--version"])
  expect(first.stderr).toBe("")
  expect(first.code).toBe(0)
})

const offlineRun = (name: string, run: (args: ReadonlyArray<string>) => Promise<CliResult>) =>
  run(["run", "--pom-csv", join(dir, "company", "pom"), "--qbo-snapshot", join(dir, "company", "qbo"), "--out", join(dir, name), "--db", join(dir, `${name}.db`), "--json"])

/** review.csv with the run's own id taken out: the one thing two runs of the same data may not share. */
const reviewWithoutRunId = (name: string, runId: string) => readFileSync(join(dir, name, "review.csv"), "utf8").replaceAll(runId, "<run>")

describe("the bundled CLI", () => {
  it("is built from the checkout as it is now, and started with V8's code from an earlier start", () => {
    expect(staleness()).toBeUndefined()
    const { size, mtimeMs } = statSync(bundleFile)
    // Only bin/runBundle.mjs writes it, as a process it started from the bundle exits.
    expect(existsSync(codeCacheFile(size, mtimeMs))).toBe(true)
  })

  it("holds the POM export reader's worker as a bundle of its own, rebuilt when its sources change", () => {
    const stamped = Object.keys(JSON.parse(readFileSync(stampFile, "utf8")).inputs)
    expect(stamped).toEqual(expect.arrayContaining(["dist/pomExportWorker.cjs", "sources/pom/files/pomExportWorker.ts", "sources/pom/files/historyBatch.ts"]))
    expect(existsSync(pomExportWorkerFile)).toBe(true)
  })

  it("prints the same help as the sources, for the CLI and for a command", async () => {
    for (const args of [["--help"], ["run", "--help"]]) {
      const [bundled, source] = await Promise.all([runBundleFile(args, { NO_COLOR: "1" }), runCli(args, { ...fromSource, NO_COLOR: "1" })])
      expect(bundled.code).toBe(source.code)
      expect(bundled.stdout).toContain("reconcile")
      expect(bundled.stdout).toBe(source.stdout)
      expect(bundled.stderr).toBe(source.stderr)
    }
  })

  it("says the same about a mistyped option", async () => {
    const args = ["run", "--no-such-option"]
    const [bundled, source] = await Promise.all([runBundleFile(args), runCli(args, fromSource)])
    expect(bundled.code).not.toBe(0)
    expect(bundled.code).toBe(source.code)
    expect(bundled.stderr).toBe(source.stderr)
  })

  it("finds the same cases in an offline run and writes the same review file", async () => {
    // Through bin, as `npx reconcile run` goes: the bundle run by node:vm with its code cache.
    const bundled = await offlineRun("bundled", (args) => runCli(args))
    expect(staleness()).toBeUndefined()
    const source = await offlineRun("source", (args) => runCli(args, fromSource))
    expect(bundled.stderr).toBe("")
    expect(bundled.code).toBe(0)
    expect(source.code).toBe(0)
    const bundledSummary = JSON.parse(bundled.stdout)
    const sourceSummary = JSON.parse(source.stdout)
    expect(bundledSummary.cases).toEqual(sourceSummary.cases)
    expect(bundledSummary.cases.total).toBeGreaterThan(0)
    expect(reviewWithoutRunId("bundled", bundledSummary.runId)).toBe(reviewWithoutRunId("source", sourceSummary.runId))
  })
})
