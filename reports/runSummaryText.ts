import type { RunSummary } from "../pipeline/RunSummary.ts"

const n = (x: number) => x.toLocaleString("en-US")

/** The short summary for a person at a terminal. */
export const runSummaryText = (s: RunSummary): string => {
  const byScenario = Object.entries(s.cases.byScenario)
    .filter(([, count]) => count > 0)
    .map(([scenario, count]) => `${scenario} ${count}`)
    .join(", ")
  return [
    `Run ${s.runId}`,
    `Read ${n(s.records.pomCustomers)} POM customers, ${n(s.records.appointments)} appointments, ${n(s.records.services)} services; ` +
      `${n(s.records.qboCustomers)} QBO customers, ${n(s.records.invoices)} invoices.` +
      (s.rejected > 0 ? ` Rejected ${n(s.rejected)} rows: see ${s.outputs.rejected}.` : ""),
    `Found ${n(s.cases.total)} cases${byScenario === "" ? "" : ` (${byScenario})`} in ${s.timings.total?.toFixed(1)} s.` +
      (s.matching.setAsidePairs > 0
        ? ` Set aside ${n(s.matching.setAsidePairs)} matched pairs whose records are each linked to a closer partner (see --log-level debug).`
        : ""),
    ...(s.diff.previousRunId === null
      ? []
      : [
          `Since ${s.diff.previousRunId}: ${n(s.diff.new)} new, ${n(s.diff.stillOpen)} still open, ` +
            `${n(s.diff.resolvedApplied)} resolved by apply, ${n(s.diff.resolvedGone)} gone (fixed by hand), ` +
            `${n(s.diff.suppressed)} suppressed (rejected before), ${n(s.diff.previouslyRejected)} back after a record changed.`
        ]),
    `Review: ${s.outputs.review}`,
    ...(s.outputs.reviewXlsx === undefined ? [] : [`        ${s.outputs.reviewXlsx} (the same, as a workbook: ids as text, decision drop-down, links)`])
  ].join("\n")
}

