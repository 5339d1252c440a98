import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Option } from "effect"
import { pagesInOrder } from "../../../../sources/qbo/api/pagesInOrder.ts"

/** A query of `total` rows numbered from 1, each page answering after a few turns of the scheduler. */
const pagedRows = (total: number, pageSize: number, turnsOf: (startPosition: number) => number) => {
  const asked: Array<number> = []
  const fetch = (at: number) =>
    Effect.suspend(() => {
      asked.push(at)
      const rows = Array.from({ length: Math.max(0, Math.min(pageSize, total - at + 1)) }, (_, i) => at + i)
      return Effect.as(Effect.repeatN(Effect.yieldNow(), turnsOf(at)), rows)
    })
  return { asked, fetch }
}

const readAll = (total: number, pageSize: number, concurrency: number, turnsOf: (startPosition: number) => number) =>
  Effect.gen(function* () {
    const { asked, fetch } = pagedRows(total, pageSize, turnsOf)
    const read: Array<unknown> = []
    const starts: Array<number> = []
    const done = yield* pagesInOrder({
      pageSize,
      concurrency,
      fetch,
      onPage: (rows, at) => Effect.sync(() => void (read.push(...rows), starts.push(at)))
    }).pipe(Effect.timeoutOption(Duration.seconds(5)))
    return { finished: Option.isSome(done), read, starts, asked }
  })

describe("pagesInOrder", () => {
  // The runtime lets a fiber run a number of steps before others get a turn (2,048 by default; below 16 Effect
  // itself makes no progress). Budgets of every size from 16 on switch a page's fetch away at every point of its
  // work, including between saying it is in and being done.
  for (const stepsBeforeYield of [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 29, 31, 37, 2048]) {
    for (const concurrency of [1, 3, 10]) {
      it.live(`reads every page once, in order, with ${concurrency} in flight and a switch every ${stepsBeforeYield} steps`, () =>
        Effect.gen(function* () {
          const { finished, read, starts, asked } = yield* readAll(2_345, 100, concurrency, (at) => (at * 7919) % 13).pipe(
            Effect.withMaxOpsBeforeYield(stepsBeforeYield)
          )
          expect(finished).toBe(true)
          expect(read).toEqual(Array.from({ length: 2_345 }, (_, i) => i + 1))
          expect(starts).toEqual(Array.from({ length: 24 }, (_, i) => 1 + 100 * i))
          // Pages past the short one are asked for only while it was not in yet.
          expect(asked.length).toBeLessThanOrEqual(24 + concurrency - 1)
        })
      )
    }
  }

  it.live("stops at an empty first page, and at a full last page followed by an empty one", () =>
    Effect.gen(function* () {
      const empty = yield* readAll(0, 100, 4, () => 1)
      expect(empty.finished).toBe(true)
      expect(empty.starts).toEqual([1])
      const exact = yield* readAll(300, 100, 4, () => 1)
      expect(exact.read).toHaveLength(300)
      expect(exact.starts).toEqual([1, 101, 201, 301])
    })
  )

  it.live("fails with the first failing page in order, having handed on the pages before it", () =>
    Effect.gen(function* () {
      const read: Array<number> = []
      const result = yield* pagesInOrder({
        pageSize: 10,
        concurrency: 3,
        fetch: (at) => (at === 21 ? Effect.fail(`page ${at}` as const) : Effect.succeed(Array.from({ length: 10 }, (_, i) => at + i))),
        onPage: (rows) => Effect.sync(() => void read.push(...(rows as ReadonlyArray<number>)))
      }).pipe(Effect.flip)
      expect(result).toBe("page 21")
      expect(read).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    })
  )
})
