import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Case } from "../../pipeline/domain/Case.ts"
import type { RunSummary } from "../../pipeline/RunSummary.ts"
import { defaultRates, type Rates } from "../generator/Rates.ts"
import { type ApplySandbox, applyJson, startApplySandbox } from "./ApplySandbox.ts"
import { approveOnly, readReview, writeExcelUtf8 } from "./reviewFile.ts"
import { tallyWrites, unfixed, writeMark } from "./serverState.ts"

// Enough invoice moves that each third of the cases fills more than one QBO batch of 30.
const rates: Partial<Rates> = { "scenario-2": 10 * defaultRates["scenario-2"], "qbo-merge": 10 * defaultRates["qbo-merge"] }

let sandbox: ApplySandbox
let run: RunSummary
/** The fixable cases in three disjoint parts, one per test, so each test's writes are its own. */
let parts: ReadonlyArray<ReadonlyArray<Case>> = []

beforeAll(async () => {
  sandbox = await startApplySandbox({ seed: 53, customers: 1000, rates })
  run = await sandbox.run("run1")
  const fixable = (await sandbox.casesOf(run.runId)).filter((c) => c.scenario !== "review")
  parts = [0, 1, 2].map((part) => fixable.filter((_, i) => i % 3 === part))
})
afterAll(() => sandbox.close())

const partOf = (index: number): ReadonlyArray<Case> => parts[index] ?? []

/** A review file approving exactly these cases, beside the run's own, saved as Excel saves it. */
const approve = (name: string, approved: ReadonlyArray<Case>): string => {
  const file = join(sandbox.dir, "run1", `${name}.csv`)
  writeExcelUtf8(file, approveOnly(readReview(join(sandbox.dir, "run1", "review.csv")), approved.map((c) => c.id)))
  return file
}

const moveCount = (cases: ReadonlyArray<Case>) => cases.reduce((n, c) => n + c.plan.steps.filter((s) => s._tag === "move-invoice").length, 0)

/** Resolves once the local QBO has received `count` more batch requests than it had when called. */
const afterBatches = (count: number): Promise<void> => {
  const target = (sandbox.qbo.stats.byOperation.batch ?? 0) + count
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if ((sandbox.qbo.stats.byOperation.batch ?? 0) < target) return
      clearInterval(poll)
      resolve()
    }, 1)
  })
}

describe("reconcile apply through faults of the systems", () => {
  it("rides out QBO's 429s, 5xx and connections dropped before and after a batch ran, writing each step once", async () => {
    const cases = partOf(0)
    expect(moveCount(cases)).toBeGreaterThan(30)
    const mark = writeMark(sandbox)
    const batchesBefore = sandbox.qbo.stats.byOperation.batch ?? 0
    const throttledBefore = sandbox.qbo.stats.throttled
    sandbox.qbo.inject({ kind: "status", status: 503, times: 2, match: { operation: "batch" } })
    sandbox.qbo.inject({ kind: "throttle", times: 4, match: { operation: ["batch", "query"] } })
    sandbox.qbo.inject({ kind: "drop", phase: "beforeExecute", times: 1, match: { operation: "batch" } })
    sandbox.qbo.inject({ kind: "drop", phase: "afterExecute", times: 1, match: { operation: "batch" } })
    sandbox.qbo.inject({ kind: "status", status: 500, times: 1, match: { operation: "update" } })
    sandbox.qbo.inject({ kind: "drop", phase: "afterExecute", times: 1, match: { operation: "update" } })

    const result = await sandbox.apply(approve("qbo-faults", cases))
    expect(result.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    expect(result.code).toBe(0)
    expect(applyJson(result.stdout).cases).toMatchObject({ done: cases.length, failed: 0 })
    expect(tallyWrites(sandbox, cases, mark)).toEqual({ missing: [], repeated: [], unexpected: [] })
    expect(unfixed(sandbox, cases)).toEqual([])
    // The faults were met: batches were sent again (a replay by requestid is not a second write) and 429s waited out.
    expect((sandbox.qbo.stats.byOperation.batch ?? 0) - batchesBefore).toBeGreaterThan(Math.ceil(moveCount(cases) / 30))
    expect(sandbox.qbo.stats.throttled - throttledBefore).toBeGreaterThanOrEqual(4)
  }, 90_000)

  it("stops cleanly in a 429 storm longer than the client waits out, and a rerun finishes every step exactly once", async () => {
    const cases = partOf(1)
    expect(moveCount(cases)).toBeGreaterThan(30)
    const mark = writeMark(sandbox)
    const file = approve("storm", cases)
    // The storm starts once the first batch is through: apply stops between two batches of one phase.
    void afterBatches(1).then(() => sandbox.qbo.inject({ kind: "throttle", times: 50, match: { operation: "batch" } }))
    const stopped = await sandbox.apply(file)
    sandbox.qbo.clearInjections()
    expect(stopped.code).toBe(1)
    expect(stopped.stderr).toMatch(/QuickBooks Online is not available: .*run the same apply again to continue where it stopped/s)
    const midway = tallyWrites(sandbox, cases, mark)
    expect(midway.repeated).toEqual([])
    expect(midway.unexpected).toEqual([])
    expect(midway.missing.length).toBeGreaterThan(0)
    expect(midway.missing.length).toBeLessThan(cases.reduce((n, c) => n + c.plan.steps.length, 0))

    const resumed = await sandbox.apply(file)
    expect(resumed.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    expect(resumed.code).toBe(0)
    expect(applyJson(resumed.stdout).cases).toMatchObject({ done: cases.length })
    expect(tallyWrites(sandbox, cases, mark)).toEqual({ missing: [], repeated: [], unexpected: [] })
    expect(unfixed(sandbox, cases)).toEqual([])
    const status = await sandbox.status(run.runId)
    const ids = new Set<string>(cases.map((c) => c.id))
    for (const row of status.filter((r) => ids.has(r.caseId))) expect([row.apply, ...row.steps.map((s) => s.status)].every((s) => s === "done")).toBe(true)
  }, 90_000)

  it("rides out POM's 5xx, 429s and connections dropped before and after a write, which POM replays by clientMutationId", async () => {
    const cases = partOf(2)
    const mark = writeMark(sandbox)
    const replaysBefore = sandbox.pom.log.replays.length
    const requestsBefore = sandbox.pom.log.requests.length
    sandbox.pom.inject(
      { kind: "status", status: 502, times: 2, operation: "UpdateAppointment" },
      { kind: "rate-limit", times: 2, operation: "UpdateCustomer" },
      { kind: "drop", when: "after", times: 2, operation: "UpdateCustomer" },
      { kind: "drop", when: "after", times: 1, operation: "UpdateService" },
      { kind: "drop", when: "before", times: 1, operation: "ReadCustomer" },
      { kind: "status", status: 503, times: 1, operation: "ReadAppointment" }
    )
    const result = await sandbox.apply(approve("pom-faults", cases))
    expect(result.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    expect(result.code).toBe(0)
    expect(applyJson(result.stdout).cases).toMatchObject({ done: cases.length, failed: 0 })
    expect(tallyWrites(sandbox, cases, mark)).toEqual({ missing: [], repeated: [], unexpected: [] })
    expect(unfixed(sandbox, cases)).toEqual([])
    // Every write whose answer was lost after it ran was sent again and answered from POM's idempotency store.
    const lostAnswers = sandbox.pom.log.requests.slice(requestsBefore).filter((r) => r.status === "dropped" && r.operationName?.startsWith("Update") === true)
    expect(lostAnswers.length).toBeGreaterThanOrEqual(2)
    expect(sandbox.pom.log.replays.length - replaysBefore).toBe(lostAnswers.length)
  }, 90_000)
})
