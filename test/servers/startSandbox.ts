import { Effect } from "effect"
import type { Company } from "../generator/Company.ts"
import { generateCompany } from "../generator/generateCompany.ts"
import type { Rates } from "../generator/Rates.ts"
import { type PomServer, type PomServerOptions, startPomServer } from "./pom/startPomServer.ts"
import { connectStore } from "./qbo/connectStore.ts"
import { type QboServer, type QboServerOptions, startQboServer } from "./qbo/QboServer.ts"

export interface Sandbox {
  readonly company: Company
  readonly qbo: QboServer
  readonly pom: PomServer
  /** What the CLI needs to talk to both servers, as environment variables. */
  readonly env: Readonly<Record<string, string>>
  /** Stores a QBO token set in the store, as `reconcile qbo connect` would have. */
  readonly connectQbo: (db: string) => Promise<void>
  readonly close: () => Promise<void>
}

export interface SandboxOptions {
  readonly customers: number
  readonly seed: number
  /** Planted cases and traps per 1,000 customers, where a test wants more than the generator's usual. */
  readonly rates?: Partial<Rates>
  readonly qbo?: Omit<QboServerOptions, "customers" | "invoices">
  readonly pom?: Omit<PomServerOptions, "customers" | "appointments" | "services">
}

/** Local QBO and POM servers seeded with one generated company: the same data the offline run reads from files. */
export const startSandbox = async (options: SandboxOptions): Promise<Sandbox> => {
  const company = generateCompany({
    seed: options.seed,
    customers: options.customers,
    ...(options.rates === undefined ? {} : { rates: options.rates })
  })
  // The servers change their entities in place; the company's own objects stay as generated.
  const copy = <A>(xs: ReadonlyArray<A>): Array<A> => structuredClone([...xs])
  const qbo = await startQboServer({ ...options.qbo, customers: copy(company.qbo.customers), invoices: copy(company.qbo.invoices) })
  const pom = await startPomServer({
    ...options.pom,
    customers: copy(company.pom.customers),
    appointments: copy(company.pom.appointments),
    services: copy(company.pom.services)
  })
  const { accessToken } = pom.issueTokens()
  const env = {
    QBO_BASE_URL: qbo.url,
    QBO_CLIENT_ID: qbo.clientId,
    QBO_CLIENT_SECRET: qbo.clientSecret,
    QBO_ENVIRONMENT: "sandbox",
    POM_API_URL: pom.url,
    POM_API_TOKEN: accessToken,
    // A 429 from this server is waited out for just over its one-second window rather than QBO's minute: the
    // server counts a request when its event loop reads it, and on a busy machine requests the client paced
    // apart can reach it bunched.
    QBO_THROTTLE_WAIT_MS: "1100"
  }
  const connectQbo = (db: string) => Effect.runPromise(connectStore(qbo, db))
  return {
    company,
    qbo,
    pom,
    env,
    connectQbo,
    close: async () => {
      await Promise.all([qbo.close(), pom.close()])
    }
  }
}
