import { parse } from "csv-parse/sync"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import type { PomServerOptions } from "./startPomServer.ts"

const rowsOf = (file: string): Array<Record<string, string>> =>
  parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, bom: true, trim: false })

/**
 * The seed of a local server from a POM export folder: `customers.csv` (required), `appointments.csv` and
 * `services.csv` (optional), with a header row of POM API field names.
 */
export const readExportRows = (folder: string): Required<Pick<PomServerOptions, "customers" | "appointments" | "services">> => {
  const customers = join(folder, "customers.csv")
  if (!existsSync(customers)) throw new Error(`${folder} has no customers.csv`)
  const optional = (name: string) => (existsSync(join(folder, name)) ? rowsOf(join(folder, name)) : [])
  return { customers: rowsOf(customers), appointments: optional("appointments.csv"), services: optional("services.csv") }
}
