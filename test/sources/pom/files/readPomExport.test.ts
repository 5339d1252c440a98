import { NodeFileSystem } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as path from "node:path"
import { readPomExport, streamPomExportTo } from "../../../../sources/pom/files/readPomExport.ts"
import type { PomCustomer } from "../../../../pipeline/domain/PomRecords.ts"
import type { RejectedRow } from "../../../../pipeline/domain/RejectedRow.ts"
import { cp1252, fixturePath, tempFolderWith } from "../../csv/tempFiles.ts"

const HEADER = "id,firstName,lastName,companyName,email,phone,street,city,state,zipCode,status,quickbooksId,createdAt"
const customer = (id: string, status = "ACTIVE", quickbooksId = "", createdAt = "") =>
  `${id},Ann,Lee,,ann${id}@example.com,555-010${id.length},${id} Elm St,Dublin,OH,43017,${status},${quickbooksId},${createdAt}`

const csv = (...lines: ReadonlyArray<string>): string => lines.join("\n") + "\n"

const find = (rejected: ReadonlyArray<RejectedRow>, file: string, line: number): RejectedRow | undefined =>
  rejected.find((r) => r.file === file && r.line === line)

describe("readPomExport", () => {
  it.effect("reads a spreadsheet-saved export with human headers, BOM, CRLF and extra columns", () =>
    Effect.gen(function* () {
      const pom = yield* readPomExport(fixturePath("pom", "excel-export"))
      expect(pom.rejected).toEqual([])
      expect(pom.rowsRead).toEqual({ customers: 3, appointments: 2, services: 2 })
      expect(pom.customers[0]).toEqual({
        id: "101",
        firstName: "John",
        lastName: "Doe",
        companyName: "",
        emails: ["john.doe@example.com"],
        phones: ["(614) 555-0101", "614-555-0199"],
        serviceAddress: { street: "12 Main St", city: "Columbus", state: "OH", zip: "43215" },
        billingAddress: null,
        status: "ACTIVE",
        quickbooksId: "2514",
        createdAt: "2021-03-14",
        updatedAt: "2024-01-09T16:05:00"
      })
      const second = pom.customers[1]
      expect(second?.status).toBe("LEAD")
      expect(second?.emails).toEqual(["jdoe@example.com", "john.doe@example.com"])
      expect(second?.serviceAddress.street).toBe("12 Main Street, Apt 1")
      expect(second?.billingAddress).toEqual({ street: "PO Box 9", city: "Columbus", state: "OH", zip: "43216" })
      expect(pom.customers[2]).toMatchObject({ lastName: "Peña", companyName: "Peña Pools LLC", quickbooksId: null })
      expect(pom.appointments).toEqual([
        { id: "9001", customerId: "101", scheduledAt: "2024-04-02T09:00:00", status: "Completed" },
        { id: "9002", customerId: "102", scheduledAt: "2024-04-09T09:00:00", status: "Scheduled" }
      ])
      expect(pom.services).toEqual([
        { id: "7001", customerId: "101", appointmentId: "9001", completedAt: "2024-04-02T09:42:00" },
        { id: "7002", customerId: "101", appointmentId: null, completedAt: null }
      ])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("reads a semicolon-delimited Windows-1252 export", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({
        "customers.csv": cp1252("ID;First Name;Last Name;Status;QBO ID\r\n1;Zoë;Peña;Active;40\r\n")
      })
      const pom = yield* readPomExport(dir)
      expect(pom.customers.map((c) => [c.firstName, c.lastName, c.quickbooksId])).toEqual([["Zoë", "Peña", "40"]])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("treats absent appointments and services files as no history", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({ "Customers.csv": csv(HEADER, customer("1")) })
      const pom = yield* readPomExport(dir)
      expect(pom.customers).toHaveLength(1)
      expect(pom.appointments).toEqual([])
      expect(pom.services).toEqual([])
      expect(pom.rowsRead).toEqual({ customers: 1, appointments: 0, services: 0 })
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("rejects bad customer rows with file, line and reason and reads the others", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({
        "customers.csv": csv(
          HEADER,
          customer("1", "Active"),
          customer("2", "Actve"),
          customer("", "ACTIVE"),
          customer("1", "LEAD"),
          customer("5", "inactive", "2.514E+03"),
          customer("6", "lead", "", "31/12/2023"),
          `7,Ann,Lee,,a@x.com,555,12 Main St, Apt 4,Dublin,OH,43017,ACTIVE,,`,
          customer("8", "", "12")
        )
      })
      const pom = yield* readPomExport(dir)
      expect(pom.customers.map((c) => [c.id, c.status, c.createdAt])).toEqual([
        ["1", "ACTIVE", null],
        ["6", "LEAD", null]
      ])
      expect(pom.rowsRead.customers).toBe(8)
      expect(pom.rejected).toHaveLength(7)
      expect(pom.rejected.filter((r) => r.severity === "field").map((r) => r.line)).toEqual([7])
      expect(find(pom.rejected, "customers.csv", 3)).toMatchObject({ field: "status", severity: "row" })
      expect(find(pom.rejected, "customers.csv", 3)?.reason).toContain('"Actve" is not one of ACTIVE, INACTIVE, LEAD')
      expect(find(pom.rejected, "customers.csv", 4)).toMatchObject({ field: "id", reason: "id is empty" })
      expect(find(pom.rejected, "customers.csv", 5)?.reason).toContain("id 1 is already used at line 2")
      expect(find(pom.rejected, "customers.csv", 6)).toMatchObject({ field: "quickbooksId" })
      expect(find(pom.rejected, "customers.csv", 6)?.reason).toContain("scientific notation")
      expect(find(pom.rejected, "customers.csv", 7)).toMatchObject({ field: "createdAt", severity: "field" })
      expect(find(pom.rejected, "customers.csv", 7)?.reason).toContain('"31/12/2023"')
      expect(find(pom.rejected, "customers.csv", 8)?.reason).toContain("unquoted")
      expect(find(pom.rejected, "customers.csv", 9)?.reason).toContain("status is empty")
      expect(find(pom.rejected, "customers.csv", 3)?.raw).toBe(customer("2", "Actve"))
      // Dropped rows whose id can be read are remembered, so no plan treats those customers as absent; the
      // repeated id 1 is not: the customer with that id was read.
      expect(pom.unreadable.map((u) => [u.id, u.line, u.quickbooksId])).toEqual([
        ["2", 3, null],
        ["5", 6, null],
        ["7", 8, null],
        ["8", 9, "12"]
      ])
      expect(pom.unreadable[0]).toMatchObject({ system: "pom", kind: "customer", file: "customers.csv", customerId: null })
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("accepts a status in any case and ignores empty cells every row ends with", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({
        "customers.csv": csv(HEADER, customer("1", "Active") + ",", customer("2", "lead") + ",", customer("3", "INACTIVE") + ",")
      })
      const pom = yield* readPomExport(dir)
      expect(pom.rejected).toEqual([])
      expect(pom.customers.map((c) => c.status)).toEqual(["ACTIVE", "LEAD", "INACTIVE"])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("rejects history whose customer is unknown or was rejected, and bad history dates and ids", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({
        "customers.csv": csv(HEADER, customer("1"), customer("2", "GONE")),
        "appointments.csv": csv(
          "id,customerId,scheduledAt,status",
          "a1,1,2024-04-02,Done",
          "a2,99,2024-04-02,Done",
          "a3,2,2024-04-02,Done",
          "a4,1,someday,Done",
          "a1,1,2024-04-03,Done",
          "a6,,2024-04-02,Done"
        ),
        "services.csv": csv("id,customerId,appointmentId,completedAt", "s1,1.0,a1,", "s2,3,,", "s3,1,,4/31/2024")
      })
      const pom = yield* readPomExport(dir)
      expect(pom.appointments.map((a) => [a.id, a.scheduledAt])).toEqual([
        ["a1", "2024-04-02"],
        ["a4", null]
      ])
      expect(pom.services).toEqual([
        { id: "s1", customerId: "1", appointmentId: "a1", completedAt: null },
        { id: "s3", customerId: "1", appointmentId: null, completedAt: null }
      ])
      expect(pom.rowsRead).toEqual({ customers: 2, appointments: 6, services: 3 })
      expect(find(pom.rejected, "appointments.csv", 3)?.reason).toBe("customerId 99 is not in customers.csv")
      expect(find(pom.rejected, "appointments.csv", 4)?.reason).toContain("customer 2 was rejected (customers.csv line 3)")
      expect(find(pom.rejected, "appointments.csv", 5)).toMatchObject({ field: "scheduledAt", severity: "field" })
      expect(find(pom.rejected, "appointments.csv", 6)?.reason).toContain("id a1 is already used at line 2")
      expect(find(pom.rejected, "appointments.csv", 7)?.reason).toBe("customerId is empty")
      expect(find(pom.rejected, "services.csv", 3)?.reason).toBe("customerId 3 is not in customers.csv")
      expect(find(pom.rejected, "services.csv", 4)).toMatchObject({ field: "completedAt", severity: "field" })
      // History dropped while its id and customer can be read is remembered with its customer.
      expect(pom.unreadable.map((u) => [u.kind, u.id, u.customerId, u.file, u.line])).toEqual([
        ["customer", "2", null, "customers.csv", 3],
        ["appointment", "a2", "99", "appointments.csv", 3],
        ["appointment", "a3", "2", "appointments.csv", 4],
        ["service", "s2", "3", "services.csv", 3]
      ])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("keeps a customer with a bad optional field, reported with severity field, and drops a row with a 5 KB cell", () =>
    Effect.gen(function* () {
      const pasted = "x".repeat(5 * 1024)
      const dir = yield* tempFolderWith({
        "customers.csv": csv(HEADER, customer("1", "ACTIVE", "40", "yesterday"), `2,Ann,Lee,,a@x.com,555,"${pasted}",Dublin,OH,43017,ACTIVE,41,`)
      })
      const pom = yield* readPomExport(dir)
      expect(pom.customers.map((c) => [c.id, c.quickbooksId, c.createdAt])).toEqual([["1", "40", null]])
      expect(find(pom.rejected, "customers.csv", 2)).toMatchObject({ severity: "field", field: "createdAt" })
      const long = find(pom.rejected, "customers.csv", 3)
      expect(long).toMatchObject({ severity: "row", field: "street" })
      expect(long?.reason).toContain("street is 5120 characters long, over the limit of 4096")
      // The cell is shown cut short, so rejected.csv stays readable.
      expect(long?.raw.length).toBeLessThan(400)
      expect(pom.unreadable).toEqual([expect.objectContaining({ id: "2", quickbooksId: "41", line: 3 })])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails naming both headers when two columns name the same field", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({
        "customers.csv": csv("id,First Name,Last Name,Status,QBO ID,Phone,Phone Number", "1,Ann,Lee,ACTIVE,40,555,556")
      })
      const error = yield* Effect.flip(readPomExport(dir))
      expect(error.file).toBe(path.join(dir, "customers.csv"))
      expect(error.column).toBe("phone")
      expect(error.message).toContain('columns 6 "Phone" and 7 "Phone Number" both name phone')
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails naming the file, the missing column and the headers found", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({ "customers.csv": csv("ID,First Name,Last Name,Status", "1,Ann,Lee,ACTIVE") })
      const error = yield* Effect.flip(readPomExport(dir))
      expect(error._tag).toBe("PomExportError")
      expect(error.file).toBe(path.join(dir, "customers.csv"))
      expect(error.column).toBe("quickbooksId")
      expect(error.headersFound).toEqual(["ID", "First Name", "Last Name", "Status"])
      expect(error.message).toContain("customers.csv")
      expect(error.message).toContain('required column "quickbooksId" is missing')
      expect(error.message).toContain('"QuickBooks ID"')
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails on a history file without its customer column", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({
        "customers.csv": csv(HEADER, customer("1")),
        "services.csv": csv("Service ID,Client,Completed", "s1,1,")
      })
      const error = yield* Effect.flip(readPomExport(dir))
      expect(error.file).toBe(path.join(dir, "services.csv"))
      expect(error.column).toBe("customerId")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("fails when customers.csv is missing, listing the files that are there", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({ "appointments.csv": csv("id,customerId", "a1,1") })
      const error = yield* Effect.flip(readPomExport(dir))
      expect(error.file).toBe(path.join(dir, "customers.csv"))
      expect(error.message).toContain("customers.csv is missing")
      expect(error.message).toContain("appointments.csv")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("fails when the folder does not exist", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(readPomExport("/nonexistent/pom-export"))
      expect(error.file).toBe("/nonexistent/pom-export")
      expect(error.message).toContain("--pom-csv")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.scoped("hands customers on as customers.csv is read, so the rows before a broken one are not held to the end", () =>
    Effect.gen(function* () {
      const dir = yield* tempFolderWith({
        "customers.csv": csv(HEADER, customer("1"), customer("2"), customer("3"), `4,"Ann,Lee,,,,,,,,ACTIVE,,`, customer("5"))
      })
      const handed: Array<PomCustomer> = []
      const error = yield* Effect.flip(
        streamPomExportTo(dir, { customer: (c) => void handed.push(c), appointment: () => undefined, service: () => undefined })
      )
      expect(error.file).toBe(path.join(dir, "customers.csv"))
      expect(error.line).toBe(5)
      expect(error.message).toContain("never closed")
      expect(handed.map((c) => c.id)).toEqual(["1", "2", "3"])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )
})
