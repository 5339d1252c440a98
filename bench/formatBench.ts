import type { BenchResult } from "./benchCompany.ts"
import { pipelineStages } from "./BenchSummary.ts"

/** The target for 100,000 customers per side on a 2-core machine. */
export const target = { customers: 100_000, seconds: 30, rssBytes: 2e9 } as const

const int = (n: number): string => Math.round(n).toLocaleString("en-US")
const secs = (s: number): string => `${s.toFixed(2)} s`
const mb = (bytes: number): string => `${int(bytes / 1e6)} MB`
const rate = (perSecond: number): string =>
  perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${int(perSecond)}/s`
const pad = (s: string, width: number): string => s.padEnd(width)

const stageLines = (timings: Readonly<Record<string, number>>): Array<string> => {
  const total = timings.total ?? 0
  return pipelineStages.map((stage) => {
    const t = timings[stage]
    const share = t === undefined || total <= 0 || stage === "total" ? "" : `${Math.round((100 * t) / total)}%`.padStart(5)
    return `  ${pad(stage, 14)}${t === undefined ? "        —" : secs(t).padStart(9)}${share}`
  })
}

const allPairsLines = (r: BenchResult): Array<string> => {
  const p = r.inProcess
  if (p === null) return []
  const a = p.allPairs
  const blocked = p.seconds.prepare + p.seconds.blocking + p.seconds.training + p.seconds.scoring
  const how = a.extrapolated
    ? `a random sample of ${int(a.sampledPairs)} pairs scored in ${secs(a.sampleSeconds)} (${rate(a.pairsPerSecond)}), extrapolated`
    : `every pair scored in ${secs(a.sampleSeconds)} (${rate(a.pairsPerSecond)}), measured`
  const matchStage = r.summary.timings.match ?? Number.NaN
  return [
    "all pairs (same records, same trained model, comparison + scoring only, no training):",
    `  ${int(a.records)} records → ${int(a.allPairs)} pairs: ${how}`,
    `  all pairs       ${secs(a.allPairsSeconds).padStart(12)}   (${int(a.sampledMatches)} of the scored pairs reach the match threshold; ` +
      `the blocked run's ${int(r.summary.matching.matchedPairs)} matches would put ${(r.summary.matching.matchedPairs * (a.sampledPairs / a.allPairs)).toFixed(1)} among them)`,
    `  blocked         ${secs(blocked).padStart(12)}   in this process: prepare ${secs(p.seconds.prepare)}, blocking ${secs(p.seconds.blocking)}, ` +
      `training ${secs(p.seconds.training)}, scoring ${secs(p.seconds.scoring)} on ${int(p.candidatePairs)} pairs`,
    `  ratio           all pairs / blocked in process ×${int(a.allPairsSeconds / blocked)}; ` +
      `/ the run's match stage (${secs(matchStage)}) ×${int(a.allPairsSeconds / matchStage)}; ` +
      `/ the run end to end (${secs(r.summary.timings.total ?? Number.NaN)}) ×${(a.allPairsSeconds / (r.summary.timings.total ?? Number.NaN)).toFixed(1)}`
  ]
}

const targetLine = (r: BenchResult): Array<string> => {
  if (r.options.customers !== target.customers) return []
  const total = r.summary.timings.total ?? Number.NaN
  const rss = r.run.peakRssBytes
  const verdict = (ok: boolean) => (ok ? "within" : "OVER")
  return [
    `target: end to end ${secs(total)} by the run's timings (${verdict(total < target.seconds)} ${target.seconds} s), ` +
      `${secs(r.run.wallSeconds)} with Node start-up (${verdict(r.run.wallSeconds < target.seconds)}), ` +
      `peak RSS ${rss === null ? "unknown" : `${mb(rss)} (${verdict(rss < target.rssBytes)} ${mb(target.rssBytes)})`}`
  ]
}

/** The report for one size, as lines for a terminal. */
export const formatBench = (r: BenchResult): Array<string> => {
  const { company: c, summary: s, truth: t, run } = r
  const inputBytes = Object.values(c.fileBytes).reduce((a, b) => a + b, 0)
  const matchSeconds = s.timings.match ?? Number.NaN
  const trapKinds = new Map<string, number>()
  for (const p of t.trapsProposed) trapKinds.set(p.trap.kind, (trapKinds.get(p.trap.kind) ?? 0) + 1)
  const scenarios = Object.entries(s.cases.byScenario)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${int(n)}`)
    .join(", ")
  return [
    `## ${int(r.options.customers)} customers per side (seed ${r.options.seed})` +
      (r.options.history === undefined
        ? ""
        : `, heavy history: ${int(r.options.history.appointments)} appointments, ${int(r.options.history.services)} services, ${int(r.options.history.invoices)} invoices per active customer`),
    `generated      POM ${int(c.counts.pomCustomers)} customers, ${int(c.counts.appointments)} appointments, ${int(c.counts.services)} services; ` +
      `QBO ${int(c.counts.qboCustomers)} customers, ${int(c.counts.invoices)} invoices; ${mb(inputBytes)} of files`,
    `               in ${secs(c.generateSeconds)} + written in ${secs(c.writeSeconds)} (not part of the run)`,
    `read by run    ${int(s.records.pomCustomers)} POM customers, ${int(s.records.appointments)} appointments, ${int(s.records.services)} services, ` +
      `${int(s.records.qboCustomers)} QBO customers, ${int(s.records.invoices)} invoices; ${int(s.rejected)} rows rejected; ` +
      `${int(s.matching.records)} records matched (active ones)`,
    "stages (summary.json timings):",
    ...stageLines(s.timings),
    `process        wall ${secs(run.wallSeconds)} including Node start-up and module loading; ` +
      `CPU ${run.cpuSeconds === null ? "unknown" : secs(run.cpuSeconds)}; ` +
      `peak RSS ${run.peakRssBytes === null ? "unknown" : mb(run.peakRssBytes)} (${run.rssMethod})`,
    `candidates     ${int(s.matching.candidatePairs)} pairs (a pair proposed by several rules counts once); ` +
      `${int(s.matching.matchedPairs)} at or above the match threshold`,
    ...s.matching.perRule.map((p) => `  ${pad(p.rule, 24)}${int(p.candidatePairs).padStart(12)}`),
    `matching       ${rate(s.matching.candidatePairs / matchSeconds)} candidate pairs through the match stage ` +
      `(${int(s.matching.candidatePairs)} in ${secs(matchSeconds)}: prepare, block, train, score, explain)`,
    `cases          ${int(s.cases.total)}${scenarios === "" ? "" : ` (${scenarios})`}`,
    `truth          ${t.found === t.injected && t.trapsProposed.length === 0 ? "every planted case found, no trap proposed" : "NOT every planted case found with no trap"}: ` +
      `${int(t.found)} of ${int(t.injected)} found with the right scenario, keeper and QBO customer; ${int(t.trapsProposed.length)} of ${int(r.company.truth.traps.length)} traps proposed` +
      `${trapKinds.size === 0 ? " (none)" : ` (${[...trapKinds].map(([k, n]) => `${k} ${n}`).join(", ")})`}; ` +
      `${int(t.unexpected.length)} cases hold no planted case`,
    ...t.misses.slice(0, 5).map((m) => `  missed ${m.truth.recipe} ${m.truth.id}: ${m.problem}`),
    ...(t.misses.length > 5 ? [`  … and ${t.misses.length - 5} more`] : []),
    ...allPairsLines(r),
    ...targetLine(r)
  ]
}
