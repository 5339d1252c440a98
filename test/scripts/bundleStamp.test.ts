import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { fingerprints, staleness } from "../../scripts/bundleStamp.mjs"

/** A folder with two sources and a stamp of them, as scripts/bundle.mjs leaves dist/ after a build. */
const stamped = () => {
  const base = mkdtempSync(join(tmpdir(), "reconcile-stamp-"))
  writeFileSync(join(base, "a.ts"), "export const a = 1\n")
  writeFileSync(join(base, "b.ts"), "export const b = 2\n")
  const stamp = join(base, "stamp.json")
  writeFileSync(stamp, JSON.stringify({ inputs: fingerprints(["a.ts", "b.ts"], base) }))
  return { base, stamp }
}

describe("the bundle's stamp", () => {
  it("holds while no input changed", () => {
    const { base, stamp } = stamped()
    expect(staleness(stamp, base)).toBeUndefined()
  })

  it("names the input that was edited", () => {
    const { base, stamp } = stamped()
    writeFileSync(join(base, "b.ts"), "export const b = 3\n")
    utimesSync(join(base, "b.ts"), new Date(), new Date(Date.now() + 5_000))
    expect(staleness(stamp, base)).toBe("b.ts changed")
  })

  it("counts an input put back with an older time as changed", () => {
    const { base, stamp } = stamped()
    const past = new Date("2020-01-01T00:00:00Z")
    utimesSync(join(base, "a.ts"), past, past)
    expect(staleness(stamp, base)).toBe("a.ts changed")
  })

  it("names an input that is gone", () => {
    const { base, stamp } = stamped()
    rmSync(join(base, "a.ts"))
    expect(staleness(stamp, base)).toBe("a.ts is gone")
  })

  it("asks for a build when there is no stamp", () => {
    const { base } = stamped()
    expect(staleness(join(base, "missing.json"), base)).toBe("not built yet")
  })
})
