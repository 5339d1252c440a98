import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { JsonStreamFailure } from "../../../../sources/json/JsonStreamFailure.ts"
import { extractEntities } from "../../../../sources/qbo/files/extractEntities.ts"
import type { QboEntityName } from "../../../../sources/qbo/files/extractEntities.ts"
import { SnapshotShapeFailure, streamEntities } from "../../../../sources/qbo/files/streamEntities.ts"

/** The text's bytes in chunks of `size`: small sizes split tokens, escapes and UTF-8 sequences between chunks. */
async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, "utf8")
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

type Outcome = Either.Either<ReadonlyArray<unknown>, { readonly detail: string; readonly line?: number; readonly column?: number }>

const streamed = async (text: string, entity: QboEntityName, chunk: number, wholeValueBytes?: number): Promise<Outcome> => {
  const found: Array<unknown> = []
  try {
    await streamEntities(chunked(text, chunk), entity, (raw) => found.push(raw), wholeValueBytes === undefined ? {} : { wholeValueBytes })
    return Either.right(found)
  } catch (error) {
    if (error instanceof JsonStreamFailure) return Either.left({ detail: error.detail, line: error.line, column: error.column })
    if (error instanceof SnapshotShapeFailure) return Either.left({ detail: error.detail })
    throw error
  }
}

/** What reading the text whole gives: JSON.parse, its error offset as a line and column, then `extractEntities`. */
const parsedWhole = (text: string, entity: QboEntityName): Outcome => {
  try {
    return Either.mapLeft(extractEntities(JSON.parse(text), entity), (detail) => ({ detail }))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? text.length)
    const before = text.slice(0, offset)
    return Either.left({ detail: "(syntax)", line: before.split("\n").length, column: offset - before.lastIndexOf("\n") })
  }
}

/** Syntax errors are compared by where they are; V8's words depend on how much of the text it was given. */
const comparable = (outcome: Outcome) =>
  Either.mapLeft(outcome, (e) => (e.line === undefined ? e : { detail: "(syntax)", line: e.line, column: e.column }))

const customer = (id: number) => ({ Id: String(id), SyncToken: "0", DisplayName: `Peña “${id}” \\ "x"` })
const invoice = (id: number) => ({ Id: String(id), SyncToken: "0", CustomerRef: { value: "1" }, TotalAmt: 5, Balance: 5 })
const customers = (from: number, n: number) => Array.from({ length: n }, (_, i) => customer(from + i))
const page = (items: ReadonlyArray<unknown>, entity = "Customer") => ({ QueryResponse: { startPosition: 1, [entity]: items, maxResults: 9 }, time: "t" })

const shapes: ReadonlyArray<readonly [string, string]> = [
  ["a bare list, pretty-printed", JSON.stringify(customers(1, 6), null, 2)],
  ["a bare list on one line", JSON.stringify(customers(1, 6))],
  ["one page", JSON.stringify(page(customers(1, 8)), null, 1)],
  ["a page with its entities last and an empty page", JSON.stringify([{ time: "t", QueryResponse: { maxResults: 3, Customer: customers(1, 5) } }, { QueryResponse: {} }])],
  ["a list of pages", JSON.stringify([page(customers(1, 4)), page([]), page(customers(5, 4))], null, 2)],
  ["a batch response", JSON.stringify({ BatchItemResponse: [{ bId: "1", ...page(customers(1, 5)) }, { bId: "2", QueryResponse: {} }, { bId: "3", ...page(customers(6, 3)) }] })],
  ["a read response", JSON.stringify({ Customer: customer(7), time: "t" })],
  ["an empty list", "[]"],
  ["a list with a number, null and a nested list", "[1, null, [2, [3]], {\"Id\": \"4\"}]"],
  ["a UTF-8 byte order mark", `\uFEFF${JSON.stringify(customers(1, 3))}`],
  ["a fault", JSON.stringify({ Fault: { Error: [{ Message: "Stale Object Error", code: "5010" }], type: "ValidationFault" } })],
  ["a fault in a batch item", JSON.stringify({ BatchItemResponse: [{ bId: "1", ...page(customers(1, 5)) }, { bId: "2", Fault: { Error: [{ code: "500", Message: "x" }] } }] })],
  ["another entity's page", JSON.stringify(page([invoice(1), invoice(2), invoice(3), invoice(4)], "Invoice"))],
  ["a page whose list is not one", JSON.stringify({ QueryResponse: { Customer: { Id: "1" }, startPosition: 1, padding: "x".repeat(200) } })],
  ["an object of other keys", JSON.stringify({ customers: customers(1, 5), count: 5 })],
  ["a number", "42"],
  ["a string", "\"customers\""]
]

const broken: ReadonlyArray<readonly [string, string]> = [
  ["a missing comma inside an entity", '[\n  {"Id": "1", "SyncToken": "0"},\n  {"Id": "2" "SyncToken": "0"}\n]\n'],
  ["a missing comma between entities", '[\n  {"Id": "1"}\n  {"Id": "2"}\n]'],
  ["a text cut short", '{"QueryResponse": {"Customer": [\n'],
  ["a text cut short inside a string", '[{"Id": "1"}, {"Id": "2'],
  ["a key without quotes", '{"QueryResponse": {Customer: []}}'],
  ["text after the value", '[{"Id": "1"}] x'],
  ["a control character in a string, after a wide line", `[\n{"DisplayName": "Peña 😀", "x": "a\tb"}\n]`],
  ["a bad number in a large page", JSON.stringify(page(customers(1, 30)), null, 2).replace('"startPosition": 1', '"startPosition": 01')]
]

describe("streamEntities", () => {
  // Chunks of 1 and 3 bytes split every token; a limit of 300 bytes walks pages while parsing entities whole.
  for (const [chunk, limit] of [
    [1, 300],
    [3, 300],
    [7, undefined],
    [1 << 20, 300],
    [1 << 20, undefined]
  ] as const) {
    it(`reads every shape as reading the text whole does, in chunks of ${chunk} bytes, parsing up to ${limit ?? "the default"} bytes whole`, async () => {
      for (const [name, text] of shapes) {
        expect([name, await streamed(text, "Customer", chunk, limit)]).toEqual([name, parsedWhole(text.replace(/^\uFEFF/, ""), "Customer")])
      }
    })

    it(`names the line and column of a syntax error as JSON.parse's offset does, in chunks of ${chunk} bytes`, async () => {
      for (const [name, text] of broken) {
        const outcome = await streamed(text, "Customer", chunk, limit)
        expect([name, comparable(outcome)]).toEqual([name, parsedWhole(text, "Customer")])
      }
    })
  }

  it("points at the token itself where V8 names no position", async () => {
    // JSON.parse says only "Unexpected token ']'" here; reading the text whole pointed at its end.
    for (const chunk of [1, 1 << 20]) {
      expect(await streamed('[{"Id": "1"},\n  ]', "Customer", chunk)).toEqual(Either.left({ detail: "Unexpected token ']'", line: 2, column: 3 }))
      // Inside an entity it points just past that entity, not at the end of a file that may be gigabytes long.
      const literal = await streamed('[\n  {"Active": tru}, {}]', "Customer", chunk)
      expect(Either.isLeft(literal) && [literal.left.line, literal.left.column]).toEqual([2, 18])
    }
  })

  it("refuses nesting deeper than 64 levels where it starts, even inside a string-free run of brackets", async () => {
    const deep = `[\n  ${"[".repeat(200)}${"]".repeat(200)}\n]`
    for (const chunk of [1, 5, 1 << 20]) {
      const outcome = await streamed(deep, "Invoice", chunk)
      expect(outcome).toEqual(Either.left({ detail: "nests more than 64 levels deep", line: 2, column: 66 }))
    }
  })

  it("refuses an entity larger than the whole-value limit instead of holding it", async () => {
    const text = JSON.stringify(page([{ ...customer(1), Notes: "n".repeat(1000) }]))
    const outcome = await streamed(text, "Customer", 64, 300)
    expect(Either.isLeft(outcome) && outcome.left.detail).toContain("an entity of more than")
  })

  it("says an empty file is empty", async () => {
    const outcome = await streamed(" \n\t", "Invoice", 1)
    expect(Either.isLeft(outcome) && outcome.left.detail).toContain("the file is empty")
  })
})
