import { Either } from "effect"
import type { CsvRow } from "../../csv/readCsvTable.ts"
import type { CsvStreamHeader } from "../../csv/streamCsvTable.ts"
import type { ColumnAliases } from "../../csv/resolveColumns.ts"
import { PomAppointmentId, PomCustomerId, PomServiceId } from "../../../pipeline/domain/Ids.ts"
import { firstLines } from "../../FirstLines.ts"
import type { PomAppointment, PomService } from "../../../pipeline/domain/PomRecords.ts"
import type { RejectedRow } from "../../../pipeline/domain/RejectedRow.ts"
import type { UnreadableRecord } from "../../../pipeline/domain/UnreadableRecord.ts"
import type { CustomerIdOutcome } from "./parsePomCustomers.ts"
import { pomAppointmentColumns, pomServiceColumns } from "./PomColumns.ts"
import type { PomExportError } from "./PomExportError.ts"
import { pomRowReader } from "./pomRowReader.ts"
import { resolvePomColumns } from "./resolvePomColumns.ts"
import { cellLengthProblems, dropsRow, rejectRow, shapeCheckOf } from "./RowProblem.ts"

/*
 * Appointments and services are the POM history a merge moves. One that points at a customer the run does not
 * have would be planned against nothing, so it is rejected rather than kept.
 */

/** What a history file's rows left behind: the rows themselves went to the reader's `emit` as they were read. */
export interface ParsedRows {
  readonly rejected: ReadonlyArray<RejectedRow>
  /** Dropped rows whose id and customer could still be read: history a plan must not behave as if absent. */
  readonly unreadable: ReadonlyArray<UnreadableRecord>
}

/**
 * Reads a history file's rows as the file hands them over, one at a time: `row` takes each data row in order,
 * and `parsed` holds what the rows left behind so far.
 */
export interface HistoryRowReader {
  readonly row: (row: CsvRow) => void
  readonly parsed: ParsedRows
}

/** What the history readers know about customers.csv. */
export interface CustomerIndex {
  readonly fileName: string
  readonly ids: ReadonlyMap<string, CustomerIdOutcome>
}

/** The fields every history row has: its own id and its customer's. */
type HistoryKey<K extends string> = K | "id" | "customerId"

type RowReader<K extends string> = ReturnType<ReturnType<typeof pomRowReader<HistoryKey<K>>>>

/**
 * The shared loop: resolves columns, checks the row's shape, its id (present, once) and its customer (read and
 * accepted), then lets `build` read the rest. A row with a problem that drops it is rejected with all of them; a
 * row with only bad optional fields is kept without them and reported.
 */
const parseHistory = <K extends string, A>(
  table: CsvStreamHeader,
  fileName: string,
  kind: "appointment" | "service",
  aliases: ColumnAliases<HistoryKey<K>>,
  customers: CustomerIndex,
  build: (id: string, customerId: PomCustomerId, read: RowReader<K>) => A,
  emit: (item: A) => void
): Either.Either<HistoryRowReader, PomExportError> =>
  Either.map(resolvePomColumns(table, aliases), (columns) => {
    const rejected: Array<RejectedRow> = []
    const unreadable: Array<UnreadableRecord> = []
    const firstLine = firstLines()
    const checkShape = shapeCheckOf(table, table.trailingDelimiters)
    const readRow = pomRowReader(columns)
    const onRow = (row: CsvRow): void => {
      const read = readRow(row)
      const shape = checkShape(row)
      if (shape !== null) read.problems.push(shape)
      read.problems.push(...cellLengthProblems(table, row))
      const id = read.uniqueId("id", (candidate) => firstLine.get(candidate))
      if (id !== null) firstLine.set(id, row.line)

      const customerId = read.requiredId("customerId")
      const outcome = customerId === null ? undefined : customers.ids.get(customerId)
      if (customerId !== null && outcome === undefined) {
        read.problem("customerId", `${customerId} is not in ${customers.fileName}`)
      } else if (outcome !== undefined && !outcome.accepted) {
        read.problems.push({
          severity: "row",
          field: columns.headerOf("customerId"),
          reason: `customer ${customerId} was rejected (${customers.fileName} line ${outcome.line}), so its history is set aside until that row is fixed`
        })
      }

      const item = id === null || customerId === null ? null : build(id, PomCustomerId.make(customerId), read)
      if (read.problems.length > 0) rejected.push(rejectRow(fileName, table, row, read.problems))
      const owner = customerId ?? read.readableId("customerId")
      if (item !== null && !dropsRow(read.problems)) emit(item)
      else if (id !== null && owner !== null) {
        unreadable.push({
          system: "pom",
          kind,
          id,
          customerId: owner,
          quickbooksId: null,
          file: fileName,
          line: row.line,
          reason: read.problems.map((p) => p.reason).join("; ")
        })
      }
    }
    return { row: onRow, parsed: { rejected, unreadable } }
  })

/** Reads appointments.csv's rows against the customers already read, handing each appointment kept to `emit`. */
export const parsePomAppointments = (
  table: CsvStreamHeader,
  fileName: string,
  customers: CustomerIndex,
  emit: (appointment: PomAppointment) => void
): Either.Either<HistoryRowReader, PomExportError> =>
  parseHistory(
    table,
    fileName,
    "appointment",
    pomAppointmentColumns,
    customers,
    (id, customerId, read) => ({
      id: PomAppointmentId.make(id),
      customerId,
      scheduledAt: read.date("scheduledAt"),
      status: read.cell("status")
    }),
    emit
  )

/** Reads services.csv's rows against the customers already read, handing each service kept to `emit`. */
export const parsePomServices = (
  table: CsvStreamHeader,
  fileName: string,
  customers: CustomerIndex,
  emit: (service: PomService) => void
): Either.Either<HistoryRowReader, PomExportError> =>
  parseHistory(table, fileName, "service", pomServiceColumns, customers, (id, customerId, read) => {
    // Which visit a service came from is shown, never acted on: a bad one is left empty.
    const appointmentId = read.optionalId("appointmentId", "field")
    return {
      id: PomServiceId.make(id),
      customerId,
      appointmentId: appointmentId === null ? null : PomAppointmentId.make(appointmentId),
      completedAt: read.date("completedAt")
    }
  }, emit)
