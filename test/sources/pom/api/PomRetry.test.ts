import { Duration, Option } from "effect"
import { describe, expect, it } from "vitest"
import { parseRetryAfter } from "../../../../sources/pom/api/PomRetry.ts"

const millis = (header: string | undefined, now = 0) => Option.map(parseRetryAfter(header, now), Duration.toMillis)

describe("parseRetryAfter", () => {
  it("reads whole and fractional seconds", () => {
    expect(millis("3")).toEqual(Option.some(3000))
    expect(millis("0.25")).toEqual(Option.some(250))
  })

  it("reads an HTTP date as the time left until then", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:27:00 GMT")
    expect(millis("Wed, 21 Oct 2015 07:28:00 GMT", now)).toEqual(Option.some(60_000))
    expect(millis("Wed, 21 Oct 2015 07:20:00 GMT", now)).toEqual(Option.some(0))
  })

  it("ignores a missing or unreadable header", () => {
    expect(millis(undefined)).toEqual(Option.none())
    expect(millis("soon")).toEqual(Option.none())
  })
})
