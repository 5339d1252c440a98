/*
 * Starts the local POM API from a POM export folder, for trying the pull and apply by hand:
 *
 *   npx tsx test/servers/pom/main.ts [--port 4010] [--rate-limit 10/1000] <export-folder>
 *
 * Prints the settings to export (POM_API_URL and a POM_API_TOKEN, or the sign-in) and serves until Ctrl-C.
 */
import { parseArgs } from "node:util"
import { readExportRows } from "./readExportRows.ts"
import { startPomServer } from "./startPomServer.ts"

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string", default: "0" }, "rate-limit": { type: "string" } }
})
const folder = positionals[0]
if (folder === undefined) {
  console.error("usage: npx tsx test/servers/pom/main.ts [--port N] [--rate-limit REQUESTS/MS] <export-folder>")
  process.exit(2)
}
const limit = /^(\d+)\/(\d+)$/.exec(values["rate-limit"] ?? "")
const server = await startPomServer({
  ...readExportRows(folder),
  port: Number(values.port),
  ...(limit === null ? {} : { rateLimit: { requests: Number(limit[1]), perMs: Number(limit[2]) } })
})
const { accessToken } = server.issueTokens()
console.log(`POM_API_URL=${server.url}`)
console.log(`POM_API_TOKEN=${accessToken}`)
console.log(
  `# or sign in: POM_EMAIL=${server.user.email} POM_PASSWORD=${server.user.password} POM_CLIENT_ID=${server.user.clientId} POM_REALM=${server.user.realm}`
)
console.log(`# ${server.state.customers.size} customers, ${server.state.appointments.size} appointments, ${server.state.services.size} services`)

const stop = () => void server.close().then(() => process.exit(0))
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
