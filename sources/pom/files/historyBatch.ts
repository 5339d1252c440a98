import type { GroupedHistory } from "../../../sinks/store/historyGroups.ts"
import type { HistoryKind } from "../../../sinks/store/historyRowCodec.ts"

/*
 * POM history as it crosses from the thread that reads the export to the one that stores it: already encoded and
 * grouped for the store (see historyGroups.ts), so that the storing thread only inserts. A message holding an array
 * of strings costs the receiving thread a structured clone per string: with a customer per entry, more than
 * storing them. A batch is one string holding every customer id and body back to back and one list of their
 * lengths, whose buffer is handed over, not copied; the receiver cuts the string up again.
 */

/** One `GroupedHistory` on the wire. `lengths` has 2 entries per customer: its id's and its body's. */
export interface HistoryBatch {
  readonly kind: HistoryKind
  readonly firstSeq: number
  readonly rows: number
  readonly text: string
  readonly lengths: Int32Array<ArrayBuffer>
}

export const toHistoryBatch = (grouped: GroupedHistory): HistoryBatch => {
  const { customerIds, bodies } = grouped
  const lengths = new Int32Array(2 * customerIds.length)
  const parts: Array<string> = []
  for (let i = 0; i < customerIds.length; i++) {
    const id = customerIds[i] ?? ""
    const body = bodies[i] ?? ""
    lengths[2 * i] = id.length
    lengths[2 * i + 1] = body.length
    parts.push(id, body)
  }
  return { kind: grouped.kind, firstSeq: grouped.firstSeq, rows: grouped.rows, text: parts.join(""), lengths }
}

export const fromHistoryBatch = (batch: HistoryBatch): GroupedHistory => {
  const { text, lengths } = batch
  const customers = lengths.length / 2
  const customerIds = new Array<string>(customers)
  const bodies = new Array<string>(customers)
  let offset = 0
  for (let i = 0; i < customers; i++) {
    const idEnd = offset + (lengths[2 * i] ?? 0)
    const bodyEnd = idEnd + (lengths[2 * i + 1] ?? 0)
    customerIds[i] = text.slice(offset, idEnd)
    bodies[i] = text.slice(idEnd, bodyEnd)
    offset = bodyEnd
  }
  return { kind: batch.kind, firstSeq: batch.firstSeq, rows: batch.rows, customerIds, bodies }
}
