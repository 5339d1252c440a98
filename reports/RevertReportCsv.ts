import { stringify } from "csv-stringify/sync"
import type { RevertOutcome } from "../pipeline/apply/RevertOutcome.ts"
import { excelSafe } from "./excelSafe.ts"

const json = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v))

/**
 * One row per reverse step (what apply left, what the record was before, what the revert wrote), then one per
 * step apply recorded that the revert left to a person (`by-hand`), with the state to restore and why.
 */
export const revertReportCsv = (outcome: RevertOutcome): string =>
  stringify(
    [
      ["case_id", "run_id", "case_status", "apply_step", "action", "status", "after_apply", "restore", "after", "error", "detail"],
      ...outcome.steps.map((s) => [
        outcome.caseId,
        outcome.runId,
        outcome.status,
        String(s.step.stepIndex + 1),
        s.step._tag,
        s.status,
        json(s.step.expect),
        json("to" in s.step ? { to: s.step.to } : { active: true }),
        json(s.after),
        s.error ?? "",
        outcome.detail ?? ""
      ]),
      ...outcome.manual.map((m) => [
        outcome.caseId,
        outcome.runId,
        outcome.status,
        String(m.stepIndex + 1),
        `${m.kind} ${m.targetId}`,
        "by-hand",
        "",
        json(m.before),
        "",
        "",
        m.reason
      ])
    ].map((row) => row.map(excelSafe)),
    { bom: true, record_delimiter: "windows" }
  )
