import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { constants } from "node:buffer"
import { readEntitiesFrom } from "../../../../sources/qbo/files/readQboSnapshot.ts"
import { addId, emptyTally, generatedInvoicePage } from "./generatedInvoices.ts"

// Reads hundreds of megabytes: seconds when the machine is idle, a minute or more when it is shared.
const LARGE = { timeout: 300_000 }

describe("readQboSnapshot on files of any size", () => {
  it.effect(
    "reads every invoice of a page longer than the longest string Node can hold",
    () =>
      Effect.gen(function* () {
        const tally = emptyTally()
        const page = generatedInvoicePage({ minChars: constants.MAX_STRING_LENGTH + 1_000_000, linePerEntity: true }, tally)
        let read = 0
        let idChecksum = 0
        // The raw entities, not decoded ones: decoding is the same per entity whatever the file's size, and
        // doubles the test's time.
        yield* readEntitiesFrom(page, "invoices.json", "Invoice", (raw) => {
          read++
          idChecksum = addId(idChecksum, typeof raw === "object" && raw !== null && "Id" in raw ? String(raw.Id) : "")
        })
        expect(tally.chars).toBeGreaterThan(constants.MAX_STRING_LENGTH)
        expect({ read, idChecksum }).toEqual({ read: tally.entities, idChecksum: tally.idChecksum })
      }),
    LARGE
  )

  for (const linePerEntity of [true, false]) {
    it.effect(
      `names the line and column of a syntax error deep in a large file (${linePerEntity ? "an entity per line" : "all on one line"})`,
      () =>
        Effect.gen(function* () {
          const tally = emptyTally()
          const page = generatedInvoicePage({ minChars: 40_000_000, linePerEntity, breakAfterShare: 0.9 }, tally)
          let read = 0
          const error = yield* Effect.flip(readEntitiesFrom(page, "invoices.json", "Invoice", () => read++))
          expect(tally.error).not.toBeNull()
          expect([error.line, error.column]).toEqual([tally.error?.line, tally.error?.column])
          expect(error.message).toContain("the file is not valid JSON (Expected ',' or '}' after property value)")
          expect(read).toBeGreaterThan(0)
        }),
      LARGE
    )
  }
})
