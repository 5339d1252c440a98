import { FileSystem } from "@effect/platform"
import { Effect, Either, Option } from "effect"
import * as path from "node:path"
import type { CsvFileError } from "../../csv/CsvFileError.ts"
import { streamCsvTable, type CsvStreamHeader } from "../../csv/streamCsvTable.ts"
import type { PomAppointment, PomCustomer, PomService } from "../../../pipeline/domain/PomRecords.ts"
import type { RejectedRow } from "../../../pipeline/domain/RejectedRow.ts"
import type { UnreadableRecord } from "../../../pipeline/domain/UnreadableRecord.ts"
import { collectingSink, type HistorySink } from "../../../pipeline/domain/History.ts"
import { parsePomCustomers, type CustomerRowReader } from "./parsePomCustomers.ts"
import { parsePomAppointments, parsePomServices } from "./parsePomHistory.ts"
import type { HistoryRowReader, ParsedRows } from "./parsePomHistory.ts"
import { PomExportError } from "./PomExportError.ts"

/**
 * What reading a POM export folder keeps: the customers, with the rows that were set aside and why. The
 * history went to the reader's sink as it was read.
 */
export interface PomExportCustomers {
  readonly customers: ReadonlyArray<PomCustomer>
  readonly rejected: ReadonlyArray<RejectedRow>
  /** Dropped rows whose ids could still be read (see `UnreadableRecord`). */
  readonly unreadable: ReadonlyArray<UnreadableRecord>
  /** Data rows in each file, read or rejected; 0 for an absent optional file. */
  readonly rowsRead: { readonly customers: number; readonly appointments: number; readonly services: number }
}

/** What a POM export read hands on as it goes: each customer kept, and the history. */
export interface PomExportSink extends Pick<HistorySink, "appointment" | "service"> {
  readonly customer: (customer: PomCustomer) => void
}

/** What reading a POM export folder into a sink leaves: the rows set aside and why, and the rows counted. */
export type PomExportRead = Omit<PomExportCustomers, "customers">

/** Everything read from a POM export folder, history included. */
export interface PomExport extends PomExportCustomers {
  readonly appointments: ReadonlyArray<PomAppointment>
  readonly services: ReadonlyArray<PomService>
}

export const POM_CUSTOMERS_FILE = "customers.csv"
export const POM_APPOINTMENTS_FILE = "appointments.csv"
export const POM_SERVICES_FILE = "services.csv"

const fromCsvError = (error: CsvFileError): PomExportError =>
  new PomExportError({ file: error.file, line: error.line, column: null, headersFound: [], detail: error.detail })

/** The entry in the folder with that name, ignoring case (spreadsheets save "Customers.csv" as readily). */
const locate = (entries: ReadonlyArray<string>, name: string): string | undefined =>
  entries.find((e) => e === name) ?? entries.find((e) => e.toLowerCase() === name)

const noRows = (): ParsedRows & { readonly rowsRead: number } => ({ rejected: [], unreadable: [], rowsRead: 0 })

/**
 * Reads a POM export folder: customers.csv (required), appointments.csv and services.csv (optional: absent or
 * empty means none). Bad rows are rejected with file, line and reason; only an unreadable or incomplete file
 * (a required column missing) fails the read. Every file is read a row at a time, and what is kept goes to `sink`
 * as it is read: customers, then appointments, then services. A company's history is many times its customers,
 * and at a million customers customers.csv alone, held whole, took gigabytes.
 */
export const streamPomExportTo = (dir: string, sink: PomExportSink): Effect.Effect<PomExportRead, PomExportError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const entries = yield* Effect.mapError(
      fs.readDirectory(dir),
      (error) =>
        new PomExportError({
          file: dir,
          line: null,
          column: null,
          headersFound: [],
          detail: `the POM export folder cannot be read (${error.message}): check the --pom-csv path`
        })
    )

    const customersName = locate(entries, POM_CUSTOMERS_FILE)
    if (customersName === undefined) {
      return yield* new PomExportError({
        file: path.join(dir, POM_CUSTOMERS_FILE),
        line: null,
        column: null,
        headersFound: [],
        detail: `${POM_CUSTOMERS_FILE} is missing: export the customer list from POM to CSV and save it in this folder under that name (files found: ${entries.length === 0 ? "none" : entries.join(", ")})`
      })
    }
    const opened: { customers?: CustomerRowReader } = {}
    const customersRead = yield* streamCsvTable(path.join(dir, customersName), (header) =>
      Either.map(parsePomCustomers(header, customersName, sink.customer), (reader) => {
        opened.customers = reader
        return reader.row
      })
    ).pipe(Effect.mapError((error) => (error._tag === "CsvFileError" ? fromCsvError(error) : error)))
    // streamCsvTable hands the header to the parser before any row: a read that got here has opened it.
    const customers = opened.customers?.parsed ?? { rejected: [], unreadable: [], ids: new Map() }
    const index = { fileName: customersName, ids: customers.ids }

    const readOptional = (
      name: string,
      parse: (header: CsvStreamHeader, fileName: string) => Either.Either<HistoryRowReader, PomExportError>
    ) =>
      Effect.gen(function* () {
        const found = locate(entries, name)
        if (found === undefined) return noRows()
        const opened: { reader?: HistoryRowReader } = {}
        // Rows are read one at a time from the file and handed on: a history file is never held whole.
        const rowsRead = yield* streamCsvTable(path.join(dir, found), (header) =>
          Either.map(parse(header, found), (reader) => {
            opened.reader = reader
            return reader.row
          })
        ).pipe(
          Effect.map(Option.some),
          Effect.catchIf(
            (error) => error._tag === "CsvFileError" && error.problem === "empty",
            () => Effect.succeedNone
          ),
          Effect.mapError((error) => (error._tag === "CsvFileError" ? fromCsvError(error) : error))
        )
        if (Option.isNone(rowsRead) || opened.reader === undefined) return noRows()
        return { ...opened.reader.parsed, rowsRead: rowsRead.value }
      })

    const appointments = yield* readOptional(POM_APPOINTMENTS_FILE, (header, name) =>
      parsePomAppointments(header, name, index, sink.appointment)
    )
    const services = yield* readOptional(POM_SERVICES_FILE, (header, name) => parsePomServices(header, name, index, sink.service))

    return {
      rejected: [...customers.rejected, ...appointments.rejected, ...services.rejected],
      unreadable: [...customers.unreadable, ...appointments.unreadable, ...services.unreadable],
      rowsRead: {
        customers: customersRead,
        appointments: appointments.rowsRead,
        services: services.rowsRead
      }
    }
  }).pipe(Effect.withSpan("readPomExport", { attributes: { dir } }))

/** `streamPomExportTo` keeping the customers, with the history handed to `sink` as it is read. */
export const streamPomExport = (dir: string, sink: HistorySink): Effect.Effect<PomExportCustomers, PomExportError, FileSystem.FileSystem> =>
  Effect.suspend(() => {
    const customers: Array<PomCustomer> = []
    return Effect.map(
      streamPomExportTo(dir, { customer: (c) => void customers.push(c), appointment: sink.appointment, service: sink.service }),
      (read) => ({ customers, ...read })
    )
  })

/** Reads a POM export folder whole, history included: for small exports and tests. */
export const readPomExport = (dir: string): Effect.Effect<PomExport, PomExportError, FileSystem.FileSystem> =>
  Effect.suspend(() => {
    const collected = collectingSink()
    return Effect.map(streamPomExport(dir, collected.sink), (read) => ({
      ...read,
      appointments: collected.appointments,
      services: collected.services
    }))
  })
