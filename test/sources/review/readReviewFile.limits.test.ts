import { NodeFileSystem } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as path from "node:path"
import { readReviewFile } from "../../../sources/review/readReviewFile.ts"
import { tempFolderWith } from "../csv/tempFiles.ts"

const reviewFile = (text: string) =>
  tempFolderWith({ "review.csv": text }).pipe(
    Effect.orDie,
    Effect.flatMap((dir) => readReviewFile(path.join(dir, "review.csv")))
  )

describe("readReviewFile", () => {
  it.scoped("reads decisions and notes", () =>
    Effect.gen(function* () {
      const decisions = yield* reviewFile("case_id,run_id,decision,note\nC-1,R-1,approve,ok\nC-2,R-1,,\n")
      expect(decisions).toEqual([{ row: 2, caseId: "C-1", runId: "R-1", decision: "approve", note: "ok", choice: { keepPomId: null, correctQboId: null, exclude: [] } }])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("refuses a file with two columns that both name the decision, naming both", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(reviewFile("case_id,run_id,Decision,decision\nC-1,R-1,approve,reject\n"))
      expect(error._tag).toBe("ReviewFileError")
      expect(error.message).toContain('columns 3 "Decision" and 4 "decision" both name decision')
      expect(error.message).toContain("Nothing was changed")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("refuses a line with a cell over the length limit, naming the line and the column", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(reviewFile(`case_id,run_id,decision,Note\nC-1,R-1,approve,"${"x".repeat(5000)}"\n`))
      expect(error._tag).toBe("ReviewFileError")
      expect(error.message).toContain("line 2: the Note cell is 5000 characters long, over the limit of 4096")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )
})
