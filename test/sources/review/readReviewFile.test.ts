import { NodeFileSystem } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as path from "node:path"
import { readReviewFile } from "../../../sources/review/readReviewFile.ts"
import { tempFolderWith } from "../../sources/csv/tempFiles.ts"

const header = "case_id,scenario,keep_pom_id,correct_qbo_id,decision,note,choose_keep_pom_id,choose_correct_qbo_id,exclude_ids,run_id"

const read = (body: string) =>
  Effect.gen(function* () {
    const dir = yield* tempFolderWith({ "review.csv": `\ufeff${header}\r\n${body}` })
    return yield* readReviewFile(path.join(dir, "review.csv"))
  }).pipe(Effect.scoped, Effect.provide(NodeFileSystem.layer))

describe("readReviewFile's choice columns", () => {
  it.effect("reads the admin's choice, never the tool's own proposal in keep_pom_id and correct_qbo_id", () =>
    Effect.gen(function* () {
      const [proposalOnly, chosen] = yield* read(
        [
          "C-1,review,cus_1,61,approve,,,,,R-1",
          `C-2,review,cus_1,61,approve,,'cus_2,2514.0,"pom:cus_3; qbo:77 ,88",R-1`
        ].join("\r\n")
      )
      expect(proposalOnly?.choice).toEqual({ keepPomId: null, correctQboId: null, exclude: [] })
      expect(chosen?.choice).toEqual({ keepPomId: "cus_2", correctQboId: "2514", exclude: ["pom:cus_3", "qbo:77", "88"] })
    })
  )

  it.effect("refuses an id that Excel turned into scientific notation, naming the line, the case and the column", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(read("C-1,review,cus_1,61,approve,,,2.514E+03,,R-1"))
      expect(error._tag).toBe("ReviewFileError")
      expect(error.message).toContain("line 2, case C-1: choose_correct_qbo_id: \"2.514E+03\" is in scientific notation")
    })
  )
})
