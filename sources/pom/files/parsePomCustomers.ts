import { Either } from "effect"
import type { CsvRow } from "../../csv/readCsvTable.ts"
import type { CsvStreamHeader } from "../../csv/streamCsvTable.ts"
import { PomCustomerId, QboCustomerId } from "../../../pipeline/domain/Ids.ts"
import { PomStatus } from "../../../pipeline/domain/PomRecords.ts"
import type { PomCustomer, PostalAddress } from "../../../pipeline/domain/PomRecords.ts"
import type { RejectedRow } from "../../../pipeline/domain/RejectedRow.ts"
import type { UnreadableRecord } from "../../../pipeline/domain/UnreadableRecord.ts"
import { pomCustomerColumns } from "./PomColumns.ts"
import type { PomExportError } from "./PomExportError.ts"
import { pomRowReader } from "./pomRowReader.ts"
import { textInterner } from "../../textInterner.ts"
import { resolvePomColumns } from "./resolvePomColumns.ts"
import { cellLengthProblems, dropsRow, rejectRow, shapeCheckOf } from "./RowProblem.ts"

/** How each customer id in the file fared, so appointments and services can say why their customer is absent. */
export interface CustomerIdOutcome {
  readonly line: number
  readonly accepted: boolean
}

/** What customers.csv's rows left behind: the customers themselves went to the reader's `emit` as they were read. */
export interface ParsedPomCustomers {
  readonly rejected: ReadonlyArray<RejectedRow>
  /** Dropped rows whose id could still be read: customers the run must not plan as if absent. */
  readonly unreadable: ReadonlyArray<UnreadableRecord>
  /** Every id the file holds, first occurrence only, accepted or not. */
  readonly ids: ReadonlyMap<string, CustomerIdOutcome>
}

/**
 * Reads customers.csv's rows as the file hands them over, one at a time: `row` takes each data row in order, and
 * `parsed` holds what the rows left behind so far.
 */
export interface CustomerRowReader {
  readonly row: (row: CsvRow) => void
  readonly parsed: ParsedPomCustomers
}

/** POM shows statuses in title case ("Active"); its API and this pipeline use upper case. */
const readStatus = (raw: string): PomStatus | null => PomStatus.literals.find((s) => s === raw.toUpperCase()) ?? null

const address = (street: string, city: string, state: string, zip: string): PostalAddress => ({ street, city, state, zip })

/**
 * Reads customers.csv, a row at a time, handing each customer kept to `emit`: at a million customers the file read
 * whole, with every row as an array of cells, took gigabytes. A row that cannot be a customer (no id, a bad status
 * or QBO link, a broken shape, a cell over the length limit) is dropped with its line and reasons, and remembered as
 * unreadable when its id can be made out; a bad optional field (a date) is reported and the customer kept without
 * it. Only a missing or doubled required column refuses the file.
 */
export const parsePomCustomers = (
  table: CsvStreamHeader,
  fileName: string,
  emit: (customer: PomCustomer) => void
): Either.Either<CustomerRowReader, PomExportError> =>
  Either.map(resolvePomColumns(table, pomCustomerColumns), (columns) => {
    const rejected: Array<RejectedRow> = []
    const unreadable: Array<UnreadableRecord> = []
    const ids = new Map<string, CustomerIdOutcome>()
    const checkShape = shapeCheckOf(table, table.trailingDelimiters)
    const readRow = pomRowReader(columns)
    const shared = textInterner()
    const onRow = (row: CsvRow): void => {
      const read = readRow(row)
      const shape = checkShape(row)
      if (shape !== null) read.problems.push(shape)
      read.problems.push(...cellLengthProblems(table, row))
      const id = read.uniqueId("id", (candidate) => ids.get(candidate)?.line)
      const status = readStatus(read.cell("status"))
      if (status === null) {
        const raw = read.cell("status")
        const allowed = PomStatus.literals.join(", ")
        read.problem("status", raw === "" ? `is empty: it must be one of ${allowed}` : `"${raw}" is not one of ${allowed}`)
      }
      const quickbooksId = read.optionalId("quickbooksId")
      const createdAt = read.date("createdAt")
      const updatedAt = read.date("updatedAt")

      const accepted = !dropsRow(read.problems) && id !== null && status !== null
      if (id !== null) ids.set(id, { line: row.line, accepted })
      if (read.problems.length > 0) rejected.push(rejectRow(fileName, table, row, read.problems))
      if (!accepted) {
        if (id !== null) {
          unreadable.push({
            system: "pom",
            kind: "customer",
            id,
            customerId: null,
            // In a row whose values shifted, the link cell holds some other value.
            quickbooksId: shape === null ? read.readableId("quickbooksId") : null,
            file: fileName,
            line: row.line,
            reason: read.problems.map((p) => p.reason).join("; ")
          })
        }
        return
      }
      const billing = address(
        read.cell("billingStreet"),
        read.cell("billingCity"),
        read.cell("billingState"),
        read.cell("billingZipCode")
      )
      emit({
        id: PomCustomerId.make(id),
        firstName: shared.text(read.cell("firstName")),
        lastName: shared.text(read.cell("lastName")),
        companyName: read.cell("companyName"),
        emails: read.nonBlank(["email", "email2", "email3", "email4"]),
        phones: read.nonBlank(["phone", "mobilePhone", "phone2", "phone3", "phone4"]),
        serviceAddress: shared.address(address(read.cell("street"), read.cell("city"), read.cell("state"), read.cell("zipCode"))),
        billingAddress: Object.values(billing).every((v) => v === "") ? null : shared.address(billing),
        status,
        quickbooksId: quickbooksId === null ? null : QboCustomerId.make(quickbooksId),
        createdAt,
        updatedAt
      })
    }
    return { row: onRow, parsed: { rejected, unreadable, ids } }
  })
