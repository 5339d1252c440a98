import { FileSystem } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { generateCompany } from "./generateCompany.ts"
import { writeCompany } from "./writeCompany.ts"

// The benchmark size. Printed rather than asserted: the time depends on the machine and what else it runs.
describe("generating a 100,000-customer company", () => {
  it.scoped("generates and writes it, printing how long each step took", () =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const dir = yield* fs.makeTempDirectoryScoped({ prefix: "company-100k-" })
      const started = performance.now()
      const company = generateCompany({ seed: 100, customers: 100_000 })
      const generated = performance.now()
      yield* writeCompany(company, dir)
      const written = performance.now()
      console.log(
        `100,000 customers: generated in ${((generated - started) / 1000).toFixed(1)} s, ` +
          `written in ${((written - generated) / 1000).toFixed(1)} s ` +
          `(${company.qbo.customers.length} QBO customers, ${company.qbo.invoices.length} invoices, ` +
          `${company.pom.appointments.length} appointments, ${company.pom.services.length} services)`
      )
      expect(company.pom.customers).toHaveLength(100_000)
      expect(company.truth.cases.length).toBeGreaterThan(2000)
    }).pipe(Effect.provide(NodeContext.layer))
  )
})
