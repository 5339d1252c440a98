import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { Prng } from "../generator/Prng.ts"
import { type ApplySandbox, applyJson, moreFixableCases, startApplySandbox } from "./ApplySandbox.ts"
import { editRows, readReview, writeExcelUtf8 } from "./reviewFile.ts"
import { caseFor, changedRecords, executedWrites, fixProblems, tallyWrites } from "./serverState.ts"

let sandbox: ApplySandbox | undefined
afterAll(() => sandbox?.close())

const requestsSeen = (s: ApplySandbox) => s.qbo.stats.requests + s.pom.log.requests.length

/** Resolves once `reached` is true, checked every millisecond. */
const when = (reached: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    const poll = setInterval(() => {
      if (!reached()) return
      clearInterval(poll)
      resolve()
    }, 1)
  })

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis))

describe("reconcile apply killed mid-flight", () => {
  it("carries out every approved step exactly once across SIGKILLs at random points and reruns", async () => {
    // Seven times the usual fixable cases: a few hundred approved cases in a company that is quick to match.
    const s = await startApplySandbox({ seed: 71, customers: 1500, rates: moreFixableCases(7) })
    sandbox = s
    const run = await s.run("run1")
    const cases = await s.casesOf(run.runId)
    const approved = cases.filter((c) => c.scenario !== "review")
    expect(approved.length).toBeGreaterThan(200)
    const review = join(s.dir, "run1", "review.csv")
    writeExcelUtf8(review, editRows(readReview(review), (row) => (row.scenario === "review" ? null : { decision: "approve" })))
    const totalSteps = approved.reduce((n, c) => n + c.plan.steps.length, 0)
    const written = () => executedWrites(s).length

    const rng = new Prng(20261125)
    const after = (share: number) => {
      const n = written() + rng.int(1, Math.max(1, Math.floor((totalSteps - written()) * share)))
      return () => written() >= n
    }
    // Where each kill lands: while the drift check reads; right as a write lands on a server, before the journal
    // hears of it (a whole batch of 30 when it is an invoice move); a little after one; and after the last write
    // (verification, journal, report).
    const readsAfter = (most: number) => {
      const n = requestsSeen(s) + rng.int(1, most)
      return () => requestsSeen(s) >= n
    }
    const kills: ReadonlyArray<{ readonly where: string; readonly at: () => () => boolean; readonly delay: number }> = [
      { where: "reading", at: () => readsAfter(25), delay: rng.int(0, 15) },
      { where: "as a write lands", at: () => after(0.3), delay: 0 },
      { where: "as a write lands", at: () => after(0.5), delay: 0 },
      { where: "between writes", at: () => after(0.7), delay: rng.int(1, 15) },
      { where: "after the writes", at: () => () => written() >= totalSteps, delay: rng.int(0, 15) }
    ]
    const landed: Array<string> = []
    for (const kill of kills) {
      const trigger = kill.at()
      const child = s.startApply(review)
      let exited = false
      void child.exited.then(() => (exited = true))
      await when(() => exited || trigger())
      if (!exited) {
        if (kill.delay > 0) await sleep(kill.delay)
        child.kill()
      }
      const exit = await child.exited
      expect({ where: kill.where, signal: exit.signal, stderr: exit.signal === null ? exit.stderr : "" }).toEqual({ where: kill.where, signal: "SIGKILL", stderr: "" })
      landed.push(`${kill.where}: ${written()} of ${totalSteps} steps written`)
      // No kill, however it fell, makes a step run twice or touches anything outside the approved cases.
      const tally = tallyWrites(s, approved)
      expect({ landed, repeated: tally.repeated, unexpected: tally.unexpected }).toEqual({ landed, repeated: [], unexpected: [] })
    }

    const final = await s.apply(review)
    expect(final.stderr).not.toMatch(/"logLevel":"(ERROR|FATAL)"/)
    expect(final.code).toBe(0)
    const summary = applyJson(final.stdout)
    // A kill after the journal closed some cases leaves those to be refused as already applied.
    expect(summary.refused.filter((r) => !r.reason.startsWith("already applied"))).toEqual([])
    expect(summary.cases).toMatchObject({ done: approved.length - summary.refused.length, stale: 0, failed: 0 })
    expect(tallyWrites(s, approved)).toEqual({ missing: [], repeated: [], unexpected: [] })
    for (const t of s.company.truth.cases) {
      const c = caseFor(cases, t)
      if (c?.scenario === "review") expect(changedRecords(s, t)).toEqual([])
      else expect({ case: t.id, problems: fixProblems(s, t) }).toEqual({ case: t.id, problems: [] })
    }
    const status = await s.status(run.runId)
    const approvedIds = new Set<string>(approved.map((c) => c.id))
    const journal = status.filter((r) => approvedIds.has(r.caseId))
    expect(journal).toHaveLength(approved.length)
    expect(journal.filter((r) => r.apply !== "done" || r.steps.length === 0 || r.steps.some((step) => step.status !== "done"))).toEqual([])
  }, 150_000)
})
