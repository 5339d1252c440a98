import { parse } from "csv-parse/sync"

/** review.csv's records as a spreadsheet shows them: the formula guard undone, header first. */
export const reviewCsvRows = (csv: string): ReadonlyArray<ReadonlyArray<string>> => {
  const rows: Array<Array<string>> = parse(csv, { bom: true })
  return rows.map((cells) => cells.map((c) => c.replace(/^'(?=[=+\-@\t\r])/, "")))
}
