/*
 * Measures a full pull through the live client against the local server:
 *   npx tsx test/servers/pom/measurePull.ts [customers] [appointments-per-customer]
 */
import { Effect } from "effect"
import { PomClient } from "../../../sources/pom/api/PomClient.ts"
import { localPomClientLayer, scopedPomServer } from "./localPomClient.ts"
import { pomRows } from "./pomRows.ts"

const customers = Number(process.argv[2] ?? 5000)
const perCustomer = Number(process.argv[3] ?? 4)

const program = Effect.gen(function* () {
  const server = yield* scopedPomServer(pomRows(customers, perCustomer))
  const started = performance.now()
  const pulled = yield* PomClient.pipe(
    Effect.flatMap((client) => client.pullCustomers),
    Effect.provide(localPomClientLayer(server))
  )
  const seconds = (performance.now() - started) / 1000
  const pages = server.log.requests.filter((r) => r.operationName === "PullCustomersPage").length
  console.log(
    `${pulled.customers.length} customers, ${pulled.appointments.length} appointments, ${pulled.services.length} services in ${pages} pages: ${seconds.toFixed(2)} s`
  )
})

Effect.runPromise(Effect.scoped(program)).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
