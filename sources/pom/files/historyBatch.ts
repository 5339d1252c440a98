import type { EncodedHistory } from "../../../sinks/store/historyGroups.ts"
import type { HistoryKind } from "../../../sinks/store/historyRowCodec.ts"

/*
 * POM history rows as they cross from the thread that reads the export to the one that stores them: already encoded
 * for the store (see historyGroups.ts), so that the storing thread only groups and inserts them. A message per row,
 * or an array of strings, costs the receiving thread a structured clone per string: more than storing the row. A
 * batch is one string holding every customer id and row back to back and one list of their lengths, whose buffer
 * is handed over, not copied; the receiver cuts the string up again.
 */

/** One `EncodedHistory` on the wire. `lengths` has 2 entries per row: its customer id's and its encoded row's. */
export interface HistoryBatch {
  readonly kind: HistoryKind
  readonly firstSeq: number
  readonly text: string
  readonly lengths: Int32Array<ArrayBuffer>
}

/** Rows per batch: a few hundred kilobytes of text, few enough messages for their cost not to count. */
export const HISTORY_BATCH_ROWS = 4096

export const toHistoryBatch = (encoded: EncodedHistory): HistoryBatch => {
  const { customerIds, rows } = encoded
  const lengths = new Int32Array(2 * rows.length)
  const parts: Array<string> = []
  for (let i = 0; i < rows.length; i++) {
    const id = customerIds[i] ?? ""
    const row = rows[i] ?? ""
    lengths[2 * i] = id.length
    lengths[2 * i + 1] = row.length
    parts.push(id, row)
  }
  return { kind: encoded.kind, firstSeq: encoded.firstSeq, text: parts.join(""), lengths }
}

export const fromHistoryBatch = (batch: HistoryBatch): EncodedHistory => {
  const { text, lengths } = batch
  const count = lengths.length / 2
  const customerIds = new Array<string>(count)
  const rows = new Array<string>(count)
  let offset = 0
  for (let i = 0; i < count; i++) {
    const idEnd = offset + (lengths[2 * i] ?? 0)
    const rowEnd = idEnd + (lengths[2 * i + 1] ?? 0)
    customerIds[i] = text.slice(offset, idEnd)
    rows[i] = text.slice(idEnd, rowEnd)
    offset = rowEnd
  }
  return { kind: batch.kind, firstSeq: batch.firstSeq, customerIds, rows }
}
