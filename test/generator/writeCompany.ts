import { FileSystem, Path } from "@effect/platform"
import { stringify } from "csv-stringify/sync"
import { Effect, Schema } from "effect"
import { pomAppointmentColumns, pomCustomerColumns, pomServiceColumns, type Company } from "./Company.ts"

export class CompanyWriteError extends Schema.TaggedError<CompanyWriteError>()("CompanyWriteError", {
  file: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `could not write ${this.file}: ${this.reason} (check that the output folder is writable and has space)`
  }
}

/** The files `writeCompany` makes, relative to its folder. */
export const companyFiles = {
  pomCustomers: "pom/customers.csv",
  pomAppointments: "pom/appointments.csv",
  pomServices: "pom/services.csv",
  qboCustomers: "qbo/customers.json",
  qboInvoices: "qbo/invoices.json",
  truth: "truth.json"
} as const

// Files are written a slice at a time: the invoices of 100,000 customers run to hundreds of megabytes. Small
// slices also die young: measured on 100,000 customers, CSV slices of 500 rows and JSON slices of 100 entities
// write about twice as fast as slices of 5,000, which outlive the young generation and force full collections.
const csvSlice = 500
const jsonSlice = 100
const writeSize = 1 << 20

function* csvChunks<Row extends Readonly<Record<Column, string>>, Column extends string>(
  rows: ReadonlyArray<Row>,
  columns: ReadonlyArray<Column>
): Generator<string> {
  if (rows.length === 0) yield stringify([], { header: true, columns })
  for (let i = 0; i < rows.length; i += csvSlice) {
    // Rows as arrays in column order: csv-stringify then skips its per-field key lookup.
    const records = rows.slice(i, i + csvSlice).map((row) => columns.map((c) => row[c]))
    yield stringify(records, i === 0 ? { header: true, columns } : {})
  }
}

/** A JSON array with one entity a line: valid JSON, and still readable with grep and diff. */
function* jsonArrayChunks(items: ReadonlyArray<unknown>): Generator<string> {
  if (items.length === 0) yield "[]\n"
  for (let i = 0; i < items.length; i += jsonSlice) {
    const body = items
      .slice(i, i + jsonSlice)
      .map((item) => JSON.stringify(item))
      .join(",\n")
    yield `${i === 0 ? "[\n" : ",\n"}${body}${i + jsonSlice >= items.length ? "\n]\n" : ""}`
  }
}

/**
 * Writes the company as the files the pipeline reads: `pom/{customers,appointments,services}.csv` (UTF-8, quoted
 * as needed), `qbo/{customers,invoices}.json` (arrays of raw QBO entities) and `truth.json`. The same company
 * always gives byte-identical files.
 */
export const writeCompany = (
  company: Company,
  dir: string
): Effect.Effect<void, CompanyWriteError, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const encoder = new TextEncoder()
    const buffer = new Uint8Array(writeSize)

    const write = (relative: string, chunks: Iterable<string>) => {
      const file = path.join(dir, relative)
      return Effect.scoped(
        Effect.gen(function* () {
          yield* fs.makeDirectory(path.dirname(file), { recursive: true })
          const handle = yield* fs.open(file, { flag: "w" })
          // Slices are encoded into one reused buffer and written a megabyte at a time: each write waits on the
          // disk thread, and a fresh buffer or joined string per write only feeds the garbage collector.
          let used = 0
          for (const chunk of chunks) {
            let rest = chunk
            while (rest.length > 0) {
              const { read, written } = encoder.encodeInto(rest, buffer.subarray(used))
              used += written
              rest = rest.slice(read)
              if (rest.length > 0 || used > buffer.length - 4096) {
                yield* handle.writeAll(buffer.subarray(0, used))
                used = 0
              }
            }
          }
          if (used > 0) yield* handle.writeAll(buffer.subarray(0, used))
        })
      ).pipe(Effect.mapError((e) => new CompanyWriteError({ file, reason: e.message })))
    }

    yield* write(companyFiles.pomCustomers, csvChunks(company.pom.customers, pomCustomerColumns))
    yield* write(companyFiles.pomAppointments, csvChunks(company.pom.appointments, pomAppointmentColumns))
    yield* write(companyFiles.pomServices, csvChunks(company.pom.services, pomServiceColumns))
    yield* write(companyFiles.qboCustomers, jsonArrayChunks(company.qbo.customers))
    yield* write(companyFiles.qboInvoices, jsonArrayChunks(company.qbo.invoices))
    yield* write(companyFiles.truth, [`${JSON.stringify(company.truth, null, 2)}\n`])
  }).pipe(Effect.withSpan("writeCompany"))
