import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { parseSpreadsheetDate } from "../../../sources/csv/parseSpreadsheetDate.ts"

describe("parseSpreadsheetDate", () => {
  it("reads an empty cell as an unknown date", () => {
    expect(parseSpreadsheetDate("  ")).toEqual(Either.right(null))
  })

  it("normalises dates and date-times in the accepted forms", () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["2024-02-29", "2024-02-29"],
      ["2000-02-29", "2000-02-29"],
      ["12/31/2025", "2025-12-31"],
      ["1/5/2024", "2024-01-05"],
      ["12/31/2024 11:59 PM", "2024-12-31T23:59:00"],
      ["1/5/2024 12:00 AM", "2024-01-05T00:00:00"],
      ["1/5/2024 12:30:15 pm", "2024-01-05T12:30:15"],
      ["1/5/2024 14:30", "2024-01-05T14:30:00"],
      ["2024-01-05 10:00:00", "2024-01-05T10:00:00"],
      ["2024-01-05T10:00:00.123Z", "2024-01-05T10:00:00Z"],
      ["2014-09-11T16:48:43-07:00", "2014-09-11T23:48:43Z"],
      ["2024-01-05T10:00+0530", "2024-01-05T04:30:00Z"]
    ]
    for (const [input, expected] of cases) expect(parseSpreadsheetDate(input)).toEqual(Either.right(expected))
  })

  it("rejects impossible dates and unknown forms with a reason quoting the value", () => {
    for (const input of ["2023-02-29", "1900-02-29", "2/29/2100", "2024-04-31", "13/5/2024", "1/5/2024 13:00 PM", "yesterday", "2.5E+04", "5/1/24"]) {
      const result = parseSpreadsheetDate(input)
      if (Either.isRight(result)) throw new Error(`expected ${input} to be rejected`)
      expect(result.left).toContain(`"${input}"`)
    }
  })
})

describe("parseSpreadsheetDate on UTC times", () => {
  // "Z" is read without a Date; "+00:00" still goes through one, so the two must always agree.
  it("reads a time marked Z exactly as the same time marked +00:00, across months, leap days and years", () => {
    const times = ["2024-02-29T23:59:59.999Z", "1999-12-31T00:00:00Z", "2026-11-01T14:05:09.000Z", "0100-01-01T00:00:00Z", "9999-12-31T23:59:59z"]
    for (let day = 0; day < 400; day += 7) {
      const d = new Date(Date.UTC(2023, 0, 1 + day, day % 24, (day * 7) % 60, (day * 13) % 60))
      times.push(d.toISOString())
    }
    for (const z of times) {
      const offset = z.replace(/[Zz]$/, "+00:00")
      expect(parseSpreadsheetDate(z)).toEqual(parseSpreadsheetDate(offset))
      expect(Either.isRight(parseSpreadsheetDate(z))).toBe(true)
    }
  })

  it("reads a two-digit-era year marked Z as the same instant as +00:00 does", () => {
    expect(parseSpreadsheetDate("0050-03-01T10:00:00Z")).toEqual(parseSpreadsheetDate("0050-03-01T10:00:00+00:00"))
  })

  it("still rejects an impossible UTC time", () => {
    expect(Either.isLeft(parseSpreadsheetDate("2023-02-29T10:00:00Z"))).toBe(true)
    expect(Either.isLeft(parseSpreadsheetDate("2024-01-05T24:00:00Z"))).toBe(true)
  })
})

describe("parseSpreadsheetDate on the forms history exports write", () => {
  // Those two forms are read by a shortcut; every answer must be the one the general reading gives, which the
  // same value with a space before it still takes.
  it("reads dates and UTC times written in full exactly as the general reading does", () => {
    const values = ["2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-1-05", "0099-01-01", "2024-01-05T10:00:00.000Z"]
    values.push("2024-01-05T10:00:00Z", "2024-01-05T24:00:00Z", "2024-01-05T10:60:00.000Z", "2024-01-05 10:00:00.000Z", "2024-01-05T10:00:00.12Z")
    values.push("2024-01-05T10:00:00.1234Z", "2024-01-05T10:00:00,123Z", "2024-01-05T1a:00:00Z", "2024-01-05T10:00:00.000z", "2024/01/05")
    for (let day = 0; day < 800; day += 3) values.push(new Date(Date.UTC(1999, 0, 1 + day, day % 24, (day * 7) % 60, (day * 13) % 60)).toISOString())
    for (let day = 0; day < 800; day += 5) values.push(new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10))
    for (const value of values) expect(parseSpreadsheetDate(value), value).toEqual(parseSpreadsheetDate(` ${value}`))
  })
})
