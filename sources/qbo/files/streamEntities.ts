import { Data, Either } from "effect"
import { JsonCursor, TOO_LARGE } from "../../json/JsonCursor.ts"
import {
  entitiesOfValue,
  extractEntities,
  faultResponse,
  notABatchList,
  notAList,
  notAPage,
  objectWithKeys,
  otherEntities,
  PAGE_FIELDS,
  unexpectedTop
} from "./extractEntities.ts"
import type { QboEntityName } from "./extractEntities.ts"
import { MAX_JSON_DEPTH } from "./jsonNesting.ts"

const OPEN_OBJECT = 0x7b
const OPEN_LIST = 0x5b

/** JSON that reads but is not what a QBO query returns; said without a position, as `extractEntities` says it. */
export class SnapshotShapeFailure extends Data.TaggedError("SnapshotShapeFailure")<{ readonly detail: string }> {}

/**
 * Values up to this size are parsed whole and read by `extractEntities`, exactly as a small file always was; a
 * larger one (a query response page of a whole company) is walked member by member. An entity must fit: QBO's
 * largest invoices are a few hundred kilobytes.
 */
export const WHOLE_VALUE_BYTES = 8 * 1024 * 1024

export interface StreamEntitiesOptions {
  readonly wholeValueBytes?: number
  readonly signal?: AbortSignal
}

const shape = (detail: string): never => {
  throw new SnapshotShapeFailure({ detail })
}

/**
 * Reads the QBO entities of a snapshot file as it streams in, handing each to `onEntity` in file order, one at a
 * time: memory holds one entity (or one value of at most `wholeValueBytes`), whatever the file's size. The shapes
 * and the words for a wrong one are `extractEntities`'s. Throws `JsonStreamFailure` for text that is not JSON or
 * nests too deep, `SnapshotShapeFailure` for JSON that is not a saved query result (an empty file included).
 */
export const streamEntities = async (
  chunks: AsyncIterable<Uint8Array>,
  entity: QboEntityName,
  onEntity: (raw: unknown) => void,
  options: StreamEntitiesOptions = {}
): Promise<void> => {
  const limit = options.wholeValueBytes ?? WHOLE_VALUE_BYTES
  const size = `${Math.round(limit / 1024 / 1024) || "<1"} MB`
  const cursor = new JsonCursor(chunks, MAX_JSON_DEPTH, options.signal)

  const emitAll = (found: Either.Either<ReadonlyArray<unknown>, string>): void =>
    Either.match(found, { onLeft: shape, onRight: (raws) => raws.forEach((raw) => onEntity(raw)) })

  const tooLargeEntity = (): never =>
    shape(`an entity of more than ${size}, which no QBO ${entity} is: this is not the saved result of the ${entity} query`)

  const oneEntity = async (): Promise<void> => {
    const raw = await cursor.value(limit)
    if (raw === TOO_LARGE) tooLargeEntity()
    onEntity(raw)
  }

  const page = async (where: string): Promise<void> => {
    if ((await cursor.peek()) !== OPEN_OBJECT) {
      await cursor.skip(limit)
      shape(notAPage(where))
    }
    await cursor.openObject()
    const others: Array<string> = []
    let listMissing = false
    for (let key = await cursor.nextKey(); key !== null; key = await cursor.nextKey()) {
      if (key === entity && (await cursor.peek()) === OPEN_LIST) {
        await cursor.openList()
        await cursor.eachItem(limit, (raw) => onEntity(raw), async () => tooLargeEntity())
        continue
      }
      if (key === entity) listMissing = true
      else if (!PAGE_FIELDS.has(key)) others.push(key)
      await cursor.skip(limit)
    }
    if (others.length > 0) shape(otherEntities(where, others, entity))
    if (listMissing) shape(notAList(where, entity))
  }

  const batch = async (where: string): Promise<void> => {
    if ((await cursor.peek()) !== OPEN_LIST) {
      await cursor.skip(limit)
      shape(notABatchList(where))
    }
    await items(`${where}, batch item `)
  }

  /** An object too large to parse whole: only a page or a batch response is that large. */
  const largeObject = async (where: string, isFile: boolean): Promise<void> => {
    await cursor.openObject()
    const keys: Array<string> = []
    let holdsEntities = false
    for (let key = await cursor.nextKey(); key !== null; key = await cursor.nextKey()) {
      keys.push(key)
      if (key === "Fault") {
        const fault = await cursor.value(limit)
        shape(faultResponse(where, fault === TOO_LARGE ? null : fault, entity))
      } else if (key === "QueryResponse") {
        holdsEntities = true
        await page(where)
      } else if (key === "BatchItemResponse") {
        holdsEntities = true
        await batch(where)
      } else if (key === entity && (await cursor.peek()) === OPEN_OBJECT) {
        holdsEntities = true
        await oneEntity()
      } else await cursor.skip(limit)
    }
    if (!holdsEntities) {
      shape(
        isFile
          ? unexpectedTop(entity, objectWithKeys(keys))
          : `${where} is an object of more than ${size} with no QueryResponse or BatchItemResponse, which no QBO ${entity} is: this is not the saved result of the ${entity} query`
      )
    }
  }

  /** The items of a list of entities or pages, or of a batch response, each named `${prefix}${index}`. */
  const items = async (prefix: string): Promise<void> => {
    await cursor.openList()
    await cursor.eachItem(
      limit,
      (value, i) => emitAll(entitiesOfValue(value, entity, `${prefix}${i}`)),
      async (i) => {
        if ((await cursor.peek()) === OPEN_OBJECT) return largeObject(`${prefix}${i}`, false)
        shape(`${prefix}${i} is a value of more than ${size}, which no QBO ${entity} is: this is not the saved result of the ${entity} query`)
      }
    )
  }

  const file = async (): Promise<void> => {
    const first = await cursor.peek()
    if (first === OPEN_LIST) return items("item ")
    const value = await cursor.value(limit)
    if (value !== TOO_LARGE) return emitAll(extractEntities(value, entity))
    if (first === OPEN_OBJECT) return largeObject("the file", true)
    shape(unexpectedTop(entity, `a single value of more than ${size}`))
  }

  try {
    if (!(await cursor.start())) shape(`the file is empty: it should hold the JSON QBO returned for the ${entity} query ([] for none)`)
    await file()
    await cursor.end()
  } finally {
    await cursor.close()
  }
}
