import { Effect, type Exit, Queue } from "effect"

export interface PagesInOrderOptions<E> {
  readonly pageSize: number
  /** How many pages may be asked for at once. */
  readonly concurrency: number
  /** The page of up to `pageSize` rows starting at `startPosition` (1, 1 + pageSize, ...). */
  readonly fetch: (startPosition: number) => Effect.Effect<ReadonlyArray<unknown>, E>
  /** Each page, in order of position, once it and every page before it are in. */
  readonly onPage: (rows: ReadonlyArray<unknown>, startPosition: number) => Effect.Effect<void, E>
}

/** A page asked for: its answer is set by the fetch itself, before it says that it is in. */
interface Asked<E> {
  readonly at: number
  answer: Exit.Exit<ReadonlyArray<unknown>, E> | undefined
}

/**
 * Reads a paged query to its first short page. Up to `concurrency` pages are being fetched at once, and another is
 * asked for as soon as any is in, so one slow answer does not hold the others back; at most twice that many wait
 * to be read, in order. Nothing is asked for past a short page already in, so at most `concurrency - 1` pages are
 * asked for in vain; those still outstanding at the end are interrupted.
 *
 * A fetch records its answer before it signals, and the reader looks at that record rather than at the fetching
 * fiber, so that whether a page is in never depends on the order in which the runtime runs the two fibers.
 */
export const pagesInOrder = <E>(options: PagesInOrderOptions<E>): Effect.Effect<void, E> =>
  Effect.scoped(
    Effect.gen(function* () {
      const { pageSize, fetch, onPage } = options
      const concurrency = Math.max(1, options.concurrency)
      const answered = yield* Queue.unbounded<void>()
      const waiting: Array<Asked<E>> = []
      let fetching = 0
      let next = 1
      let end = Infinity
      const ask = Effect.suspend(() => {
        const asked: Asked<E> = { at: next, answer: undefined }
        next += pageSize
        fetching++
        waiting.push(asked)
        return Effect.forkScoped(
          Effect.flatMap(Effect.exit(fetch(asked.at)), (answer) => {
            asked.answer = answer
            fetching--
            if (answer._tag === "Success" && answer.value.length < pageSize) end = Math.min(end, asked.at)
            return answered.offer(undefined)
          })
        )
      })
      const askMore = Effect.whileLoop({
        while: () => fetching < concurrency && waiting.length < 2 * concurrency && next <= end,
        body: () => ask,
        step: () => undefined
      })
      for (;;) {
        yield* askMore
        const oldest = waiting[0]
        if (oldest === undefined) return
        if (oldest.answer === undefined) {
          // A signal may be left over from a page already read: looking again costs a turn, never a page.
          yield* answered.take
          continue
        }
        waiting.shift()
        const rows = yield* oldest.answer
        yield* onPage(rows, oldest.at)
        if (rows.length < pageSize) return
      }
    })
  )
