import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { checkWritableFolder, writeOutputFile } from "../../sinks/OutputFolder.ts"

const scratch = () => mkdtempSync(join(tmpdir(), "out-folder-"))
const mode = (path: string) => statSync(path).mode & 0o777

describe("output files", () => {
  it.effect("are readable by their owner only, in folders created for their owner only", () =>
    Effect.gen(function* () {
      const dir = join(scratch(), "new", "out")
      const file = yield* writeOutputFile(dir, "review.csv", "case_id\r\n")
      expect(readFileSync(file, "utf8")).toBe("case_id\r\n")
      expect(mode(file)).toBe(0o600)
      expect(mode(dir)).toBe(0o700)
      expect(mode(join(dir, ".."))).toBe(0o700)
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.effect("replace an earlier file with one readable by its owner only", () =>
    Effect.gen(function* () {
      const dir = scratch()
      writeFileSync(join(dir, "summary.json"), "old", { mode: 0o644 })
      yield* writeOutputFile(dir, "summary.json", "new")
      expect(readFileSync(join(dir, "summary.json"), "utf8")).toBe("new")
      expect(mode(join(dir, "summary.json"))).toBe(0o600)
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.effect("leave no temp file behind when the write fails, and keep what was there", () =>
    Effect.gen(function* () {
      const dir = scratch()
      // A folder where the file should go: the temp file is written, the rename onto it fails.
      mkdirSync(join(dir, "review.csv"))
      const result = yield* Effect.either(writeOutputFile(dir, "review.csv", "case_id\r\n"))
      expect(Either.isLeft(result)).toBe(true)
      if (Either.isLeft(result)) expect(result.left.message).toContain(join(dir, "review.csv"))
      expect(readdirSync(dir)).toEqual(["review.csv"])
      expect(statSync(join(dir, "review.csv")).isDirectory()).toBe(true)
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.effect("never overwrite an earlier file when asked not to, and leave no temp file", () =>
    Effect.gen(function* () {
      const dir = scratch()
      yield* writeOutputFile(dir, "apply-report-A-1.csv", "first", { replace: false })
      const again = yield* Effect.either(writeOutputFile(dir, "apply-report-A-1.csv", "second", { replace: false }))
      expect(Either.isLeft(again)).toBe(true)
      expect(readFileSync(join(dir, "apply-report-A-1.csv"), "utf8")).toBe("first")
      expect(readdirSync(dir)).toEqual(["apply-report-A-1.csv"])
    }).pipe(Effect.provide(NodeContext.layer))
  )
})

describe("checking the output folder", () => {
  it.effect("creates a missing folder for its owner only and leaves nothing in it", () =>
    Effect.gen(function* () {
      const dir = join(scratch(), "out")
      yield* checkWritableFolder(dir)
      expect(readdirSync(dir)).toEqual([])
      expect(mode(dir)).toBe(0o700)
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.effect("names the folder when it cannot take a file", () =>
    Effect.gen(function* () {
      const parent = scratch()
      // A file where a folder should be refuses for every user, root included.
      writeFileSync(join(parent, "out"), "")
      const dir = join(parent, "out", "apply")
      const result = yield* Effect.either(checkWritableFolder(dir))
      expect(Either.isLeft(result)).toBe(true)
      if (Either.isLeft(result)) expect(result.left.message).toMatch(new RegExp(`^Cannot write to the output folder ${dir}: .*Nothing was done`))
    }).pipe(Effect.provide(NodeContext.layer))
  )

})
