import { Readable } from "node:stream"

/** What a generated page held, tallied as it was generated, for the reader's count to be checked against. */
export interface GeneratedTally {
  entities: number
  /** Order-free sum of a hash of every Id: one lost, repeated or misread entity changes it. */
  idChecksum: number
  /** UTF-16 characters generated: what a single string of the text would need. */
  chars: number
  /** Where the syntax error was put, when one was asked for. */
  error: { line: number; column: number } | null
}

export const idHash = (id: string): number => Math.imul(Number(id), 2654435761) >>> 0

export const addId = (checksum: number, id: string): number => (checksum + idHash(id)) >>> 0

const invoice = (n: number, comma: string): string =>
  `{"Id":"${n}","SyncToken":"0","DocNumber":"INV-${n}","TxnDate":"2024-03-01","CustomerRef":{"value":"${n % 100_000}","name":"Zoë Peña ${n % 100_000}"},` +
  `"Line":[{"Amount":46.5,"DetailType":"SalesItemLineDetail","SalesItemLineDetail":{"ItemRef":{"value":"1","name":"Weekly Pool Service"},"Qty":1}}],` +
  `"TotalAmt":46.5${comma}"Balance":0,"LinkedTxn":[{"TxnId":"${n}9","TxnType":"Payment"}],"MetaData":{"CreateTime":"2024-03-01T08:00:00-07:00"}}`

export interface PageOptions {
  /** Generate until the text is at least this many characters long. */
  readonly minChars: number
  /** One entity per line, or the whole page on one line as the API sends it. */
  readonly linePerEntity: boolean
  /** Leave out the comma after TotalAmt in the first entity past this share of `minChars`. */
  readonly breakAfterShare?: number
}

/**
 * One QBO query response page (`{"QueryResponse":{"Invoice":[...]}}`) of generated invoices, produced lazily a
 * megabyte at a time: the text is never held as one string, so it can be longer than any string can be.
 */
export const generatedInvoicePage = (options: PageOptions, tally: GeneratedTally): Readable => {
  const separator = options.linePerEntity ? ",\n" : ","
  const head = `{"QueryResponse":{"startPosition":1,"Invoice":[${options.linePerEntity ? "\n" : ""}`
  const breakAt = options.breakAfterShare === undefined ? Infinity : options.minChars * options.breakAfterShare
  let line = 1
  let lineChars = 0
  let broken = false
  const take = (text: string): string => {
    tally.chars += text.length
    if (options.linePerEntity) {
      const lastBreak = text.lastIndexOf("\n")
      if (lastBreak === -1) lineChars += text.length
      else {
        line += text.split("\n").length - 1
        lineChars = text.length - lastBreak - 1
      }
    } else lineChars += text.length
    return text
  }
  function* chunks(): Generator<Buffer> {
    let text = take(head)
    let n = 0
    while (tally.chars < options.minChars) {
      n++
      const breakHere = !broken && tally.chars >= breakAt
      const entity = invoice(n, breakHere ? " " : ",")
      if (breakHere) {
        broken = true
        const at = entity.indexOf('"Balance"')
        // The entity starts a line of its own, or follows a comma on the one line.
        tally.error = options.linePerEntity
          ? { line: n === 1 ? line : line + 1, column: at + 1 }
          : { line: 1, column: lineChars + (n === 1 ? 0 : 1) + at + 1 }
      }
      text += take(n === 1 ? entity : `${separator}${entity}`)
      tally.entities++
      tally.idChecksum = addId(tally.idChecksum, String(n))
      if (text.length >= 1 << 20) {
        yield Buffer.from(text, "utf8")
        text = ""
      }
    }
    yield Buffer.from(text + take(`${options.linePerEntity ? "\n" : ""}],"maxResults":${n}},"time":"2024-03-01T08:00:00.000-07:00"}\n`), "utf8")
  }
  return Readable.from(chunks(), { objectMode: false })
}

export const emptyTally = (): GeneratedTally => ({ entities: 0, idChecksum: 0, chars: 0, error: null })
