import { NodeFileSystem } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import ExcelJS from "exceljs"
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

  it.effect("refuses an id that Excel turned into scientific notation, naming the row, the case and the column", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(read("C-1,review,cus_1,61,approve,,,2.514E+03,,R-1"))
      expect(error._tag).toBe("ReviewFileError")
      expect(error.message).toContain("row 2, case C-1: choose_correct_qbo_id: \"2.514E+03\" is in scientific notation")
    })
  )
})

describe("readReviewFile's rows", () => {
  it.effect("names the spreadsheet row, not the file line, after cells that hold line breaks", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        read(
          [
            'C-1,review,cus_1,61,,"checked with\r\nthe owner\r\non Monday",,,,R-1',
            "C-2,review,cus_1,61,maybe,,,,,R-1"
          ].join("\r\n")
        )
      )
      // C-2 starts on file line 5, and is row 3 where a spreadsheet opens the file.
      expect(error.message).toContain('row 3, case C-2: "maybe" is not a decision')
      expect(error.message).not.toContain("line")
    })
  )

  it.effect("names the first row of a case decided twice by its row too", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(read(['C-1,review,,,approve,"two\nlines",,,,R-1', "C-1,review,,,reject,,,,,R-1"].join("\r\n")))
      expect(error.message).toContain("row 3: case C-1 is decided twice (first on row 2)")
    })
  )
})

const workbook = async (sheets: ReadonlyArray<readonly [string, ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>]>): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name)
    rows.forEach((cells, i) => {
      const row = ws.getRow(i + 1)
      cells.forEach((value, j) => (row.getCell(j + 1).value = value))
    })
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const readWorkbook = (name: string, bytes: Uint8Array) =>
  Effect.gen(function* () {
    const dir = yield* tempFolderWith({ [name]: bytes })
    return yield* readReviewFile(path.join(dir, name))
  }).pipe(Effect.scoped, Effect.provide(NodeFileSystem.layer))

const columns = header.split(",")

describe("readReviewFile on a workbook", () => {
  it.effect("reads the Review sheet's cells as text: numbers as their digits, links by their text, booleans as words", () =>
    Effect.gen(function* () {
      const bytes = yield* Effect.promise(() =>
        workbook([
          ["Notes", [["anything"], ["else"]]],
          [
            "Review",
            [
              columns,
              ["C-1", "review", { text: "000280", hyperlink: "https://pom.example/customers/000280" }, 61, "approve", "fine", "000280", 2514, "pom:7", "R-1"],
              [],
              ["C-2", "scenario-1", null, null, true, null, null, null, null, "R-1"],
              ["C-3", "scenario-1", null, null, { formula: "LOWER(\"REJECT\")", result: "reject" }, null, null, null, null, "R-1"]
            ]
          ]
        ])
      )
      const decisions = yield* readWorkbook("review.xlsx", bytes)
      expect(decisions.map((d) => [d.row, d.caseId, d.decision])).toEqual([
        [2, "C-1", "approve"],
        [4, "C-2", "approve"],
        [5, "C-3", "reject"]
      ])
      expect(decisions[0]?.choice).toEqual({ keepPomId: "000280", correctQboId: "2514", exclude: ["pom:7"] })
      expect(decisions[0]?.note).toBe("fine")
    })
  )

  it.effect("recognises a workbook by its content whatever its name", () =>
    Effect.gen(function* () {
      const bytes = yield* Effect.promise(() => workbook([["Sheet1", [columns, ["C-1", "review", null, null, "reject", null, null, null, null, "R-1"]]]]))
      const decisions = yield* readWorkbook("review.csv", bytes)
      expect(decisions.map((d) => [d.row, d.caseId, d.decision])).toEqual([[2, "C-1", "reject"]])
    })
  )

  it.effect("refuses a 20-digit id Excel stored as a number (its last digits are gone), naming the row", () =>
    Effect.gen(function* () {
      const bytes = yield* Effect.promise(() =>
        workbook([["Review", [columns, [], ["C-1", "review", null, null, "approve", null, null, 12345678901234567890, null, "R-1"]]]])
      )
      const error = yield* Effect.flip(readWorkbook("review.xlsx", bytes))
      expect(error.message).toContain("row 3, case C-1: choose_correct_qbo_id:")
      expect(error.message).toContain("scientific notation")
    })
  )

  it.effect("refuses a file named .xlsx that is not a workbook, and an Excel 97-2003 file, saying what to save instead", () =>
    Effect.gen(function* () {
      const notZip = yield* Effect.flip(readWorkbook("review.xlsx", new TextEncoder().encode(`${header}\r\n`)))
      expect(notZip._tag).toBe("XlsxFileError")
      expect(notZip.message).toContain("save it again as Excel Workbook (.xlsx) or as CSV")
      const legacy = yield* Effect.flip(readWorkbook("review.xls", Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)))
      expect(legacy.message).toContain("Excel 97-2003 workbook (.xls)")
    })
  )
})
