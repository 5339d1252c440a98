import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { QboProgress } from "../../sources/qbo/api/QboProgress.ts"
import { TerminalProgress } from "../../reports/TerminalProgress.ts"

/** Records what would reach the screen. */
const fakeStream = (isTTY: boolean) => {
  const written: Array<string> = []
  const stream = {
    isTTY,
    write: (chunk: string) => {
      written.push(chunk)
      return true
    }
  }
  return { stream, written }
}

describe("TerminalProgress", () => {
  it.effect("rewrites one status line on a terminal with records, pages and rate-limit waits, and clears it at the end", () =>
    Effect.gen(function* () {
      const { stream, written } = fakeStream(true)
      const p = new TerminalProgress(stream)
      yield* p.qbo(QboProgress.PageFetched({ entity: "Invoice", startPosition: 1001, records: 1000, totalRecords: 12000, pages: 12 }))
      yield* p.qbo(QboProgress.RateLimitWait({ millis: 60_000, reason: "throttled" }))
      yield* p.pom({ _tag: "PageFetched", page: 3, customers: 300, appointments: 900, services: 600 })
      yield* p.done
      const screen = written.join("")
      expect(screen).toContain("\rQBO Invoice: 12,000 records, page 12")
      expect(screen).toContain("QBO asked to slow down (429): waiting 60 s")
      expect(screen).toContain("POM: 300 customers, 900 appointments, 600 services (page 3)")
      expect(written.at(-1)).toMatch(/^\r +\r$/)
    })
  )

  it.effect("stays silent when stderr is not a terminal (cron, pipes)", () =>
    Effect.gen(function* () {
      const { stream, written } = fakeStream(false)
      const p = new TerminalProgress(stream)
      yield* p.qbo(QboProgress.PageFetched({ entity: "Customer", startPosition: 1, records: 5, totalRecords: 5, pages: 1 }))
      yield* p.stage("Matching…")
      yield* p.done
      expect(written).toEqual([])
    })
  )
})
