import type { RejectedRow } from "../pipeline/domain/RejectedRow.ts"
import { spreadsheetCsv } from "./excelSafe.ts"

/**
 * Input rows that were not used whole, with where they are and why, for the admin to fix at the source; `severity`
 * says whether the record was kept without the named fields (`field`) or left out (`row`).
 */
export const rejectedCsv = (rows: ReadonlyArray<RejectedRow>): string =>
  spreadsheetCsv([
    ["file", "line", "severity", "field", "reason", "raw"],
    ...rows.map((r) => [r.file, String(r.line), r.severity, r.field, r.reason, r.raw])
  ])
