import { Either } from "effect"
import type { RejectedRow } from "../../../pipeline/domain/RejectedRow.ts"
import type { UnreadableRecord } from "../../../pipeline/domain/UnreadableRecord.ts"
import { firstLines } from "../../FirstLines.ts"
import type { EntityProblem } from "./describeIssues.ts"

export interface DecodedList<A> {
  readonly items: ReadonlyArray<A>
  readonly rejected: ReadonlyArray<RejectedRow>
  /** Entities that were not read but whose Id could be made out (see `UnreadableRecord`). */
  readonly unreadable: ReadonlyArray<UnreadableRecord>
}

/** An entity read, and the optional fields that did not read and were left empty (reported, not fatal). */
export interface Salvaged<A> {
  readonly item: A
  readonly emptied: ReadonlyArray<EntityProblem>
}

const RAW_LIMIT = 500

/** The entity as JSON, cut short: enough for a person to find it in QBO, not a whole invoice with its lines. */
const rawText = (raw: unknown): string => {
  const text = JSON.stringify(raw) ?? String(raw)
  return text.length > RAW_LIMIT ? `${text.slice(0, RAW_LIMIT)}…` : text
}

/** Decodes a file's entities one at a time, as they are read; `finish` says what was set aside. */
export interface EntityListDecoder {
  readonly add: (raw: unknown) => void
  readonly finish: () => {
    readonly rejected: ReadonlyArray<RejectedRow>
    readonly unreadable: ReadonlyArray<UnreadableRecord>
    /** Entities added, decoded or not. */
    readonly rowsRead: number
  }
}

/**
 * Decodes QBO entities one by one, handing each one read to `onItem` and rejecting each one that fails with its
 * 1-based position, and rejecting a repeated Id (overlapping query pages return the same entity twice) in favour
 * of the first. An entity kept with fields left empty is reported with severity `field`; one dropped is reported
 * with severity `row` and, when `unreadableOf` can still name it, listed as unreadable.
 */
export const entityListDecoder = <A>(
  file: string,
  decode: (raw: unknown) => Either.Either<Salvaged<A>, EntityProblem>,
  idOf: (item: A) => string,
  unreadableOf: (raw: unknown, rejected: RejectedRow) => UnreadableRecord | null,
  onItem: (item: A) => void
): EntityListDecoder => {
  const rejected: Array<RejectedRow> = []
  const unreadable: Array<UnreadableRecord> = []
  const firstAt = firstLines()
  let line = 0
  const reject = (raw: unknown, problem: EntityProblem, severity: RejectedRow["severity"]): RejectedRow => {
    const row = { file, line, field: problem.field, severity, reason: problem.reason, raw: rawText(raw) }
    rejected.push(row)
    return row
  }
  const add = (raw: unknown): void => {
    line++
    const decoded = decode(raw)
    if (Either.isLeft(decoded)) {
      const named = unreadableOf(raw, reject(raw, decoded.left, "row"))
      if (named !== null) unreadable.push(named)
      return
    }
    const { item, emptied } = decoded.right
    const id = idOf(item)
    const first = firstAt.get(id)
    if (first !== undefined) {
      reject(raw, { field: "Id", reason: `Id ${id} already appears at position ${first}; only that one is read` }, "row")
    } else {
      firstAt.set(id, line)
      onItem(item)
      if (emptied.length > 0) {
        reject(raw, { field: emptied.map((p) => p.field).join(", "), reason: emptied.map((p) => p.reason).join("; ") }, "field")
      }
    }
  }
  return { add, finish: () => ({ rejected, unreadable, rowsRead: line }) }
}

/** Decodes a list of QBO entities held whole (a live pull's pages), as `entityListDecoder` does. */
export const decodeEntityList = <A>(
  raws: ReadonlyArray<unknown>,
  file: string,
  decode: (raw: unknown) => Either.Either<Salvaged<A>, EntityProblem>,
  idOf: (item: A) => string,
  unreadableOf: (raw: unknown, rejected: RejectedRow) => UnreadableRecord | null
): DecodedList<A> => {
  const items: Array<A> = []
  const decoder = entityListDecoder(file, decode, idOf, unreadableOf, (item) => items.push(item))
  raws.forEach(decoder.add)
  const { rejected, unreadable } = decoder.finish()
  return { items, rejected, unreadable }
}
