import type { RejectedRow } from "../pipeline/domain/RejectedRow.ts"
import { spreadsheetCsv } from "./excelSafe.ts"

/** Input rows that were not used, with where they are and why, for the admin to fix at the source. */
export const rejectedCsv = (rows: ReadonlyArray<RejectedRow>): string =>
  spreadsheetCsv([["file", "line", "field", "reason", "raw"], ...rows.map((r) => [r.file, String(r.line), r.field, r.reason, r.raw])])
