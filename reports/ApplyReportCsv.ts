import { type ApplyReportRow } from "./applyReportRows.ts"
import { spreadsheetCsv } from "./excelSafe.ts"

const json = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v))

/** apply-report-<apply id>.csv: one row per step of every approved case (and one per refused case). */
export const applyReportCsv = (rows: ReadonlyArray<ApplyReportRow>): string =>
  spreadsheetCsv([
    ["case_id", "run_id", "case_status", "step", "action", "status", "record", "change", "before", "after", "error", "detail"],
    ...rows.map((r) => [
      r.caseId,
      r.runId ?? "",
      r.caseStatus,
      r.step === null ? "" : String(r.step),
      r.action,
      r.status,
      r.record,
      r.change,
      json(r.before),
      json(r.after),
      r.error ?? "",
      r.detail ?? ""
    ])
  ])
