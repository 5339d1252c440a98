import { PomAppointmentId, PomCustomerId, PomServiceId } from "../../../pipeline/domain/Ids.ts"
import type { HistorySink } from "../../../pipeline/domain/History.ts"
import type { PomAppointment, PomService } from "../../../pipeline/domain/PomRecords.ts"

/*
 * POM history rows as they cross from the thread that reads the export to the one that stores them. A message per
 * row, or an array of row objects, costs the receiving thread a structured clone per object: more than storing the
 * row. A batch is one string holding every field back to back and one list of the fields' lengths, whose buffer is
 * handed over, not copied; the receiver cuts the string into the rows again.
 */

/** The rows of one kind, in the order read. `lengths` has 4 entries per row; -1 is a null field. */
export interface HistoryBatch {
  readonly kind: "appointment" | "service"
  readonly rows: number
  readonly text: string
  readonly lengths: Int32Array<ArrayBuffer>
}

const FIELDS = 4

/** Rows per batch: a few hundred kilobytes of text, few enough messages for their cost not to count. */
export const HISTORY_BATCH_ROWS = 4096

/**
 * Collects rows into batches for `send`, in the order given: a batch holds one kind, so a row of the other kind
 * sends the batch first. `flush` sends what is left.
 */
export const historyBatcher = (send: (batch: HistoryBatch) => void) => {
  let kind: HistoryBatch["kind"] = "appointment"
  let parts: Array<string> = []
  let lengths = new Int32Array(HISTORY_BATCH_ROWS * FIELDS)
  let rows = 0
  const flush = (): void => {
    if (rows === 0) return
    send({ kind, rows, text: parts.join(""), lengths })
    parts = []
    lengths = new Int32Array(HISTORY_BATCH_ROWS * FIELDS)
    rows = 0
  }
  const field = (at: number, value: string | null): void => {
    if (value === null) lengths[at] = -1
    else {
      lengths[at] = value.length
      parts.push(value)
    }
  }
  const add = (rowKind: HistoryBatch["kind"], a: string, b: string, c: string | null, d: string | null): void => {
    if (rowKind !== kind) {
      flush()
      kind = rowKind
    }
    const at = rows * FIELDS
    field(at, a)
    field(at + 1, b)
    field(at + 2, c)
    field(at + 3, d)
    if (++rows === HISTORY_BATCH_ROWS) flush()
  }
  const sink: Pick<HistorySink, "appointment" | "service"> = {
    appointment: (row) => add("appointment", row.id, row.customerId, row.scheduledAt, row.status),
    service: (row) => add("service", row.id, row.customerId, row.appointmentId, row.completedAt)
  }
  return { sink, flush }
}

// The reader checked every id when it built the rows: checking them again here would only spend this thread's time.
const checked = { disableValidation: true }

/** Hands a batch's rows to `sink`, in order, as the records the reader built (their ids branded as before). */
export const replayHistoryBatch = (batch: HistoryBatch, sink: HistorySink): void => {
  const { text, lengths } = batch
  let offset = 0
  const field = (at: number): string | null => {
    const length = lengths[at] ?? -1
    if (length < 0) return null
    const value = text.slice(offset, offset + length)
    offset += length
    return value
  }
  for (let row = 0; row < batch.rows; row++) {
    const at = row * FIELDS
    const id = field(at) ?? ""
    const customerId = PomCustomerId.make(field(at + 1) ?? "", checked)
    const c = field(at + 2)
    const d = field(at + 3)
    if (batch.kind === "appointment") {
      const appointment: PomAppointment = { id: PomAppointmentId.make(id, checked), customerId, scheduledAt: c, status: d ?? "" }
      sink.appointment(appointment)
    } else {
      const service: PomService = { id: PomServiceId.make(id, checked), customerId, appointmentId: c === null ? null : PomAppointmentId.make(c, checked), completedAt: d }
      sink.service(service)
    }
  }
}
