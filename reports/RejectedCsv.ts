import { stringify } from "csv-stringify/sync"
import type { RejectedRow } from "../pipeline/domain/RejectedRow.ts"
import { excelSafe } from "./excelSafe.ts"

/** Input rows that were not used, with where they are and why, for the admin to fix at the source. */
export const rejectedCsv = (rows: ReadonlyArray<RejectedRow>): string =>
  stringify(
    [
      ["file", "line", "field", "reason", "raw"],
      ...rows.map((r) => [r.file, String(r.line), r.field, r.reason, r.raw].map(excelSafe))
    ],
    { bom: true, record_delimiter: "windows" }
  )
