/**
 * Benchmark: the streaming QBO snapshot reader on a generated query response page longer than the longest string
 * Node can hold (one invoice per line, about 420 bytes each), produced lazily. Measures and prints; asserts nothing.
 *
 *   npx tsx bench/qboSnapshotReader.ts                 540 million characters, entities only, then decoded
 *   npx tsx bench/qboSnapshotReader.ts --mb 100        a smaller page
 *
 * CPU seconds are printed beside wall seconds: on a shared machine the wall time says more about the neighbours.
 * The generator's own cost is measured first and taken out of the reader's figures.
 */
import { constants } from "node:buffer"
import { cpus, loadavg } from "node:os"
import { parseArgs } from "node:util"
import { qboInvoiceDecoder } from "../sources/qbo/QboEntities.ts"
import { streamEntities } from "../sources/qbo/files/streamEntities.ts"
import { emptyTally, generatedInvoicePage } from "../test/sources/qbo/files/generatedInvoices.ts"

const { values } = parseArgs({ options: { mb: { type: "string" } } })
const minChars = values.mb === undefined ? constants.MAX_STRING_LENGTH + 1_000_000 : Number(values.mb) * 1_000_000

const print = (line: string): void => {
  process.stdout.write(`${line}\n`)
}

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(" ")

const measured = async (name: string, run: (page: AsyncIterable<Uint8Array>) => Promise<number>) => {
  const tally = emptyTally()
  const page = generatedInvoicePage({ minChars, linePerEntity: true }, tally)
  const cpu = process.cpuUsage()
  const started = performance.now()
  const count = await run(page)
  const used = process.cpuUsage(cpu)
  const cpuSeconds = (used.user + used.system) / 1e6
  return { name, count, mb: tally.chars / 1e6, wall: (performance.now() - started) / 1000, cpuSeconds }
}

const rows = [
  await measured("generating the page only", async (page) => {
    let bytes = 0
    for await (const chunk of page) bytes += chunk.length
    return bytes
  }),
  await measured("streamEntities (raw entities)", async (page) => {
    let n = 0
    await streamEntities(page, "Invoice", () => n++)
    return n
  }),
  await measured("streamEntities + qboInvoiceDecoder", async (page) => {
    let n = 0
    const decoder = qboInvoiceDecoder("invoices.json", () => n++)
    await streamEntities(page, "Invoice", decoder.add)
    return n
  })
]

const generation = rows[0]?.cpuSeconds ?? 0
print(`machine: ${cpus().length} cores, load ${load()}; rss now ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`)
print("| what | items | MB | wall s | CPU s | MB per CPU s, generation taken out |")
print("|---|---|---|---|---|---|")
for (const row of rows) {
  const own = row === rows[0] ? row.cpuSeconds : row.cpuSeconds - generation
  print(`| ${row.name} | ${row.count} | ${row.mb.toFixed(0)} | ${row.wall.toFixed(1)} | ${row.cpuSeconds.toFixed(1)} | ${(row.mb / own).toFixed(0)} |`)
}
