import { describe, expect, it } from "vitest"
import { runCli } from "./runCli.ts"

describe("reconcile demo", () => {
  it("runs the whole loop on local servers: finds every planted case, applies the approved ones, and the next run shows them resolved", async () => {
    const result = await runCli(["demo", "--customers", "800", "--seed", "3"])
    expect(result.code).toBe(0)
    const planted = /planted (\d+) duplicate/.exec(result.stdout)?.[1]
    expect(result.stdout).toContain(`Found ${planted} of ${planted} planted cases`)
    expect(result.stdout).toContain("0 look-alikes proposed")
    const approved = Number(/Approved (\d+) cases/.exec(result.stdout)?.[1])
    expect(approved).toBeGreaterThan(0)
    expect(result.stdout).toContain(`Cases: ${approved} done, 0 waiting for work by hand, 0 stale, 0 failed`)
    expect(result.stdout).toMatch(new RegExp(`0 new, \\d+ still open, ${approved} resolved by apply`))
  })
})
