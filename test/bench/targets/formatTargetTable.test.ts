import { describe, expect, it } from "@effect/vitest"
import { benchParts } from "../../../bench/targets/BenchPart.ts"
import { formatTargetTable } from "../../../bench/targets/formatTargetTable.ts"
import type { PartResult } from "../../../bench/targets/PartResult.ts"

const machine = { cores: 2, cpuModel: "Test CPU", memoryBytes: 8 * 2 ** 30, node: "v20.0.0" }

const offline: PartResult = {
  id: "offline-100k-heavy",
  label: "offline run",
  loadBefore: 0.42,
  loadAfter: 1.96,
  failure: null,
  figures: [
    { name: "wall", value: 61.234, unit: "seconds", target: { bound: "at most", limit: 60 }, detail: "Node start-up included" },
    { name: "peak RSS", value: 1_849_000_000, unit: "bytes", target: { bound: "at most", limit: 2e9 }, detail: null },
    { name: "records read", value: 12_345, unit: "count", target: null, detail: null },
    { name: "peak RSS", value: null, unit: "bytes", target: { bound: "at most", limit: 2e9 }, detail: null }
  ]
}

const pull: PartResult = {
  id: "qbo-pull-100k",
  label: "pull",
  loadBefore: 3,
  loadAfter: 3.5,
  failure: null,
  figures: [{ name: "share of 500/min", value: 0.9234, unit: "share", target: { bound: "at least", limit: 0.9 }, detail: null }]
}

describe("formatTargetTable", () => {
  const lines = formatTargetTable([offline, pull], machine, [])
  const row = (start: string) => lines.find((l) => l.includes(start)) ?? ""

  it("prints each figure with its unit, its target and its verdict on one line", () => {
    expect(row("wall")).toMatch(/wall\s+61\.23 s \(Node start-up included\)\s+≤ 60\.00 s\s+OVER/)
    expect(row("1,849 MB")).toMatch(/1,849 MB\s+≤ 2,000 MB\s+within/)
    expect(row("12,345")).toMatch(/no target/)
    expect(row("92.3 %")).toMatch(/≥ 90\.0 %\s+within/)
  })

  it("says not measured for a figure the part could not give", () => {
    expect(row("not measured")).toMatch(/peak RSS\s+not measured\s+≤ 2,000 MB\s+not measured/)
  })

  it("shows the machine's cores and, on each part's first line, the load at its start and end", () => {
    expect(lines[0]).toContain("2 cores (Test CPU)")
    expect(row("offline-100k-heavy")).toMatch(/0\.4 → 2\.0$/)
    expect(row("qbo-pull-100k")).toMatch(/3\.0 → 3\.5$/)
    expect(lines.filter((l) => l.includes("→")).length).toBe(3)
  })

  it("lines up the columns: every row starts its measured figure where the header's column starts", () => {
    const header = lines[1] ?? ""
    const at = header.indexOf("measured")
    const body = lines.slice(3, 3 + offline.figures.length + pull.figures.length)
    expect(body.length).toBe(5)
    expect(body.every((l) => l.charAt(at - 1) === " " && l.charAt(at) !== " ")).toBe(true)
  })

  it("reports a failed part with its reason and names the parts left out", () => {
    const failed: PartResult = { ...offline, figures: [], failure: "reconcile run exited with 1\nJavaScript heap out of memory" }
    const out = formatTargetTable([failed], machine, benchParts.filter((p) => p.id === "offline-1m"))
    expect(out.join("\n")).toContain("JavaScript heap out of memory")
    expect(out.find((l) => l.startsWith("offline-100k-heavy"))).toMatch(/failed\s+reconcile run exited with 1/)
    expect(out.at(-1)).toContain("not run: offline-1m")
  })
})
