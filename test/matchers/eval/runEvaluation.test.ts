import { NodeContext } from "@effect/platform-node"
import { it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { describe, expect, vi } from "vitest"
import { evalCommand } from "../../../cli/EvalCommand.ts"
import { Command } from "@effect/cli"
import { defaultMatchSettings } from "../../../matchers/FellegiSunterMatcher.ts"
import { runEvaluation } from "../../../matchers/eval/runEvaluation.ts"
import { evaluateFebrl4, febrlMap, tinyLabelledCsv } from "./evalFixture.ts"

const tiny = {
  records: tinyLabelledCsv,
  right: Option.none(),
  id: "rec_id",
  truth: "rec_id",
  map: febrlMap,
  truthPattern: Option.some("rec-(\\d+)"),
  threshold: defaultMatchSettings.matchThreshold
}

describe("runEvaluation", () => {
  it.effect("measures a dedupe of a tiny labelled CSV written the Febrl way", () =>
    Effect.gen(function* () {
      const report = yield* runEvaluation(tiny)
      // Three exact duplicates are found; the fourth true pair shares nothing but its label.
      expect(report).toMatchObject({ mode: "dedupe", records: 10, truePairs: 4, truePositives: 3, falsePositives: 0 })
      expect(report.precision).toBe(1)
      expect(report.recall).toBe(0.75)
      expect(report.f1).toBeCloseTo(6 / 7, 12)
      expect(report.blockingRecall).toBe(0.75)
      // The three found pairs share every field, so every rule with values here proposes all three.
      expect(report.blockingRecallByRule["zip+house number"]).toBe(0.75)
      expect(report.blockingRecallByRule["phone"]).toBe(0)
      expect(Object.keys(report.blockingRecallByRule)).toEqual(report.perRule.map((r) => r.rule))
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.effect("names the missing columns and lists those the file has", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(runEvaluation({ ...tiny, map: "firstName=first_name,lastName=surname" }))
      expect(error.message).toContain('no column "first_name"')
      expect(error.message).toContain('"given_name"')
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.effect("reports a truth value the pattern cannot read, with its line", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(runEvaluation({ ...tiny, truthPattern: Option.some("id-(\\d+)") }))
      expect(error.message).toContain("line 2")
      expect(error.message).toContain("does not match --truth-pattern")
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.effect("reconcile eval --json prints exactly the documented keys", () =>
    Effect.gen(function* () {
      const lines: Array<string> = []
      const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)))
      const cli = Command.run(evalCommand, { name: "reconcile eval", version: "test" })
      yield* cli(["node", "reconcile-eval", "--records", tinyLabelledCsv, "--id", "rec_id", "--truth", "rec_id", "--truth-pattern", "rec-(\\d+)", "--map", febrlMap, "--json"]).pipe(
        Effect.ensuring(Effect.sync(() => spy.mockRestore()))
      )
      const output = JSON.parse(lines.join("\n"))
      expect(Object.keys(output).sort()).toEqual(["blockingRecall", "blockingRecallByRule", "candidatePairs", "f1", "precision", "recall", "seconds"])
      expect(output.blockingRecallByRule["street+zip"]).toBe(0.75)
      expect(output.precision).toBe(1)
      expect(output.recall).toBe(0.75)
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.effect("reconcile eval takes the company's country as a code, UK for GB, and refuses one it cannot read", () =>
    Effect.gen(function* () {
      const lines: Array<string> = []
      const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)))
      const cli = Command.run(evalCommand, { name: "reconcile eval", version: "test" })
      const args = (country: string) => ["node", "reconcile-eval", "--records", tinyLabelledCsv, "--id", "rec_id", "--truth", "rec_id", "--truth-pattern", "rec-(\\d+)", "--map", febrlMap, "--country", country, "--json"]
      yield* cli(args("uk")).pipe(Effect.ensuring(Effect.sync(() => spy.mockRestore())))
      expect(JSON.parse(lines.join("\n")).recall).toBe(0.75)
      const refused = yield* Effect.flip(cli(args("FR")))
      expect(JSON.stringify(refused)).toContain("--country must be one of US, CA, GB, AU")
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.effect("links Febrl 4a to 4b without date of birth or SSN at F1 ≥ 0.985", () =>
    Effect.gen(function* () {
      const report = yield* evaluateFebrl4()
      expect(report.mode).toBe("link")
      expect(report.truePairs).toBe(5000)
      expect(report.f1).toBeGreaterThanOrEqual(0.985)
      expect(report.precision).toBeGreaterThanOrEqual(0.995)
    }).pipe(Effect.provide(NodeContext.layer))
  )
})
