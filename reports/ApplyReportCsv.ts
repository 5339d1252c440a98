import { stringify } from "csv-stringify/sync"
import type { CaseOutcome } from "../pipeline/apply/ApplyOutcome.ts"
import type { Refusal } from "../pipeline/apply/checkSignOff.ts"
import { excelSafe } from "./excelSafe.ts"

const json = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v))

/** One row per step of every approved case (and one per refused case): what was done, from what, to what. */
export const applyReportCsv = (outcomes: ReadonlyArray<CaseOutcome>, refused: ReadonlyArray<Refusal>): string =>
  stringify(
    [
      ["case_id", "run_id", "case_status", "step", "action", "status", "before", "after", "error", "detail"],
      ...outcomes.flatMap((o) =>
        o.steps.map((s) => [
          o.case.id,
          o.runId,
          o.status,
          String(s.stepIndex + 1),
          s.step._tag,
          s.status,
          json(s.step.before),
          json(s.after),
          s.error ?? "",
          o.detail ?? ""
        ])
      ),
      ...refused.map((r) => [r.caseId, "", "refused", "", "", "not-run", "", "", "", `row ${r.row}: ${r.reason}`])
    ].map((row) => row.map(excelSafe)),
    { bom: true, record_delimiter: "windows" }
  )
