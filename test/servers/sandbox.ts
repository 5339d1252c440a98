/**
 * `npm run sandbox`: local QBO and POM servers seeded with a generated company, for trying the tool by hand.
 *
 *   npm run sandbox -- [--customers 2000] [--seed 7] [--db ./reconcile.db]
 *
 * Prints the environment to export; with --db, also stores a QBO connection in that store, so
 * `npx reconcile run --pom-api --qbo-api --out ./out` works straight away. Serves until Ctrl-C.
 */
import { parseArgs } from "node:util"
import { startSandbox } from "./startSandbox.ts"

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "2000" },
    seed: { type: "string", default: "7" },
    db: { type: "string", default: "./reconcile.db" }
  }
})

const sandbox = await startSandbox({ customers: Number(values.customers), seed: Number(values.seed) })
await sandbox.connectQbo(values.db)
console.log(`# Local QBO at ${sandbox.qbo.url} and POM at ${sandbox.pom.url}: a company of ${values.customers} customers (seed ${values.seed}).`)
console.log(`# A QBO connection is stored in ${values.db}. In another terminal:`)
for (const [key, value] of Object.entries(sandbox.env)) console.log(`export ${key}=${value}`)
console.log(`# then: npx reconcile run --pom-api --qbo-api --out ./out --db ${values.db}`)
console.log("# Ctrl-C stops both servers.")
process.on("SIGINT", () => {
  void sandbox.close().then(() => process.exit(0))
})
