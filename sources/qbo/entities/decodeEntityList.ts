import { Either } from "effect"
import type { RejectedRow } from "../../../pipeline/domain/RejectedRow.ts"
import type { EntityProblem } from "./describeIssues.ts"

export interface DecodedList<A> {
  readonly items: ReadonlyArray<A>
  readonly rejected: ReadonlyArray<RejectedRow>
}

const RAW_LIMIT = 500

/** The entity as JSON, cut short: enough for a person to find it in QBO, not a whole invoice with its lines. */
const rawText = (raw: unknown): string => {
  const text = JSON.stringify(raw) ?? String(raw)
  return text.length > RAW_LIMIT ? `${text.slice(0, RAW_LIMIT)}…` : text
}

/**
 * Decodes a list of QBO entities, rejecting each one that fails with its 1-based position, and rejecting a
 * repeated Id (overlapping query pages return the same entity twice) in favour of the first.
 */
export const decodeEntityList = <A>(
  raws: ReadonlyArray<unknown>,
  file: string,
  decode: (raw: unknown) => Either.Either<A, EntityProblem>,
  idOf: (item: A) => string
): DecodedList<A> => {
  const items: Array<A> = []
  const rejected: Array<RejectedRow> = []
  const firstAt = new Map<string, number>()
  // Defined once, not per entity: a snapshot holds hundreds of thousands.
  const reject = (raw: unknown, line: number, problem: EntityProblem) => rejected.push({ file, line, ...problem, raw: rawText(raw) })
  raws.forEach((raw, index) => {
    const line = index + 1
    const decoded = decode(raw)
    if (Either.isLeft(decoded)) {
      reject(raw, line, decoded.left)
      return
    }
    const item = decoded.right
    const id = idOf(item)
    const first = firstAt.get(id)
    if (first !== undefined) {
      reject(raw, line, { field: "Id", reason: `Id ${id} already appears at position ${first}; only that one is read` })
    } else {
      firstAt.set(id, line)
      items.push(item)
    }
  })
  return { items, rejected }
}
