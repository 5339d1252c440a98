import { describe, expect, it } from "@effect/vitest"
import { earliestSlot, forgotten } from "../../../../sources/qbo/api/SlidingWindowLog.ts"

const perSecond = { limit: 3, windowMillis: 1_000 }
const perMinute = { limit: 5, windowMillis: 60_000 }

describe("earliestSlot", () => {
  it("sends at once while a window has room", () => {
    expect(earliestSlot([], [perSecond], 500)).toBe(500)
    expect(earliestSlot([100, 200], [perSecond], 500)).toBe(500)
  })

  it("waits until the oldest of the last `limit` answers has left the window", () => {
    expect(earliestSlot([100, 200, 300], [perSecond], 500)).toBe(1_100)
    expect(earliestSlot([100, 200, 300, 400], [perSecond], 500)).toBe(1_200)
  })

  it("honours the strictest of several windows", () => {
    const answers = [0, 2_000, 4_000, 6_000, 8_000]
    expect(earliestSlot(answers, [perSecond, perMinute], 9_000)).toBe(60_000)
  })

  it("cannot name a time while the window is full of requests still in flight", () => {
    expect(earliestSlot([100, Infinity, Infinity, Infinity], [perSecond], 500)).toBe(Infinity)
    expect(earliestSlot([Infinity, 100, 200], [perSecond], 500)).toBe(1_100)
  })

  it("forgets an answer only once no window can see it", () => {
    expect(forgotten(0, [perSecond, perMinute], 59_999)).toBe(false)
    expect(forgotten(0, [perSecond, perMinute], 60_000)).toBe(true)
    expect(forgotten(Infinity, [perSecond], 10_000_000)).toBe(false)
  })
})
