import { describe, expect, it } from "@effect/vitest"
import { earliestStart } from "../../../../sources/qbo/api/SlidingWindowLog.ts"

const perSecond = { limit: 3, windowMillis: 1_000 }
const perMinute = { limit: 5, windowMillis: 60_000 }

describe("earliestStart", () => {
  it("starts at once while a window has room", () => {
    expect(earliestStart([], [perSecond], 500)).toBe(500)
    expect(earliestStart([100, 200], [perSecond], 500)).toBe(500)
  })

  it("waits until the oldest of the last `limit` starts has left the window", () => {
    expect(earliestStart([100, 200, 300], [perSecond], 500)).toBe(1_100)
    expect(earliestStart([100, 200, 300, 400], [perSecond], 500)).toBe(1_200)
  })

  it("honours the strictest of several windows", () => {
    const starts = [0, 2_000, 4_000, 6_000, 8_000]
    expect(earliestStart(starts, [perSecond, perMinute], 9_000)).toBe(60_000)
  })

  it("cannot name a time while the window is full of requests not yet gone out", () => {
    expect(earliestStart([100, Infinity, Infinity, Infinity], [perSecond], 500)).toBe(Infinity)
    expect(earliestStart([100, 200, 300, Infinity], [perSecond], 500)).toBe(1_200)
  })

  it("counts starts only, however long their answers take", () => {
    // Three starts long ago, whatever became of them, leave the second window free.
    expect(earliestStart([0, 10, 20], [perSecond], 1_020)).toBe(1_020)
  })
})
