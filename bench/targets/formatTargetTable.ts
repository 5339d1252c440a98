import type { BenchPart } from "./BenchPart.ts"
import { type Figure, type PartResult, type Unit, verdictOf } from "./PartResult.ts"

export interface MachineInfo {
  readonly cores: number
  readonly cpuModel: string
  readonly memoryBytes: number
  readonly node: string
}

const columns = ["part", "figure", "measured", "target", "verdict", "load at start → end"] as const

const amount = (value: number, unit: Unit): string => {
  switch (unit) {
    case "seconds":
      return `${value.toFixed(2)} s`
    case "bytes":
      return `${Math.round(value / 1e6).toLocaleString("en-US")} MB`
    case "share":
      return `${(value * 100).toFixed(1)} %`
    case "count":
      return Math.round(value).toLocaleString("en-US")
  }
}

const measured = (f: Figure): string =>
  (f.value === null ? "not measured" : amount(f.value, f.unit)) + (f.detail === null ? "" : ` (${f.detail})`)

const targetText = (f: Figure): string =>
  f.target === null ? "—" : `${f.target.bound === "at most" ? "≤" : "≥"} ${amount(f.target.limit, f.unit)}`

const rows = (r: PartResult): Array<ReadonlyArray<string>> => {
  const load = `${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)}`
  if (r.failure !== null) return [[r.id, "failed", r.failure.split("\n")[0] ?? "", "", "", load]]
  return r.figures.map((f, i) => [i === 0 ? r.id : "", f.name, measured(f), targetText(f), verdictOf(f), i === 0 ? load : ""])
}

/** The results as a plain text table, one line per figure, with the machine it ran on and the parts left out. */
export const formatTargetTable = (
  results: ReadonlyArray<PartResult>,
  machine: MachineInfo,
  notRun: ReadonlyArray<BenchPart>
): Array<string> => {
  const body = results.flatMap(rows)
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((row) => (row[i] ?? "").length)))
  const line = (cells: ReadonlyArray<string>) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd()
  const failures = results.filter((r) => r.failure !== null)
  return [
    `${machine.cores} cores (${machine.cpuModel}), ${Math.round(machine.memoryBytes / 2 ** 30)} GiB, Node ${machine.node}; ` +
      "load is the 1-minute load average: above the core count, other work slows every figure",
    line(columns),
    line(widths.map((w) => "-".repeat(w))),
    ...body.map(line),
    ...failures.flatMap((r) => ["", `${r.id} failed:`, ...(r.failure ?? "").split("\n").map((l) => `  ${l}`)]),
    ...(notRun.length === 0 ? [] : ["", `not run: ${notRun.map((p) => p.id).join(", ")} (select with --only, e.g. --only ${notRun.map((p) => p.id).join(",")})`])
  ]
}
