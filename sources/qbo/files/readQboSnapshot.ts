import { FileSystem } from "@effect/platform"
import { isPlatformError } from "@effect/platform/Error"
import { Effect, Stream } from "effect"
import * as path from "node:path"
import type { QboCustomer, QboInvoice } from "../../../pipeline/domain/QboRecords.ts"
import type { RejectedRow } from "../../../pipeline/domain/RejectedRow.ts"
import type { UnreadableRecord } from "../../../pipeline/domain/UnreadableRecord.ts"
import { collectingSink, type HistorySink } from "../../../pipeline/domain/History.ts"
import { JsonStreamFailure } from "../../json/JsonStreamFailure.ts"
import type { EntityListDecoder } from "../entities/decodeEntityList.ts"
import { qboCustomerDecoder, qboInvoiceDecoder } from "../QboEntities.ts"
import type { QboEntityName } from "./extractEntities.ts"
import { MAX_JSON_DEPTH } from "./jsonNesting.ts"
import { QboSnapshotError } from "./QboSnapshotError.ts"
import { SnapshotShapeFailure, streamEntities } from "./streamEntities.ts"

/**
 * What reading a QBO snapshot folder keeps: the customers, with the entities that were set aside and why. The
 * invoices went to the reader's sink as they were decoded.
 */
export interface QboSnapshotCustomers {
  readonly customers: ReadonlyArray<QboCustomer>
  readonly rejected: ReadonlyArray<RejectedRow>
  /** Entities dropped whose Id could still be read (see `UnreadableRecord`). */
  readonly unreadable: ReadonlyArray<UnreadableRecord>
  /** Entities found in each file, decoded or rejected. */
  readonly rowsRead: { readonly customers: number; readonly invoices: number }
}

/** Everything read from a QBO snapshot folder, invoices included. */
export interface QboSnapshot extends QboSnapshotCustomers {
  readonly invoices: ReadonlyArray<QboInvoice>
}

export const QBO_CUSTOMERS_FILE = "customers.json"
export const QBO_INVOICES_FILE = "invoices.json"

/** Large reads, few awaits: a chunk of this size is scanned in a few milliseconds. */
const CHUNK_SIZE = FileSystem.MiB(1)

type Fail = (detail: string, line?: number | null, column?: number | null) => QboSnapshotError

/** Why a streamed read stopped, in the snapshot's words; anything unforeseen stays a defect (a bug). */
const snapshotError = (error: unknown, entity: QboEntityName, fail: Fail): Effect.Effect<never, QboSnapshotError> => {
  if (error instanceof JsonStreamFailure) {
    return Effect.fail(
      error.reason === "too-deep"
        ? fail(
            `the JSON nests more than ${MAX_JSON_DEPTH} levels deep here, which no QBO response does: this is not the saved result of the ${entity} query; save it again, unchanged`,
            error.line,
            error.column
          )
        : fail(`the file is not valid JSON (${error.detail}): save the query result again, unchanged`, error.line, error.column)
    )
  }
  if (error instanceof SnapshotShapeFailure) return Effect.fail(fail(error.detail))
  if (isPlatformError(error)) return Effect.fail(fail(`the file cannot be read (${error.message})`))
  return Effect.die(error)
}

/**
 * Hands each raw entity of a snapshot file's bytes to `onEntity` as they stream in (see `streamEntities`); the
 * bytes may come from a file or from anywhere else. `file` names the source in errors.
 */
export const readEntitiesFrom = (
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  entity: QboEntityName,
  onEntity: (raw: unknown) => void,
  options: { readonly wholeValueBytes?: number } = {}
): Effect.Effect<void, QboSnapshotError> => {
  const fail: Fail = (detail, line = null, column = null) => new QboSnapshotError({ file, line, column, detail })
  return Effect.flatten(
    Effect.promise((signal) =>
      streamEntities(chunks, entity, onEntity, { ...options, signal }).then(
        () => Effect.void,
        (error: unknown) => snapshotError(error, entity, fail)
      )
    )
  )
}

/**
 * Streams one snapshot file's raw entities to `onEntity`, one at a time, never holding the file. Both files are
 * required: without invoices.json every customer would look as if it had no invoices, and the plan would relink
 * without moving them.
 */
export const readSnapshotFile = (
  dir: string,
  name: string,
  entity: QboEntityName,
  onEntity: (raw: unknown) => void,
  options: { readonly wholeValueBytes?: number } = {}
): Effect.Effect<void, QboSnapshotError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const file = path.join(dir, name)
    yield* fs.stat(file).pipe(
      Effect.mapError((error) =>
        new QboSnapshotError({
          file,
          line: null,
          column: null,
          detail:
            error._tag === "SystemError" && error.reason === "NotFound"
              ? `${name} is missing: save the result of "select * from ${entity}" (every page) in this folder under that name; a company with none saves []`
              : `the file cannot be read (${error.message})`
        })
      )
    )
    yield* readEntitiesFrom(Stream.toAsyncIterable(fs.stream(file, { chunkSize: CHUNK_SIZE })), file, entity, onEntity, options)
  })

/** One file read and decoded entity by entity, each record handed to `onItem`; each raw entity is garbage once decoded. */
const readDecoded = <A>(
  dir: string,
  name: string,
  entity: QboEntityName,
  decoder: (file: string, onItem: (item: A) => void) => EntityListDecoder,
  onItem: (item: A) => void,
  options: { readonly wholeValueBytes?: number }
) =>
  Effect.suspend(() => {
    const decode = decoder(name, onItem)
    return Effect.map(readSnapshotFile(dir, name, entity, decode.add, options), () => decode.finish())
  })

/**
 * Reads a QBO snapshot folder: customers.json and invoices.json as saved from the API. Entities that do not
 * decode, and repeated Ids, are rejected with their position; a missing, unreadable or invalid file fails the read.
 * Invoices go to `sink` as they are decoded, and are not kept here: a company's invoices are many times its customers.
 */
export const streamQboSnapshot = (
  dir: string,
  sink: Pick<HistorySink, "invoice">,
  options: { readonly wholeValueBytes?: number } = {}
): Effect.Effect<QboSnapshotCustomers, QboSnapshotError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const customers: Array<QboCustomer> = []
    const customersRead = yield* readDecoded(dir, QBO_CUSTOMERS_FILE, "Customer", qboCustomerDecoder, (c) => customers.push(c), options)
    const invoicesRead = yield* readDecoded(dir, QBO_INVOICES_FILE, "Invoice", qboInvoiceDecoder, sink.invoice, options)
    return {
      customers,
      rejected: [...customersRead.rejected, ...invoicesRead.rejected],
      unreadable: [...customersRead.unreadable, ...invoicesRead.unreadable],
      rowsRead: { customers: customersRead.rowsRead, invoices: invoicesRead.rowsRead }
    }
  }).pipe(Effect.withSpan("readQboSnapshot", { attributes: { dir } }))

/** Reads a QBO snapshot folder whole, invoices included: for small snapshots and tests. */
export const readQboSnapshot = (
  dir: string,
  options: { readonly wholeValueBytes?: number } = {}
): Effect.Effect<QboSnapshot, QboSnapshotError, FileSystem.FileSystem> =>
  Effect.suspend(() => {
    const collected = collectingSink()
    return Effect.map(streamQboSnapshot(dir, collected.sink, options), (read) => ({ ...read, invoices: collected.invoices }))
  })
