/*
 * Small, deterministic POM export rows for tests that need many customers but not realistic ones (the generator
 * in test/generator makes realistic ones). Row n is always the same row.
 */

const firstNames = ["John", "Maria", "Wei", "Aisha", "Carlos", "Emma", "Raj", "Olga"]
const lastNames = ["Doe", "Garcia", "Chen", "Khan", "Lopez", "Smith", "Patel", "Ivanova"]
const streets = ["Palm Ave", "Oak St", "Lakeview Dr", "Sunset Blvd"]

const pick = (list: ReadonlyArray<string>, n: number): string => list[n % list.length] ?? ""

export const customerId = (n: number): string => `cust_${String(n).padStart(5, "0")}`

export const customerRow = (n: number, overrides: Readonly<Record<string, string>> = {}): Record<string, string> => ({
  id: customerId(n),
  firstName: pick(firstNames, n),
  lastName: pick(lastNames, Math.floor(n / firstNames.length)),
  companyName: n % 9 === 0 ? `Pool Co ${n}` : "",
  email: `customer${n}@example.com`,
  phone: `(512) 555-${String(1000 + (n % 9000)).padStart(4, "0")}`,
  mobilePhone: n % 2 === 0 ? `512-555-${String(2000 + (n % 8000)).padStart(4, "0")}` : "",
  street: `${100 + n} ${pick(streets, n)}`,
  city: "Austin",
  state: "TX",
  zipCode: "78701",
  status: n % 5 === 4 ? "INACTIVE" : "ACTIVE",
  quickbooksId: n % 3 === 2 ? "" : String(2000 + n),
  createdAt: "2023-06-15T10:00:00Z",
  updatedAt: "2024-01-10T14:30:00Z",
  email2: n % 4 === 1 ? `alt${n}@example.com` : "",
  phone2: "",
  billingStreet: n % 7 === 3 ? `PO Box ${n}` : "",
  billingCity: n % 7 === 3 ? "Round Rock" : "",
  billingState: n % 7 === 3 ? "TX" : "",
  billingZipCode: n % 7 === 3 ? "78664" : "",
  ...overrides
})

export interface PomRows {
  readonly customers: ReadonlyArray<Record<string, string>>
  readonly appointments: ReadonlyArray<Record<string, string>>
  readonly services: ReadonlyArray<Record<string, string>>
}

/** `count` customers, each with `perCustomer` appointments and one service per appointment. */
export const pomRows = (count: number, perCustomer = 0): PomRows => {
  const customers = Array.from({ length: count }, (_, n) => customerRow(n))
  const appointments = customers.flatMap((c, n) =>
    Array.from({ length: perCustomer }, (_, k) => ({
      id: `apt_${n}_${k}`,
      customerId: c["id"] ?? "",
      scheduledAt: `2024-0${1 + (k % 9)}-15T09:00:00Z`,
      status: k === 0 ? "COMPLETED" : "SCHEDULED"
    }))
  )
  const services = appointments.map((a, i) => ({
    id: `svc_${i}`,
    customerId: a.customerId,
    appointmentId: a.id,
    completedAt: a.status === "COMPLETED" ? a.scheduledAt : ""
  }))
  return { customers, appointments, services }
}
