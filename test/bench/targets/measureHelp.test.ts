import { describe, expect, it } from "@effect/vitest"
import { Option } from "effect"
import { parseStartReport } from "../../../bench/targets/measureHelp.ts"

// As scripts/measureStart.mjs prints it with `10 0` (no source runs).
const report = `reconcile --help on 2 cores, load average 1.20 0.90 0.80
bundle   wall median 0.31 s (best 0.28 s), CPU median 0.25 s, 10 runs
load average afterwards 1.10 0.90 0.80
`

describe("parseStartReport", () => {
  it("reads the bundle's median and best wall time, its CPU time and the number of runs", () => {
    expect(parseStartReport(report)).toEqual(Option.some({ medianWallSeconds: 0.31, bestWallSeconds: 0.28, medianCpuSeconds: 0.25, runs: 10 }))
  })

  it("does not take the sources' line for the bundle's", () => {
    expect(parseStartReport("source   wall median 2.61 s (best 2.50 s), CPU median 3.10 s, 3 runs\n")).toEqual(Option.none())
  })
})
