import { Schema } from "effect"
import { PomCustomer } from "../../../pipeline/domain/PomRecords.ts"
import { RejectedRow } from "../../../pipeline/domain/RejectedRow.ts"
import { UnreadableRecord } from "../../../pipeline/domain/UnreadableRecord.ts"
import type { HistoryBatch } from "./historyBatch.ts"
import { PomExportError } from "./PomExportError.ts"

/*
 * What the thread reading a POM export tells the thread that started it: batches of customers and of history rows
 * as it reads them, then one message that ends the read, with the rows set aside or the error. Messages cross threads as structured clones,
 * which keep plain data only: the end is checked against the domain schemas on arrival, so what the reader returns
 * is what the same read on this thread returns, and an error is decoded into the same tagged error with the same
 * message.
 */

/**
 * Customers as they are read, a batch at a time: sent whole at the end, a million of them were one structured
 * clone of hundreds of megabytes, held on both threads at once. The records are plain structs whose brands exist
 * in their types only, so the clone is already what the reader built: it is checked where it lies (`Schema.is`),
 * not decoded into a second copy of every customer.
 */
export const PomExportWorkerCustomers = Schema.TaggedStruct("customers", { customers: Schema.Array(PomCustomer) })
export type PomExportWorkerCustomers = typeof PomExportWorkerCustomers.Type
export const isCustomerBatch = Schema.is(PomExportWorkerCustomers)

/** A read that ended well: what the reader set aside, checked in place like the customers. */
export const PomExportWorkerRead = Schema.TaggedStruct("read", {
  rejected: Schema.Array(RejectedRow),
  unreadable: Schema.Array(UnreadableRecord),
  rowsRead: Schema.Struct({ customers: Schema.Number, appointments: Schema.Number, services: Schema.Number })
})
export type PomExportWorkerRead = typeof PomExportWorkerRead.Type
export const isWorkerRead = Schema.is(PomExportWorkerRead)

/** What a read on the worker ends with: the reader's own result or error, or a failure of the worker itself. */
export const PomExportWorkerEnd = Schema.Union(
  PomExportWorkerRead,
  Schema.TaggedStruct("refused", { error: PomExportError }),
  /** A defect: something the reader does not expect, with its cause as Effect prints it. */
  Schema.TaggedStruct("crashed", { cause: Schema.String })
)
export type PomExportWorkerEnd = typeof PomExportWorkerEnd.Type

/** The encoded end, as posted by the worker. */
export const encodeWorkerEnd = Schema.encodeSync(PomExportWorkerEnd)
export const decodeWorkerEnd = Schema.decodeUnknownEither(PomExportWorkerEnd)

export const isHistoryBatch = (m: unknown): m is HistoryBatch =>
  typeof m === "object" &&
  m !== null &&
  "kind" in m &&
  (m.kind === "appointment" || m.kind === "service" || m.kind === "invoice") &&
  "firstSeq" in m &&
  typeof m.firstSeq === "number" &&
  "text" in m &&
  typeof m.text === "string" &&
  "lengths" in m &&
  m.lengths instanceof Int32Array &&
  m.lengths.length % 2 === 0
