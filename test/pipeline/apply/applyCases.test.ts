import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { QboTarget, TargetUnavailable } from "../../../pipeline/apply/ApplyTargets.ts"
import { applyCases } from "../../../pipeline/apply/applyCases.ts"
import { buildCases } from "../../../pipeline/cases/buildCases.ts"
import { QboCustomerId, RunId, SnapshotId } from "../../../pipeline/domain/Ids.ts"
import { RunProgress } from "../../../pipeline/RunProgress.ts"
import { Journal } from "../../../sinks/store/Journal.ts"
import { Store } from "../../../sinks/store/Store.ts"
import { SnapshotBuilder } from "../cases/snapshotBuilder.ts"
import { InMemorySystems } from "./InMemoryTargets.ts"

const runId = RunId.make("R-test")
const settings = { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.9, booksClosedThrough: null }

/** Two independent cases: the article's example 2 (jd) and a POM duplicate pair (pm). */
const company = () =>
  new SnapshotBuilder()
    .articlePair(2)
    .pomCustomer("pm1", { link: "70", history: 5 })
    .pomCustomer("pm2", { link: "70", history: 2, createdAt: "2023-01-01" })
    .qboCustomer("70", { invoices: 1 })
    .match("pom:pm1", "pom:pm2")
    .match("pom:pm1", "qbo:70")

const setup = () => {
  const b = company()
  const snapshot = b.build()
  const cases = buildCases(snapshot, b.matches, settings).map((c) => ({ runId, case: c }))
  const systems = new InMemorySystems(snapshot)
  return { cases, systems }
}

const storeLayer = () => Journal.layer.pipe(Layer.provideMerge(Store.layerMemory))

describe("applyCases", () => {
  it.effect("carries out every step of each scenario and verifies the end state", () =>
    Effect.gen(function* () {
      const { cases, systems } = setup()
      const outcomes = yield* applyCases(cases, { applyId: "A1", dryRun: false }).pipe(Effect.provide(systems.layer()))
      expect(outcomes.map((o) => [o.case.scenario, o.status])).toEqual(
        expect.arrayContaining([["scenario-2", "done"], ["pom-merge", "done"]])
      )
      expect([...systems.invoices.values()].every((i) => i.customerId === "2514" || i.customerId === "70")).toBe(true)
      expect(systems.pomCustomers.get("jd1")).toEqual({ quickbooksId: "2514", status: "ACTIVE" })
      expect(systems.pomCustomers.get("jd2")).toEqual({ quickbooksId: "3987", status: "INACTIVE" })
      expect(systems.qboCustomers.get("3987")?.active).toBe(false)
      expect([...systems.appointments.values(), ...systems.services.values()].every((x) => x.customerId !== "pm2")).toBe(true)
    }).pipe(Effect.provide(storeLayer()))
  )

  it.effect("says how far it is: cases checked, steps sent of all, verification", () =>
    Effect.gen(function* () {
      const { cases, systems } = setup()
      const lines: Array<string> = []
      const reporter = { stage: (text: string) => Effect.sync(() => void lines.push(text)), qbo: () => Effect.void, pom: () => Effect.void }
      yield* applyCases(cases, { applyId: "A1", dryRun: false }).pipe(Effect.provide(systems.layer()), Effect.provideService(RunProgress, reporter))
      const steps = cases.reduce((n, c) => n + c.case.plan.steps.length, 0)
      expect(lines[0]).toBe("Checking 2 approved cases against QBO and POM…")
      expect(lines[1]).toBe("Checked 2 cases: 2 to go on, 0 stale; 0 steps waiting for work by hand in QBO")
      expect(lines).toContain(`Sent ${steps} of ${steps} steps (QBO inactivations)`)
      expect(lines.at(-1)).toBe("Verifying the changes in QBO and POM…")
    }).pipe(Effect.provide(storeLayer()))
  )

  it.effect("never repeats a done step when run again", () =>
    Effect.gen(function* () {
      const { cases, systems } = setup()
      yield* applyCases(cases, { applyId: "A1", dryRun: false }).pipe(Effect.provide(systems.layer()))
      const writes = systems.writes.length
      const again = yield* applyCases(cases, { applyId: "A2", dryRun: false }).pipe(Effect.provide(systems.layer()))
      expect(systems.writes.length).toBe(writes)
      expect(again.every((o) => o.status === "done")).toBe(true)
    }).pipe(Effect.provide(storeLayer()))
  )

  it.effect("leaves a case whose records changed since review untouched, as stale, and applies the others", () =>
    Effect.gen(function* () {
      const { cases, systems } = setup()
      const moved = [...systems.invoices.entries()].find(([, i]) => i.customerId === "3987")
      if (moved === undefined) throw new Error("fixture has no invoice on 3987")
      moved[1].customerId = QboCustomerId.make("2514")
      const outcomes = yield* applyCases(cases, { applyId: "A1", dryRun: false }).pipe(Effect.provide(systems.layer()))
      const stale = outcomes.find((o) => o.case.scenario === "scenario-2")
      expect(stale?.status).toBe("stale")
      expect(stale?.detail).toMatch(/was on customer 3987, now on 2514: re-run and review again/)
      expect(systems.writes.every((w) => !["jd1", "jd2", "3987"].includes(w.id))).toBe(true)
      expect(outcomes.find((o) => o.case.scenario === "pom-merge")?.status).toBe("done")
    }).pipe(Effect.provide(storeLayer()))
  )

  it.effect("fails a case on a stale write (5010) without overwriting, and stops its later steps", () =>
    Effect.gen(function* () {
      const { cases, systems } = setup()
      systems.beforeWrite = (id) => (id.startsWith("3987") ? { ok: false, code: "5010", message: "Stale Object Error", stale: true } : undefined)
      const outcomes = yield* applyCases(cases, { applyId: "A1", dryRun: false }).pipe(Effect.provide(systems.layer()))
      const failed = outcomes.find((o) => o.case.scenario === "scenario-2")
      expect(failed?.status).toBe("failed")
      expect(failed?.detail).toMatch(/changed in the meantime/)
      expect(systems.pomCustomers.get("jd1")?.quickbooksId).toBe("3987")
      expect(failed?.steps.filter((s) => s.status === "not-run").length).toBeGreaterThan(0)
    }).pipe(Effect.provide(storeLayer()))
  )

  it.effect("after a connection lost mid-batch, a rerun confirms what landed and sends only the rest", () =>
    Effect.gen(function* () {
      const { cases, systems } = setup()
      const live = systems.layer()
      // The batch reaches QBO and is applied, but the answer never comes back.
      const lossy = Layer.effect(
        QboTarget,
        Effect.map(QboTarget, (real) => ({
          ...real,
          moveInvoices: (moves: Parameters<typeof real.moveInvoices>[0]) =>
            Effect.flatMap(real.moveInvoices(moves), () => Effect.fail(new TargetUnavailable({ system: "qbo", detail: "socket hang up" })))
        }))
      ).pipe(Layer.provide(live))
      const first = yield* Effect.either(applyCases(cases, { applyId: "A1", dryRun: false }).pipe(Effect.provide(Layer.merge(live, lossy))))
      expect(first._tag).toBe("Left")
      const journal = yield* Journal
      const jd = cases.find((c) => c.case.scenario === "scenario-2")
      if (jd === undefined) throw new Error("no scenario-2 case")
      const rows = yield* journal.stepsOf(runId, jd.case.id)
      expect(rows.filter((r) => r.status === "sent").length).toBe(2)
      const writesBefore = systems.writes.filter((w) => w.system === "qbo").length

      const second = yield* applyCases(cases, { applyId: "A2", dryRun: false }).pipe(Effect.provide(systems.layer()))
      expect(second.every((o) => o.status === "done")).toBe(true)
      const invoiceWrites = systems.writes.filter((w) => w.system === "qbo" && w.id !== "3987")
      expect(invoiceWrites.length).toBe(writesBefore)
      expect(new Set(systems.writes.map((w) => w.requestId)).size).toBe(systems.writes.length)
    }).pipe(Effect.provide(storeLayer()))
  )

  it.effect("without POM API access leaves POM steps waiting and keeps the wrong QBO customer active until they are done", () =>
    Effect.gen(function* () {
      const { cases, systems } = setup()
      const outcomes = yield* applyCases(cases, { applyId: "A1", dryRun: false }).pipe(Effect.provide(systems.layer("worklist")))
      const jd = outcomes.find((o) => o.case.scenario === "scenario-2")
      expect(jd?.status).toBe("waiting")
      expect(jd?.steps.filter((s) => s.status === "waiting").map((s) => s.step._tag)).toEqual([
        "set-quickbooks-id",
        "set-quickbooks-id",
        "inactivate-pom-customer"
      ])
      expect(systems.qboCustomers.get("3987")?.active).toBe(true)
      expect([...systems.invoices.values()].filter((i) => i.customerId === "3987")).toHaveLength(0)
    }).pipe(Effect.provide(storeLayer()))
  )

  it.effect("a dry run checks drift and lists the steps without writing anything", () =>
    Effect.gen(function* () {
      const { cases, systems } = setup()
      const outcomes = yield* applyCases(cases, { applyId: "A1", dryRun: true }).pipe(Effect.provide(systems.layer()))
      expect(outcomes.every((o) => o.status === "planned")).toBe(true)
      expect(systems.writes).toEqual([])
      const journal = yield* Journal
      for (const o of outcomes) expect(yield* journal.stepsOf(runId, o.case.id)).toEqual([])
    }).pipe(Effect.provide(storeLayer()))
  )
})
