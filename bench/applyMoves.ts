/**
 * Benchmark: invoice moves through `applyCases` against the local QBO server with QBO's limits on (10 requests/s,
 * 500/min, 40 batch requests/min per company). Measures and prints; asserts nothing.
 *
 *   npx tsx bench/applyMoves.ts                       3,000 moves in batches of 30; one by one on a sample of 300
 *   npx tsx bench/applyMoves.ts --moves 600 --sample 100
 *   npx tsx bench/applyMoves.ts --sample 3000         one by one for all 3,000 moves too (about 6 minutes more)
 *
 * The company is synthetic: each case moves `--per-case` invoices from a duplicate QBO customer to the right one.
 * Batch and one-by-one each get a fresh server, so one's requests never count against the other's limits.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Layer, Schema } from "effect"
import { parseArgs } from "node:util"
import type { ApprovedCase } from "../pipeline/apply/ApplyOutcome.ts"
import { applyCases, QBO_BATCH_SIZE } from "../pipeline/apply/applyCases.ts"
import type { Case } from "../pipeline/domain/Case.ts"
import { CaseId, QboCustomerId, QboInvoiceId, RunId, SnapshotId } from "../pipeline/domain/Ids.ts"
import { PLAN_VERSION } from "../pipeline/domain/Plan.ts"
import { MoveInvoice } from "../pipeline/domain/PlanStep.ts"
import { QboClient } from "../sources/qbo/api/QboClient.ts"
import { defaultQboClientOptions } from "../sources/qbo/api/QboClientSettings.ts"
import { pomWorklistTarget } from "../sinks/pom/PomWorklistTarget.ts"
import { applyQboClientOptions, QboApiTargetLive } from "../sinks/qbo/QboApiTarget.ts"
import { Journal } from "../sinks/store/Journal.ts"
import { Store } from "../sinks/store/Store.ts"
import type { QboServer } from "../test/servers/qbo/QboServer.ts"
import { localQbo, localQboLayer } from "../test/sources/qbo/api/localQbo.ts"
import { rawCustomer, rawInvoice } from "../test/sources/qbo/api/rawEntities.ts"
import { peakInWindow } from "./qboPullData.ts"

class BenchOptionsError extends Schema.TaggedError<BenchOptionsError>()("BenchOptionsError", { option: Schema.String, value: Schema.String }) {
  override get message(): string {
    return `--${this.option} ${this.value}: expected a whole number above 0`
  }
}

const { values } = parseArgs({
  options: {
    moves: { type: "string", default: "3000" },
    "per-case": { type: "string", default: "10" },
    sample: { type: "string", default: "300" }
  }
})

const wholeNumber = (option: "moves" | "per-case" | "sample") => {
  const value = values[option]
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? Effect.succeed(n) : Effect.fail(new BenchOptionsError({ option, value }))
}

const runId = RunId.make("R-bench")
const snapshotId = SnapshotId.make("S-bench")

/** Case i moves `perCase` invoices from its duplicate QBO customer (2i+1) to the right one (2i+2). */
const company = (moves: number, perCase: number) => {
  const caseCount = Math.ceil(moves / perCase)
  const customers = Array.from({ length: 2 * caseCount }, (_, i) => rawCustomer({ id: String(i + 1) }))
  const invoices = Array.from({ length: moves }, (_, i) => rawInvoice({ id: String(i + 1), customerId: String(2 * Math.floor(i / perCase) + 1), balance: 0 }))
  const cases = Array.from({ length: caseCount }, (_, c): ApprovedCase => {
    const wrong = QboCustomerId.make(String(2 * c + 1))
    const correct = QboCustomerId.make(String(2 * c + 2))
    const ids = Array.from({ length: Math.min(perCase, moves - c * perCase) }, (_, k) => QboInvoiceId.make(String(c * perCase + k + 1)))
    const body: Case = {
      id: CaseId.make(`C-bench-${c}`),
      scenario: "qbo-merge",
      confidence: 1,
      keepPomId: null,
      mergePomIds: [],
      correctQboId: correct,
      wrongQboIds: [wrong],
      pomIds: [],
      qboIds: [correct, wrong],
      invoicesToMove: ids,
      appointmentsToMove: [],
      servicesToMove: [],
      plan: {
        version: PLAN_VERSION,
        snapshotId,
        steps: ids.map(
          (invoiceId) =>
            new MoveInvoice({
              invoiceId,
              docNumber: `10${invoiceId}`,
              amount: 100,
              from: wrong,
              to: correct,
              before: { syncToken: "0", customerId: wrong },
              reason: "benchmark"
            })
        )
      },
      evidence: [],
      blockers: [],
      notes: [],
      fingerprint: ""
    }
    return { runId, case: body }
  })
  return { customers, invoices, cases }
}

const perMinute = (count: number, millis: number) => (count / (millis / 60_000)).toFixed(0)

const serverLines = (server: QboServer) => [
  `requests     ${server.stats.requests} (${Object.entries(server.stats.byOperation).map(([op, n]) => `${n} ${op}`).join(", ")}), ${server.stats.throttled} answered 429`,
  `peak window  ${peakInWindow(server.stats.admittedAt, 1_000)} in any 1 s (limit 10), ${peakInWindow(server.stats.admittedAt, 60_000)} in any 60 s (limit 500)`,
  `writes       ${server.log.length} executed (${server.log.filter((w) => w.via === "batch").length} inside batches)`
]

const batched = (data: ReturnType<typeof company>) =>
  Effect.scoped(
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: data.customers, invoices: data.invoices })
      const systems = Layer.mergeAll(
        QboApiTargetLive.pipe(Layer.provide(localQboLayer(server, { client: applyQboClientOptions }))),
        pomWorklistTarget(null),
        Journal.layer.pipe(Layer.provideMerge(Store.layerMemory))
      )
      const started = performance.now()
      const outcomes = yield* applyCases(data.cases, { applyId: "A-bench", dryRun: false }).pipe(Effect.provide(systems))
      const millis = performance.now() - started
      const moved = [...server.state.invoices.values()].filter((i) => Number(i["Id"]) <= data.invoices.length && Number(i["SyncToken"]) === 1).length
      const batches = server.log.filter((w) => w.via === "batch").map((w) => w.at)
      const writing = batches.length < 2 ? millis : (batches.at(-1) ?? 0) - (batches[0] ?? 0)
      yield* Console.log(
        [
          `## Batch: applyCases, invoice moves in batches of ${QBO_BATCH_SIZE}, paced at 10/s, 500/min and 40 batches/min`,
          `cases        ${outcomes.filter((o) => o.status === "done").length} of ${outcomes.length} done, ${moved} of ${data.invoices.length} invoices moved`,
          ...serverLines(server),
          `wall time    ${(millis / 1000).toFixed(1)} s, drift check and verification included`,
          `rate         ${perMinute(moved, millis)} invoice moves/min over the whole apply; ${perMinute(batches.length, writing)} /min from the first batch write to the last`,
          `ceiling      40 batches/min × 30 = 1,200 moves/min once the first minute's burst is spent`,
          ""
        ].join("\n")
      )
    })
  )

const oneByOne = (data: ReturnType<typeof company>, sample: number) =>
  Effect.scoped(
    Effect.gen(function* () {
      const server = yield* localQbo({ customers: data.customers, invoices: data.invoices })
      const count = Math.min(sample, data.invoices.length)
      const started = performance.now()
      yield* Effect.gen(function* () {
        const client = yield* QboClient
        for (const { case: c } of data.cases) {
          for (const step of c.plan.steps) {
            if (server.log.length >= count || step._tag !== "move-invoice") continue
            yield* client.sparseUpdateInvoice({
              id: step.invoiceId,
              syncToken: step.before.syncToken,
              fields: { CustomerRef: { value: step.to } },
              requestId: `bench-${step.invoiceId}`
            })
          }
        }
      }).pipe(Effect.provide(localQboLayer(server, { client: defaultQboClientOptions })))
      const millis = performance.now() - started
      // Paced at 10/s, the n-th request of a fresh minute starts at (n-1)/10 s; past 500, each next 500 waits out
      // the minute since the first of the previous 500.
      const projected = (n: number) => 60 * Math.floor((n - 1) / 500) + ((n - 1) % 500) / 10
      const all = data.invoices.length
      yield* Console.log(
        [
          `## One by one: a sparse update per invoice, paced at 10/s and 500/min (${count} moves${count < all ? `, a sample of ${all}` : ""})`,
          ...serverLines(server),
          `wall time    ${(millis / 1000).toFixed(1)} s`,
          `rate         ${perMinute(count, millis)} invoice moves/min measured${count <= 500 ? " (inside the first minute, where only the 10/s limit binds)" : ""}`,
          `${all} moves  at least ${projected(all).toFixed(0)} s one by one at QBO's limits = ${perMinute(all, projected(all) * 1000)} moves/min (500/min sustained)`,
          ""
        ].join("\n")
      )
    })
  )

const main = Effect.gen(function* () {
  const moves = yield* wholeNumber("moves")
  const perCase = yield* wholeNumber("per-case")
  const sample = yield* wholeNumber("sample")
  const data = company(moves, perCase)
  yield* Console.log(
    `${moves.toLocaleString()} invoice moves in ${data.cases.length} cases of up to ${perCase}, against the local QBO with its limits on ` +
      `(10 requests/s, 500/min, 40 batch requests/min).\n`
  )
  yield* batched(data)
  yield* oneByOne(data, sample)
})

NodeRuntime.runMain(main)
