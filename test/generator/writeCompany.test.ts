import { FileSystem, Path } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { parse } from "csv-parse/sync"
import { Effect, Schema } from "effect"
import { generateCompany } from "./generateCompany.ts"
import { Truth } from "./Truth.ts"
import { companyFiles, writeCompany } from "./writeCompany.ts"

const company = generateCompany({ seed: 7, customers: 500 })

const writeToTemp = (seed: number) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const dir = yield* fs.makeTempDirectoryScoped({ prefix: "company-" })
    yield* writeCompany(seed === 7 ? company : generateCompany({ seed, customers: 500 }), dir)
    return dir
  })

const readAll = (dir: string) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    return yield* Effect.forEach(Object.values(companyFiles), (f) => fs.readFileString(path.join(dir, f)))
  })

describe("writeCompany", () => {
  it.scoped("writes POM CSVs and QBO JSON that read back as the same records", () =>
    Effect.gen(function* () {
      const dir = yield* writeToTemp(7)
      const [customers, appointments, services, qboCustomers, invoices, truth] = yield* readAll(dir)
      const rows = (text: string | undefined): unknown => parse(text ?? "", { columns: true })
      expect(rows(customers)).toEqual(company.pom.customers)
      expect(rows(appointments)).toEqual(company.pom.appointments)
      expect(rows(services)).toEqual(company.pom.services)
      expect(JSON.parse(qboCustomers ?? "")).toEqual(company.qbo.customers)
      expect(JSON.parse(invoices ?? "")).toEqual(company.qbo.invoices)
      expect(Schema.decodeUnknownSync(Truth)(JSON.parse(truth ?? ""))).toEqual(company.truth)
      expect(customers?.split("\n")[0]).toBe(
        "id,firstName,lastName,companyName,email,phone,mobilePhone,street,city,state,zipCode,status,quickbooksId," +
          "createdAt,updatedAt,email2,phone2,billingStreet,billingCity,billingState,billingZipCode"
      )
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.scoped("quotes the values that hold a comma, so they survive the round trip", () =>
    Effect.gen(function* () {
      const dir = yield* writeToTemp(7)
      const [customers] = yield* readAll(dir)
      const withComma = company.pom.customers.flatMap((p) => Object.values(p).filter((v) => v.includes(",")))
      expect(withComma.length).toBeGreaterThan(0)
      for (const value of withComma) expect(customers).toContain(`,"${value.replace(/"/g, '""')}",`)
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.scoped("writes byte-identical files for one seed and different files for another", () =>
    Effect.gen(function* () {
      const first = yield* readAll(yield* writeToTemp(7))
      const again = yield* readAll(yield* writeToTemp(7))
      const other = yield* readAll(yield* writeToTemp(8))
      expect(again).toEqual(first)
      first.forEach((text, i) => expect(other[i]).not.toBe(text))
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.scoped("fails with the path of the file it could not write", () =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      const dir = yield* fs.makeTempDirectoryScoped({ prefix: "company-" })
      // A plain file where the pom/ folder should go.
      yield* fs.writeFileString(path.join(dir, "pom"), "in the way")
      const error = yield* Effect.flip(writeCompany(company, dir))
      expect(error._tag).toBe("CompanyWriteError")
      expect(error.file).toBe(path.join(dir, companyFiles.pomCustomers))
      expect(error.message).toContain(error.file)
    }).pipe(Effect.provide(NodeContext.layer))
  )
})
