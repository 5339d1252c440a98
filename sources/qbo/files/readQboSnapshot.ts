import { FileSystem } from "@effect/platform"
import { Effect, Either } from "effect"
import * as path from "node:path"
import type { QboCustomer, QboInvoice } from "../../../pipeline/domain/QboRecords.ts"
import type { RejectedRow } from "../../../pipeline/domain/RejectedRow.ts"
import type { UnreadableRecord } from "../../../pipeline/domain/UnreadableRecord.ts"
import { collectingSink, type HistorySink } from "../../../pipeline/domain/History.ts"
import type { DecodedList } from "../entities/decodeEntityList.ts"
import { decodeQboCustomers, decodeQboInvoices } from "../QboEntities.ts"
import { extractEntities } from "./extractEntities.ts"
import type { QboEntityName } from "./extractEntities.ts"
import { MAX_JSON_DEPTH, tooDeepAt } from "./jsonNesting.ts"
import { lineAndColumn, parseJson } from "./parseJson.ts"
import { QboSnapshotError } from "./QboSnapshotError.ts"

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

const utf8 = new TextDecoder("utf-8")

/**
 * Reads one snapshot file and returns the raw entities in it. Both files are required: without invoices.json
 * every customer would look as if it had no invoices, and the plan would relink without moving them.
 */
const readEntities = (
  dir: string,
  name: string,
  entity: QboEntityName
): Effect.Effect<ReadonlyArray<unknown>, QboSnapshotError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const file = path.join(dir, name)
    const fail = (detail: string, line: number | null = null, column: number | null = null) =>
      new QboSnapshotError({ file, line, column, detail })
    // Step by step, so that the bytes are garbage once decoded and the text once parsed: for a large company
    // the file, its text and its parsed JSON do not all fit in memory at once.
    const text = yield* fs.readFile(file).pipe(
      Effect.mapError((error) =>
        error._tag === "SystemError" && error.reason === "NotFound"
          ? fail(`${name} is missing: save the result of "select * from ${entity}" (every page) in this folder under that name; a company with none saves []`)
          : fail(`the file cannot be read (${error.message})`)
      ),
      // The decoder drops a UTF-8 BOM, which some editors write and JSON.parse refuses.
      Effect.map((bytes) => utf8.decode(bytes))
    )
    return yield* parseEntities(text, entity, fail)
  })

/** The entities in a snapshot file's text; the text is not kept. */
const parseEntities = (
  text: string,
  entity: QboEntityName,
  fail: (detail: string, line?: number | null, column?: number | null) => QboSnapshotError
): Either.Either<ReadonlyArray<unknown>, QboSnapshotError> => {
  if (text.trim() === "") {
    return Either.left(fail(`the file is empty: it should hold the JSON QBO returned for the ${entity} query ([] for none)`))
  }
  const deep = tooDeepAt(text)
  if (deep !== null) {
    const at = lineAndColumn(text, deep)
    return Either.left(
      fail(
        `the JSON nests more than ${MAX_JSON_DEPTH} levels deep here, which no QBO response does: this is not the saved result of the ${entity} query; save it again, unchanged`,
        at.line,
        at.column
      )
    )
  }
  return Either.flatMap(
    Either.mapLeft(parseJson(text), (e) => fail(`the file is not valid JSON (${e.detail}): save the query result again, unchanged`, e.line, e.column)),
    (json) => Either.mapLeft(extractEntities(json, entity), (detail) => fail(detail))
  )
}

/** One file read and decoded; its raw entities are garbage once decoded. */
const readDecoded = <A>(
  dir: string,
  name: string,
  entity: QboEntityName,
  decode: (raws: ReadonlyArray<unknown>, file: string) => DecodedList<A>
) => Effect.map(readEntities(dir, name, entity), (raws) => ({ ...decode(raws, name), rowsRead: raws.length }))

/**
 * Reads a QBO snapshot folder: customers.json and invoices.json as saved from the API. Entities that do not
 * decode, and repeated Ids, are rejected with their position; a missing, unreadable or invalid file fails the read.
 * Invoices go to `sink`, and are not kept here: a company's invoices are many times its customers.
 */
export const streamQboSnapshot = (
  dir: string,
  sink: Pick<HistorySink, "invoice">
): Effect.Effect<QboSnapshotCustomers, QboSnapshotError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const customers = yield* readDecoded(dir, QBO_CUSTOMERS_FILE, "Customer", decodeQboCustomers)
    // The file is still parsed whole here; a reader that streams its entities hands each to the same sink.
    const invoices = yield* readDecoded(dir, QBO_INVOICES_FILE, "Invoice", decodeQboInvoices)
    for (const invoice of invoices.items) sink.invoice(invoice)
    return {
      customers: customers.items,
      rejected: [...customers.rejected, ...invoices.rejected],
      unreadable: [...customers.unreadable, ...invoices.unreadable],
      rowsRead: { customers: customers.rowsRead, invoices: invoices.rowsRead }
    }
  }).pipe(Effect.withSpan("readQboSnapshot", { attributes: { dir } }))

/** Reads a QBO snapshot folder whole, invoices included: for small snapshots and tests. */
export const readQboSnapshot = (dir: string): Effect.Effect<QboSnapshot, QboSnapshotError, FileSystem.FileSystem> =>
  Effect.suspend(() => {
    const collected = collectingSink()
    return Effect.map(streamQboSnapshot(dir, collected.sink), (read) => ({ ...read, invoices: collected.invoices }))
  })
