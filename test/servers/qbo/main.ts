/**
 * Runs the local QBO server from the command line, so the tool can be pointed at it by hand:
 *
 *   npx tsx test/servers/qbo/main.ts --data <dir with customers.json and invoices.json> [--port 8766]
 *       [--limits on|off] [--closing-date YYYY-MM-DD] [--deposited 166,170]
 *
 * It prints the environment to set (QBO_BASE_URL, QBO_CLIENT_ID, ...) and a token pair, then serves until Ctrl-C.
 * The JSON files hold arrays of raw QBO entities, or a QBO query response ({"QueryResponse":{"Customer":[...]}}).
 */
import { readFile } from "node:fs/promises"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { isRecord } from "./QboQueryEngine.ts"
import { startQboServer } from "./QboServer.ts"

const entitiesIn = (parsed: unknown, entity: "Customer" | "Invoice"): ReadonlyArray<unknown> => {
  if (Array.isArray(parsed)) return parsed
  const response = isRecord(parsed) ? parsed["QueryResponse"] : undefined
  const rows = isRecord(response) ? response[entity] : undefined
  if (Array.isArray(rows)) return rows
  throw new Error(`Expected an array of ${entity} entities or a QBO query response`)
}

const load = async (dir: string, file: string, entity: "Customer" | "Invoice"): Promise<ReadonlyArray<unknown>> => {
  const path = join(dir, file)
  try {
    return entitiesIn(JSON.parse(await readFile(path, "utf8")), entity)
  } catch (error) {
    throw new Error(`Could not load ${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      data: { type: "string" },
      port: { type: "string", default: "8766" },
      limits: { type: "string", default: "on" },
      "closing-date": { type: "string" },
      deposited: { type: "string" }
    }
  })
  if (values.data === undefined) {
    console.error("Usage: npx tsx test/servers/qbo/main.ts --data <dir> [--port 8766] [--limits on|off] [--closing-date YYYY-MM-DD] [--deposited ids]")
    process.exitCode = 2
    return
  }
  const [customers, invoices] = await Promise.all([
    load(values.data, "customers.json", "Customer"),
    load(values.data, "invoices.json", "Invoice")
  ])
  const server = await startQboServer({
    customers,
    invoices,
    port: Number(values.port),
    ...(values.limits === "off" ? { limits: "off" } : {}),
    closingDate: values["closing-date"] ?? null,
    depositedPaymentIds: values.deposited?.split(",").filter((id) => id !== "") ?? []
  })
  const token = server.issueToken()
  console.log(`Local QBO serving ${customers.length} customers and ${invoices.length} invoices at ${server.url}`)
  console.log("")
  console.log(`export QBO_BASE_URL=${server.url}`)
  console.log(`export QBO_CLIENT_ID=${server.clientId}`)
  console.log(`export QBO_CLIENT_SECRET=${server.clientSecret}`)
  console.log(`export QBO_REALM_ID=${server.realmId}`)
  console.log(`export QBO_REDIRECT_URI=http://localhost:8765/callback`)
  console.log("")
  console.log("Run `reconcile qbo connect` against it, or use this local-only token pair:")
  console.log(JSON.stringify({ ...token, realmId: server.realmId }))
  const stop = (): void => {
    console.log(`\nWrites executed: ${server.log.length}. Stopping.`)
    void server.close().then(() => process.exit(0))
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
})
