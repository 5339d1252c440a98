import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { normalizeHeader } from "../../../sources/csv/normalizeHeader.ts"
import { aliasCollisions, describeColumnProblem, resolveColumns } from "../../../sources/csv/resolveColumns.ts"
import type { ColumnAliases } from "../../../sources/csv/resolveColumns.ts"

const columns = {
  firstName: { required: true, aliases: ["First", "Given Name"] },
  quickbooksId: { required: true, aliases: ["QuickBooks ID", "QBO ID"] },
  zipCode: { required: false, aliases: ["Zip", "Postal Code"] }
} satisfies ColumnAliases<"firstName" | "quickbooksId" | "zipCode">

describe("normalizeHeader", () => {
  it("folds case, spaces, underscores and punctuation away", () => {
    for (const h of ["First Name", "first_name", "firstName", "FIRST-NAME", " first.name "]) {
      expect(normalizeHeader(h)).toBe("firstname")
    }
    expect(normalizeHeader("Email 2")).toBe("email2")
    expect(normalizeHeader("Préférence")).toBe("préférence")
  })
})

describe("resolveColumns", () => {
  it("finds columns by name or alias regardless of how the header is written", () => {
    const resolved = resolveColumns(["QBO-ID", "Notes", "first_name", "POSTAL CODE"], columns)
    if (Either.isLeft(resolved)) throw new Error("expected columns to resolve")
    expect(resolved.right.indexOf).toEqual({ firstName: 2, quickbooksId: 0, zipCode: 3 })
    const row = { line: 2, row: 2, cells: ["2514", "vip", "Ann", "43215"] }
    expect(resolved.right.get(row, "firstName")).toBe("Ann")
    expect(resolved.right.get(row, "quickbooksId")).toBe("2514")
  })

  it("reads an absent optional column as empty", () => {
    const resolved = resolveColumns(["First", "QuickBooks ID"], columns)
    if (Either.isLeft(resolved)) throw new Error("expected columns to resolve")
    expect(resolved.right.get({ line: 2, row: 2, cells: ["Ann", "1"] }, "zipCode")).toBe("")
  })

  it("lists every missing required column with the headers it would accept", () => {
    const resolved = resolveColumns(["Zip"], columns)
    if (Either.isRight(resolved)) throw new Error("expected missing columns")
    expect(resolved.left.map((m) => m.key)).toEqual(["firstName", "quickbooksId"])
    expect(resolved.left[1]).toMatchObject({ _tag: "missing", accepted: ["quickbooksId", "QuickBooks ID", "QBO ID"] })
  })

  it("refuses two headers that name one column, naming both", () => {
    const resolved = resolveColumns(["First", "QBO ID", "Zip", "Postal Code"], columns)
    if (Either.isRight(resolved)) throw new Error("expected a duplicate column")
    expect(resolved.left).toEqual([{ _tag: "duplicate", key: "zipCode", headers: ["Zip", "Postal Code"], positions: [3, 4] }])
    expect(describeColumnProblem(resolved.left[0] ?? { _tag: "missing", key: "zipCode", accepted: [] })).toBe(
      'columns 3 "Zip" and 4 "Postal Code" both name zipCode: delete or rename one of them'
    )
    const same = resolveColumns(["First", "First", "QBO ID"], columns)
    expect(Either.isLeft(same) && same.left.map((p) => p._tag)).toEqual(["duplicate"])
  })

  it("ignores repeated headers it does not read", () => {
    expect(Either.isRight(resolveColumns(["First", "QBO ID", "Notes", "Notes"], columns))).toBe(true)
  })

  it("reports aliases that two columns both claim", () => {
    expect(aliasCollisions(columns)).toEqual([])
    expect(aliasCollisions({ phone: { required: false, aliases: ["Cell"] }, mobilePhone: { required: false, aliases: ["cell"] } })).toEqual([
      '"cell" names both phone and mobilePhone'
    ])
  })
})
