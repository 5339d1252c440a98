import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { aliasCollisions, resolveColumns } from "../../../../sources/csv/resolveColumns.ts"
import { pomAppointmentColumns, pomCustomerColumns, pomServiceColumns } from "../../../../sources/pom/files/PomColumns.ts"

describe("POM column tables", () => {
  it("never let two columns claim the same header", () => {
    expect(aliasCollisions(pomCustomerColumns)).toEqual([])
    expect(aliasCollisions(pomAppointmentColumns)).toEqual([])
    expect(aliasCollisions(pomServiceColumns)).toEqual([])
  })

  it("accept the headers of a hand-made spreadsheet", () => {
    const headers = [
      "Customer ID", "FIRST-NAME", "last_name", "Company Name", "E-mail", "Email Address 2", "Cell", "Home Phone",
      "Street Address", "City", "State", "Postal Code", "Status", "QuickBooks Customer ID", "Date Created"
    ]
    const resolved = resolveColumns(headers, pomCustomerColumns)
    if (Either.isLeft(resolved)) throw new Error(`missing: ${resolved.left.map((m) => m.key).join(", ")}`)
    expect(resolved.right.indexOf).toMatchObject({
      id: 0,
      firstName: 1,
      lastName: 2,
      companyName: 3,
      email: 4,
      email2: 5,
      mobilePhone: 6,
      phone: 7,
      street: 8,
      zipCode: 11,
      quickbooksId: 13,
      createdAt: 14
    })
  })
})
