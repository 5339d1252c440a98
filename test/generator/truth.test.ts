import { describe, expect, it } from "vitest"
import type { PomCustomerRow, RawQboCustomer } from "./Company.ts"
import { CompanyIndex } from "./CompanyIndex.ts"
import { generateCompany } from "./generateCompany.ts"
import type { TruthCase } from "./Truth.ts"

/*
 * Each planted case must be what its truth says, judged by the same rules the pipeline uses: the keeper has the
 * most history, the correct QBO customer the most invoices, and "unclear" means the runner-up has at least 3
 * items and at least half the top count.
 */

const companies = [
  ["seed 7, 2,000 customers", generateCompany({ seed: 7, customers: 2000 })],
  ["seed 21, 3,000 customers", generateCompany({ seed: 21, customers: 3000 })]
] as const

const unclear = (top: number, runnerUp: number): boolean => runnerUp >= 3 && runnerUp >= top / 2

const digits = (phone: string): string => phone.replace(/\D/g, "").replace(/^1(?=\d{10})/, "").slice(0, 10)

/** What a record offers a matcher to recognise its customer by. */
const contact = (r: PomCustomerRow | RawQboCustomer) =>
  "id" in r
    ? {
        emails: [r.email, r.email2].filter((e) => e !== "").map((e) => e.toLowerCase()),
        phones: [r.phone, r.mobilePhone, r.phone2].filter((p) => p !== "").map(digits),
        address: `${r.street.split(" ")[0]}|${r.zipCode.slice(0, 5)}`
      }
    : {
        emails: r.PrimaryEmailAddr === undefined ? [] : [r.PrimaryEmailAddr.Address.toLowerCase()],
        phones: [r.PrimaryPhone, r.Mobile].flatMap((p) => (p === undefined ? [] : [digits(p.FreeFormNumber)])),
        address: `${r.BillAddr.Line1.split(" ")[0]}|${r.BillAddr.PostalCode.slice(0, 5)}`
      }

const shared = (a: PomCustomerRow | RawQboCustomer, b: PomCustomerRow | RawQboCustomer): number => {
  const x = contact(a)
  const y = contact(b)
  return (
    Number(x.emails.some((e) => y.emails.includes(e))) +
    Number(x.phones.some((p) => y.phones.includes(p))) +
    Number(x.address === y.address)
  )
}

describe.each(companies)("the truth of %s", (_, company) => {
  const index = new CompanyIndex(company)
  const byRecipe = (prefix: string): ReadonlyArray<TruthCase> =>
    company.truth.cases.filter((c) => c.recipe.startsWith(prefix))
  const pom = (id: string): PomCustomerRow => index.pom.get(id) ?? expect.fail(`no POM ${id}`)
  const qbo = (id: string): RawQboCustomer => index.qbo.get(id) ?? expect.fail(`no QBO ${id}`)

  it("names the keeper with the most POM history and the correct QBO customer with the most invoices", () => {
    for (const c of company.truth.cases) {
      expect(c.pomIds[0]).toBe(c.keepPomId)
      expect(new Set(c.pomIds)).toEqual(new Set([c.keepPomId, ...c.mergePomIds]))
      expect(new Set(c.qboIds)).toEqual(new Set([c.correctQboId, ...c.wrongQboIds]))
      for (const other of c.mergePomIds) expect(index.history(c.keepPomId)).toBeGreaterThan(index.history(other))
      for (const w of c.wrongQboIds) {
        expect(index.invoicesOf(c.correctQboId).length).toBeGreaterThan(index.invoicesOf(w).length)
      }
    }
  })

  it("makes the keeper unclear in the keeper-unclear cases only", () => {
    for (const c of company.truth.cases) {
      const pomCounts = c.pomIds.map((id) => index.history(id)).sort((a, b) => b - a)
      const qboCounts = c.qboIds.map((id) => index.invoicesOf(id).length).sort((a, b) => b - a)
      expect(unclear(pomCounts[0] ?? 0, pomCounts[1] ?? 0), c.id).toBe(c.recipe === "review/keeper-unclear")
      expect(unclear(qboCounts[0] ?? 0, qboCounts[1] ?? 0), c.id).toBe(false)
    }
  })

  it("gives every two records of a case at least two of email, phone and address in common", () => {
    for (const c of company.truth.cases) {
      const records = [...c.pomIds.map(pom), ...c.qboIds.map(qbo)]
      records.forEach((a, i) =>
        records.slice(i + 1).forEach((b) => expect(shared(a, b), `${c.id} ${c.recipe}`).toBeGreaterThanOrEqual(2))
      )
    }
  })

  it("swaps the links in example 1: A points at an empty W, B (no history) at R", () => {
    for (const c of byRecipe("scenario-1/swap")) {
      const [w] = c.wrongQboIds
      expect(pom(c.keepPomId).quickbooksId).toBe(w)
      expect(c.mergePomIds.map((id) => pom(id).quickbooksId)).toEqual([c.correctQboId])
      expect(c.mergePomIds.map((id) => index.history(id))).toEqual([0])
      expect(index.invoicesOf(w ?? "")).toHaveLength(0)
      expect(qbo(w ?? "").Balance).toBe(0)
      expect(index.invoicesOf(c.correctQboId).length).toBeGreaterThanOrEqual(3)
      expect(pom(c.keepPomId).createdAt < (pom(c.mergePomIds[0] ?? "").createdAt)).toBe(true)
    }
  })

  it("points a wrong link at another real customer, whose own account links there too", () => {
    for (const c of byRecipe("scenario-1/wrong-link")) {
      const target = pom(c.keepPomId).quickbooksId
      expect(c.qboIds).not.toContain(target)
      expect(qbo(target).Active).toBe(true)
      expect(qbo(target).FamilyName).not.toBe(qbo(c.correctQboId).FamilyName)
      expect(index.linkedTo(target).map((p) => p.id)).not.toEqual([c.keepPomId])
      expect(index.linkedTo(c.correctQboId)).toHaveLength(0)
    }
  })

  it("points a broken link at a missing id or at someone else's inactive customer", () => {
    for (const c of byRecipe("scenario-1/broken-link")) {
      const target = index.qbo.get(pom(c.keepPomId).quickbooksId)
      if (target !== undefined) {
        expect(target.Active).toBe(false)
        expect(c.qboIds).not.toContain(target.Id)
      }
      expect(index.linkedTo(c.correctQboId)).toHaveLength(0)
    }
  })

  it("leaves the unlinked account blank and its payer linked by nobody", () => {
    for (const c of byRecipe("scenario-1/unlinked")) {
      expect(pom(c.keepPomId).quickbooksId).toBe("")
      expect(index.linkedTo(c.correctQboId)).toHaveLength(0)
      expect(index.invoicesOf(c.correctQboId).length).toBeGreaterThanOrEqual(3)
    }
  })

  it("puts only recent open invoices on W in example 2, with R holding three times as many", () => {
    for (const c of [...byRecipe("scenario-2"), ...byRecipe("review/paid-invoice")]) {
      const [w = ""] = c.wrongQboIds
      const moving = index.invoicesOf(w)
      expect(new Set(c.invoicesToMove)).toEqual(new Set(moving.map((i) => i.Id)))
      expect(pom(c.keepPomId).quickbooksId).toBe(w)
      const paid = moving.filter((i) => i.LinkedTxn.some((t) => t.TxnType === "Payment"))
      expect(paid).toHaveLength(c.recipe === "scenario-2" ? 0 : 1)
      expect(Math.round(qbo(w).Balance * 100)).toBe(index.openCents(w))
      const rInvoices = index.invoicesOf(c.correctQboId)
      expect(rInvoices.length).toBeGreaterThanOrEqual(Math.max(6, 3 * moving.length))
      const newestR = rInvoices.map((i) => i.TxnDate).sort().at(-1) ?? ""
      const recent = new Date(Date.parse(company.truth.today) - 45 * 86_400_000).toISOString().slice(0, 10)
      for (const i of moving) {
        expect(i.TxnDate > newestR).toBe(true)
        expect(i.TxnDate >= recent).toBe(true)
      }
    }
  })

  it("leaves a QBO-only duplicate unlinked with one or two open invoices, or an unexplained balance", () => {
    for (const c of [...byRecipe("qbo-merge"), ...byRecipe("review/open-balance")]) {
      const [w = ""] = c.wrongQboIds
      expect(index.linkedTo(w)).toHaveLength(0)
      expect(pom(c.keepPomId).quickbooksId).toBe(c.correctQboId)
      const moving = index.invoicesOf(w)
      expect(new Set(c.invoicesToMove)).toEqual(new Set(moving.map((i) => i.Id)))
      expect(moving.length).toBeGreaterThanOrEqual(1)
      expect(moving.length).toBeLessThanOrEqual(2)
      for (const i of moving) expect(i.LinkedTxn).toHaveLength(0)
      const extra = Math.round(qbo(w).Balance * 100) - index.openCents(w)
      if (c.recipe === "qbo-merge") expect(extra).toBe(0)
      else expect(extra).toBeGreaterThan(0)
    }
  })

  it("links POM duplicates to R or to nothing, and gives the duplicates little history", () => {
    for (const c of [...byRecipe("pom-merge"), ...byRecipe("review/three-accounts"), ...byRecipe("review/keeper")]) {
      for (const id of c.pomIds) expect(["", c.correctQboId]).toContain(pom(id).quickbooksId)
      expect(pom(c.keepPomId).quickbooksId).toBe(c.correctQboId)
      expect(c.pomIds).toHaveLength(c.recipe === "review/three-accounts" ? 3 : 2)
      if (c.recipe !== "review/keeper-unclear") {
        expect(index.history(c.keepPomId)).toBeGreaterThanOrEqual(5)
        for (const id of c.mergePomIds) expect(index.history(id)).toBeLessThanOrEqual(2)
      }
      if (c.recipe === "review/three-accounts") {
        for (const id of c.pomIds) expect(pom(id).quickbooksId).toBe(c.correctQboId)
      }
    }
  })

  it("expects review with the matching blocker exactly for the review recipes", () => {
    const blockers: Record<string, string> = {
      "review/paid-invoice": "invoice-has-payment",
      "review/open-balance": "open-balance",
      "review/keeper-unclear": "keeper-unclear",
      "review/three-accounts": "too-many-accounts"
    }
    for (const c of company.truth.cases) {
      expect(c.scenario === "review").toBe(c.recipe.startsWith("review/"))
      expect(c.blocker).toBe(blockers[c.recipe])
    }
  })

  it("never puts one record in two planted cases or traps", () => {
    const ids = [...company.truth.cases, ...company.truth.traps].flatMap((x) => [
      ...x.pomIds.map((id) => `pom:${id}`),
      ...x.qboIds.map((id) => `qbo:${id}`)
    ])
    expect(new Set(ids).size).toBe(ids.length)
  })
})
