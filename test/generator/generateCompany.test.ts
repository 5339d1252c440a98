import { describe, expect, it } from "vitest"
import { CompanyIndex } from "./CompanyIndex.ts"
import { generateCompany, GeneratorOptionsError } from "./generateCompany.ts"
import { defaultRates, plantCount, recipes, trapKinds } from "./Rates.ts"

const small = generateCompany({ seed: 11, customers: 500 })
const demo = generateCompany({ seed: 7, customers: 2000 })

const countBy = <A>(items: ReadonlyArray<A>, key: (a: A) => string): Map<string, number> => {
  const m = new Map<string, number>()
  for (const item of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1)
  return m
}

describe("generateCompany", () => {
  it("gives the same company for the same seed and options", () => {
    expect(generateCompany({ seed: 7, customers: 2000 })).toEqual(demo)
  })

  it("gives a different company for a different seed", () => {
    const other = generateCompany({ seed: 8, customers: 2000 })
    expect(other.pom.customers.slice(0, 50)).not.toEqual(demo.pom.customers.slice(0, 50))
    expect(other.truth.cases).not.toEqual(demo.truth.cases)
  })

  it.each([
    ["500", small],
    ["2,000", demo]
  ])("plants every recipe and trap at %s customers, as many as the rates ask", (_, company) => {
    const customers = company.truth.customers
    const cases = countBy(company.truth.cases, (c) => c.recipe)
    const traps = countBy(company.truth.traps, (t) => t.kind)
    for (const recipe of recipes) {
      expect(cases.get(recipe), recipe).toBe(plantCount(customers, defaultRates[recipe]))
      expect(cases.get(recipe), recipe).toBeGreaterThanOrEqual(1)
    }
    for (const kind of trapKinds) {
      expect(traps.get(kind), kind).toBe(plantCount(customers, defaultRates[kind]))
      expect(traps.get(kind), kind).toBeGreaterThanOrEqual(1)
    }
  })

  it("plants what the rates say and nothing where a rate is zero", () => {
    const company = generateCompany({ seed: 3, customers: 1000, rates: { "scenario-2": 20, neighbours: 0 } })
    expect(company.truth.cases.filter((c) => c.recipe === "scenario-2")).toHaveLength(20)
    expect(company.truth.traps.filter((t) => t.kind === "neighbours")).toHaveLength(0)
  })

  it("makes exactly the requested number of POM accounts and about as many QBO customers", () => {
    expect(demo.pom.customers).toHaveLength(2000)
    expect(demo.qbo.customers.length).toBeGreaterThan(1800)
    expect(demo.qbo.customers.length).toBeLessThan(2200)
  })

  it("gives active accounts about three appointments, two services and three invoices each", () => {
    const active = demo.pom.customers.filter((p) => p.status === "ACTIVE").map((p) => p.id)
    const appointments = countBy(demo.pom.appointments, (a) => a.customerId)
    const services = countBy(demo.pom.services, (s) => s.customerId)
    const mean = (m: Map<string, number>) => active.reduce((s, id) => s + (m.get(id) ?? 0), 0) / active.length
    expect(mean(appointments)).toBeGreaterThan(2.5)
    expect(mean(appointments)).toBeLessThan(3.6)
    expect(mean(services)).toBeGreaterThan(1.6)
    expect(mean(services)).toBeLessThan(2.4)
    const invoicesPerPayer = demo.qbo.invoices.length / demo.qbo.customers.length
    expect(invoicesPerPayer).toBeGreaterThan(2.5)
    expect(invoicesPerPayer).toBeLessThan(3.6)
  })

  it("mixes statuses and customer kinds as a real company has them", () => {
    const statuses = countBy(demo.pom.customers, (p) => p.status)
    expect(statuses.get("LEAD")).toBeGreaterThan(40)
    expect(statuses.get("INACTIVE")).toBeGreaterThan(100)
    const leadsLinked = demo.pom.customers.filter((p) => p.status === "LEAD" && p.quickbooksId !== "").length
    expect(leadsLinked).toBeLessThan(20)
    const companies = demo.pom.customers.filter((p) => p.companyName !== "").length / demo.pom.customers.length
    expect(companies).toBeGreaterThan(0.06)
    expect(companies).toBeLessThan(0.14)
    expect(demo.qbo.customers.filter((q) => !q.Active).length).toBeGreaterThan(50)
    expect(new Set(demo.pom.customers.map((p) => p.state))).toEqual(new Set(["FL", "AZ", "TX", "CA"]))
  })

  it("keeps QBO DisplayNames unique, with ' (deleted)' on exactly the inactive customers", () => {
    const names = demo.qbo.customers.map((q) => q.DisplayName.toLowerCase())
    expect(new Set(names).size).toBe(names.length)
    for (const q of demo.qbo.customers) {
      expect(q.DisplayName.endsWith(" (deleted)")).toBe(!q.Active)
      expect(q.FullyQualifiedName).toBe(q.DisplayName)
    }
  })

  it("refers only to records that exist, apart from the planted broken links", () => {
    const company = generateCompany({ seed: 2, customers: 1000, rates: { "scenario-1/broken-link": 20 } })
    const index = new CompanyIndex(company)
    for (const i of company.qbo.invoices) {
      expect(index.qbo.get(i.CustomerRef.value)?.DisplayName).toBe(i.CustomerRef.name)
    }
    for (const a of company.pom.appointments) expect(index.pom.has(a.customerId)).toBe(true)
    const appointmentIds = new Set(company.pom.appointments.map((a) => a.id))
    for (const s of company.pom.services) {
      expect(index.pom.has(s.customerId)).toBe(true)
      if (s.appointmentId !== "") expect(appointmentIds.has(s.appointmentId)).toBe(true)
    }
    const planted = new Set(
      company.truth.cases.filter((c) => c.recipe === "scenario-1/broken-link").map((c) => c.keepPomId)
    )
    const dangling = company.pom.customers.filter((p) => p.quickbooksId !== "" && !index.qbo.has(p.quickbooksId))
    expect(dangling.length).toBeGreaterThan(0)
    for (const p of dangling) expect(planted.has(p.id), p.id).toBe(true)
  })

  it("balances every QBO customer by its invoices, except the planted unapplied charges", () => {
    const index = new CompanyIndex(demo)
    const charged = new Set(
      demo.truth.cases.filter((c) => c.recipe === "review/open-balance").flatMap((c) => c.wrongQboIds)
    )
    for (const q of demo.qbo.customers) {
      if (charged.has(q.Id)) expect(Math.round(q.Balance * 100)).toBeGreaterThan(index.openCents(q.Id))
      else expect(Math.round(q.Balance * 100), q.Id).toBe(index.openCents(q.Id))
      expect(q.BalanceWithJobs).toBe(q.Balance)
    }
  })

  it("marks paid invoices with a Payment and a zero balance, and leaves open ones at their total", () => {
    for (const i of demo.qbo.invoices) {
      if (i.LinkedTxn.length > 0) {
        expect(i.LinkedTxn.map((t) => t.TxnType)).toEqual(["Payment"])
        expect(i.Balance).toBe(0)
      } else {
        expect(i.Balance).toBe(i.TotalAmt)
      }
      const [line, subtotal] = i.Line
      expect(line?.Amount).toBe(i.TotalAmt)
      expect(subtotal?.DetailType).toBe("SubTotalLineDetail")
      expect(i.TxnDate <= demo.truth.today).toBe(true)
    }
  })

  it("ends every record's history at the export date", () => {
    const company = generateCompany({ seed: 5, customers: 500, today: "2025-03-15" })
    const cutoff = "2025-03-15T00:00:00.000Z"
    for (const s of company.pom.services) expect(s.completedAt < cutoff).toBe(true)
    for (const a of company.pom.appointments) expect(a.status === "SCHEDULED").toBe(a.scheduledAt > cutoff)
    for (const p of company.pom.customers) expect(p.createdAt < cutoff).toBe(true)
  })

  it("refuses a malformed date or size with an error naming the option", () => {
    expect(() => generateCompany({ seed: 1, customers: 10, today: "2026-02-30" })).toThrow(GeneratorOptionsError)
    expect(() => generateCompany({ seed: 1, customers: -1 })).toThrow(/customers/)
    expect(() => generateCompany({ seed: 1.5, customers: 10 })).toThrow(/seed/)
  })
})

describe("generateCompany with a history volume", () => {
  const volume = { appointments: 35, services: 30, invoices: 14 }
  const heavy = generateCompany({ seed: 11, customers: 500, history: volume })

  it("gives active ordinary customers the appointments, services and invoices asked for, and still plants every case", () => {
    const perPom = (rows: ReadonlyArray<{ readonly customerId: string }>) => countBy(rows, (r) => r.customerId)
    const appointments = perPom(heavy.pom.appointments)
    const services = perPom(heavy.pom.services)
    const invoices = countBy(heavy.qbo.invoices, (i) => i.CustomerRef.value)
    const active = heavy.pom.customers.filter((c) => c.status === "ACTIVE")
    const asked = active.filter((c) => appointments.get(c.id) === volume.appointments && services.get(c.id) === volume.services)
    // Planted cases keep the history their recipe needs; the ordinary customers are most of the company.
    expect(asked.length).toBeGreaterThan(active.length * 0.7)
    expect([...invoices.values()].filter((n) => n === volume.invoices).length).toBeGreaterThan(active.length * 0.7)
    expect(heavy.truth.cases.length).toBe(small.truth.cases.length)
    expect(heavy.pom.appointments.length).toBeGreaterThan(8 * small.pom.appointments.length)
  })

  it("refuses a negative or fractional volume", () => {
    expect(() => generateCompany({ seed: 1, customers: 10, history: { ...volume, invoices: -1 } })).toThrow(GeneratorOptionsError)
    expect(() => generateCompany({ seed: 1, customers: 10, history: { ...volume, services: 1.5 } })).toThrow(GeneratorOptionsError)
  })
})
