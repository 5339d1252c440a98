import { describe, expect, it } from "vitest"
import type { CaseSettings } from "../../../pipeline/cases/buildCase.ts"
import { buildCases } from "../../../pipeline/cases/buildCases.ts"
import { byHandSteps } from "../../../pipeline/apply/byHandSteps.ts"
import type { Case } from "../../../pipeline/domain/Case.ts"
import { SnapshotId } from "../../../pipeline/domain/Ids.ts"
import { describeBlocker } from "../../../pipeline/domain/Blocker.ts"
import { CalendarDate } from "../../../pipeline/domain/CalendarDate.ts"
import { SnapshotBuilder } from "./snapshotBuilder.ts"
import type { FieldContribution, MatchEvidence, RecordRef } from "../../../pipeline/domain/MatchEvidence.ts"

const settings: CaseSettings = { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null }
const run = (b: SnapshotBuilder, s: Partial<typeof settings> = {}) => buildCases(b.build(), b.matches, { ...settings, ...s })
const only = (cases: ReadonlyArray<Case>): Case => {
  expect(cases).toHaveLength(1)
  return cases[0] as Case
}
const tags = (c: Case) => c.plan.steps.map((s) => s._tag)

/** The help article's duplicate pair (see `SnapshotBuilder.articlePair`). */
const articlePair = (wrongInvoices: number) => new SnapshotBuilder().articlePair(wrongInvoices)

describe("buildCases", () => {
  it("plans the article's example 1 as scenario-1: swap the QBO ids, retire both second accounts", () => {
    const c = only(run(articlePair(0)))
    expect(c.scenario).toBe("scenario-1")
    expect(c.keepPomId).toBe("jd1")
    expect(c.mergePomIds).toEqual(["jd2"])
    expect(c.correctQboId).toBe("2514")
    expect(c.wrongQboIds).toEqual(["3987"])
    expect(tags(c)).toEqual([
      "set-quickbooks-id",
      "set-quickbooks-id",
      "inactivate-pom-customer",
      "inactivate-qbo-customer"
    ])
    const links = c.plan.steps.filter((s) => s._tag === "set-quickbooks-id")
    expect(links.map((s) => [s.pomCustomerId, s.from, s.to])).toEqual([
      ["jd1", "3987", "2514"],
      ["jd2", "2514", "3987"]
    ])
  })

  it("plans the article's example 2 as scenario-2: invoices move before the link changes", () => {
    const c = only(run(articlePair(2)))
    expect(c.scenario).toBe("scenario-2")
    expect(c.invoicesToMove).toHaveLength(2)
    const t = tags(c)
    expect(t.lastIndexOf("move-invoice")).toBeLessThan(t.indexOf("set-quickbooks-id"))
    expect(t.at(-1)).toBe("inactivate-qbo-customer")
    const inactivate = c.plan.steps.at(-1)
    expect(inactivate?._tag === "inactivate-qbo-customer" && inactivate.before).toEqual({ syncToken: "3", active: true, balance: 200 })
  })

  it("moves POM history only when the keeper's link is already right (pom-merge)", () => {
    const b = new SnapshotBuilder()
      .pomCustomer("a", { link: "10", history: 7 })
      .pomCustomer("b", { link: "10", history: 2, createdAt: "2022-01-01" })
      .qboCustomer("10", { invoices: 4 })
      .match("pom:a", "pom:b")
      .match("pom:a", "qbo:10")
    const c = only(run(b))
    expect(c.scenario).toBe("pom-merge")
    expect(c.appointmentsToMove.length + c.servicesToMove.length).toBe(2)
    expect(tags(c).at(-1)).toBe("inactivate-pom-customer")
  })

  it("moves a QBO duplicate's invoices without touching links (qbo-merge)", () => {
    const b = new SnapshotBuilder()
      .pomCustomer("a", { link: "10", history: 3 })
      .qboCustomer("10", { invoices: 5 })
      .qboCustomer("11", { invoices: 1, createdAt: "2023-01-01" })
      .match("qbo:10", "qbo:11")
      .match("pom:a", "qbo:10")
      .match("pom:a", "qbo:11")
    const c = only(run(b))
    expect(c.scenario).toBe("qbo-merge")
    expect(c.correctQboId).toBe("10")
    expect(tags(c)).toEqual(["move-invoice", "inactivate-qbo-customer"])
  })

  it("relinks an account pointing at a different customer, leaving that customer alone", () => {
    const b = new SnapshotBuilder()
      .pomCustomer("a", { link: "99", history: 3 })
      .pomCustomer("x", { link: "99", history: 3 })
      .qboCustomer("10", { invoices: 2 })
      .qboCustomer("99", { invoices: 4 })
      .match("pom:a", "qbo:10")
      .match("pom:x", "qbo:99")
    const c = only(run(b))
    expect(c.scenario).toBe("scenario-1")
    expect(c.wrongQboIds).toEqual([])
    expect(c.qboIds).toContain("99")
    expect(tags(c)).toEqual(["set-quickbooks-id"])
    expect(c.notes.join(" ")).toMatch(/different customer/)
  })

  it("relinks a broken link to the matching customer, and sends one with no match to review", () => {
    const fixable = new SnapshotBuilder().pomCustomer("a", { link: "404", history: 1 }).qboCustomer("10", { invoices: 1 }).match("pom:a", "qbo:10")
    expect(only(run(fixable)).scenario).toBe("scenario-1")
    const unfixable = new SnapshotBuilder().pomCustomer("a", { link: "404", history: 1 }).qboCustomer("10", { invoices: 1 })
    const c = only(run(unfixable))
    expect(c.scenario).toBe("review")
    expect(c.blockers.map((b) => b._tag)).toEqual(["broken-link-no-match"])
  })

  it("links an unlinked account with a confident match", () => {
    const b = new SnapshotBuilder().pomCustomer("a", { history: 1 }).qboCustomer("10", { invoices: 1 }).match("pom:a", "qbo:10")
    const c = only(run(b))
    expect(c.scenario).toBe("scenario-1")
    expect(c.plan.steps).toMatchObject([{ _tag: "set-quickbooks-id", from: null, to: "10" }])
  })

  it("proposes nothing for one payer with two properties sharing one QBO customer", () => {
    const b = new SnapshotBuilder()
      .pomCustomer("home", { link: "10", history: 5, street: "1 Main St" })
      .pomCustomer("rental", { link: "10", history: 5, street: "9 Bay Rd" })
      .qboCustomer("10", { invoices: 6 })
      .match("pom:home", "qbo:10")
      .match("pom:rental", "qbo:10")
    expect(run(b)).toEqual([])
  })

  it("sends a paid invoice on the wrong customer to review, still naming every record", () => {
    const b = articlePair(2)
    const paid = new SnapshotBuilder()
      .pomCustomer("jd1", { link: "3987", history: 6 })
      .pomCustomer("jd2", { link: "2514" })
      .qboCustomer("2514", { invoices: 9 })
      .qboCustomer("3987", { invoices: 2, paid: true })
    paid.matches.push(...b.matches)
    const c = only(run(paid))
    expect(c.scenario).toBe("review")
    expect(c.blockers.map((x) => x._tag)).toEqual(["invoice-has-payment"])
    expect(c.keepPomId).toBe("jd1")
    expect(c.correctQboId).toBe("2514")
  })

  it("sends a wrong customer with an unexplained balance to review, its retirement left to a person in QBO", () => {
    const b = new SnapshotBuilder()
      .pomCustomer("a", { link: "10", history: 3 })
      .qboCustomer("10", { invoices: 5 })
      .qboCustomer("11", { invoices: 1, balance: 250 })
      .match("qbo:10", "qbo:11")
      .match("pom:a", "qbo:10")
    const c = only(run(b))
    expect(c.scenario).toBe("review")
    expect(c.blockers).toMatchObject([{ _tag: "open-balance", qboCustomerId: "11", remaining: 150 }])
    const retire = c.plan.steps.findIndex((s) => s._tag === "inactivate-qbo-customer")
    expect(retire).toBeGreaterThan(-1)
    expect([...byHandSteps(c).keys()]).toEqual([retire])
  })

  it("sends cases with an unclear keeper, three accounts, closed books or a weak match to review", () => {
    const unclear = new SnapshotBuilder()
      .pomCustomer("a", { link: "10", history: 12 })
      .pomCustomer("b", { link: "10", history: 10 })
      .qboCustomer("10", { invoices: 1 })
      .match("pom:a", "pom:b")
      .match("pom:a", "qbo:10")
    expect(only(run(unclear)).blockers.map((x) => x._tag)).toEqual(["keeper-unclear"])

    const three = new SnapshotBuilder()
      .pomCustomer("a", { link: "10", history: 9 })
      .pomCustomer("b", { link: "10" })
      .pomCustomer("c", { link: "10" })
      .qboCustomer("10", { invoices: 1 })
      .match("pom:a", "pom:b")
      .match("pom:b", "pom:c")
    expect(only(run(three)).blockers.map((x) => x._tag)).toEqual(["too-many-accounts"])

    expect(only(run(articlePair(2), { booksClosedThrough: CalendarDate.make("2025-12-31") })).blockers.map((x) => x._tag)).toEqual([
      "invoice-in-closed-period",
      "invoice-in-closed-period"
    ])

    const weak = new SnapshotBuilder().pomCustomer("a", { history: 1 }).qboCustomer("10", { invoices: 1 }).match("pom:a", "qbo:10", 0.9)
    expect(only(run(weak)).blockers).toMatchObject([{ _tag: "low-confidence", confidence: 0.9 }])
  })

  it("holds back only invoices dated on or before the closing day, comparing days, not text", () => {
    const closedThrough = CalendarDate.make("2025-12-31")
    const pair = new SnapshotBuilder().articlePair(4, ["2025-12-30", "2025-12-31", "2025-12-31T16:30:00", "2026-01-05"])
    const closed = only(run(pair, { booksClosedThrough: closedThrough })).blockers.flatMap((b) =>
      b._tag === "invoice-in-closed-period" ? [b.txnDate] : []
    )
    // A date-time on the closing day is inside the closed period, though as text it sorts after "2025-12-31".
    expect(closed).toEqual(["2025-12-30", "2025-12-31", "2025-12-31T16:30:00"])
    expect(only(run(pair, { booksClosedThrough: CalendarDate.make("2025-12-29") })).blockers).toEqual([])
  })

  it("names each QBO customer of a case once, also one an account links to that another account matches", () => {
    // A household and a business at one address: each account linked to its own QBO customer, the two accounts
    // and the household's account with the business's customer matching weakly.
    const b = new SnapshotBuilder()
      .pomCustomer("home", { link: "10", history: 4 })
      .pomCustomer("firm", { link: "20", history: 4 })
      .qboCustomer("10", { invoices: 2 })
      .qboCustomer("20", { invoices: 2 })
      .match("pom:home", "qbo:10")
      .match("pom:firm", "qbo:20")
      .match("pom:home", "pom:firm", 0.951)
      .match("pom:firm", "qbo:10", 0.951)
    const cases = run(b)
    expect(cases.length).toBeGreaterThan(0)
    for (const c of cases) expect(c.qboIds).toEqual([...new Set(c.qboIds)])
  })

  it("gives the same case id for the same records whatever their order or state", () => {
    const first = only(run(articlePair(0))).id
    const again = only(run(articlePair(3))).id
    expect(again).toBe(first)
    const other = only(run(new SnapshotBuilder().pomCustomer("a", { history: 1 }).qboCustomer("10", { invoices: 1 }).match("pom:a", "qbo:10"))).id
    expect(other).not.toBe(first)
  })

  describe("on a partial picture (rows dropped on reading)", () => {
    const unreadableTags = (c: Case) => c.blockers.filter((b) => b._tag === "unreadable-record")

    it("sends the article's case to review when the wrong QBO customer has an invoice that could not be read", () => {
      const b = articlePair(2).unreadable("qbo", "invoice", "777", { customerId: "3987", file: "invoices.json", line: 4 })
      const c = only(run(b))
      expect(c.scenario).toBe("review")
      expect(unreadableTags(c)).toEqual([
        expect.objectContaining({ system: "qbo", kind: "invoice", id: "777", customerId: "3987", file: "invoices.json", line: 4 })
      ])
      // Emptied of the invoices that were seen is not emptied: it is never planned inactive.
      expect(tags(c)).not.toContain("inactivate-qbo-customer")
      expect(c.notes.join(" ")).toContain("QBO 3987 is kept active: invoice 777 (invoices.json line 4) could not be read")
      expect(unreadableTags(c).map(describeBlocker)).toEqual([
        "QBO invoice 777 of customer 3987 could not be read (invoices.json line 4, see rejected.csv): fix that row at the source and run again"
      ])
    })

    it("plans the same case normally when the dropped invoice belongs to someone else", () => {
      const b = articlePair(2).unreadable("qbo", "invoice", "777", { customerId: "5000" })
      const c = only(run(b))
      expect(c.scenario).toBe("scenario-2")
      expect(tags(c).at(-1)).toBe("inactivate-qbo-customer")
    })

    it("sends a case to review when a POM account's history or a duplicate POM account could not be read", () => {
      const history = articlePair(0).unreadable("pom", "appointment", "a9", { customerId: "jd2", file: "appointments.csv", line: 12 })
      expect(unreadableTags(only(run(history)))).toEqual([
        expect.objectContaining({ system: "pom", kind: "appointment", id: "a9", customerId: "jd2", file: "appointments.csv", line: 12 })
      ])
      // A dropped POM account still linked to the QBO customer the plan would retire.
      const linked = articlePair(0).unreadable("pom", "customer", "jd3", { quickbooksId: "3987", line: 30 })
      const c = only(run(linked))
      expect(c.scenario).toBe("review")
      expect(unreadableTags(c)).toEqual([expect.objectContaining({ system: "pom", kind: "customer", id: "jd3", file: "customers.csv", line: 30 })])
    })

    it("makes a link to an unreadable QBO customer its own review case, never saying it does not exist", () => {
      const b = new SnapshotBuilder()
        .pomCustomer("a", { link: "404", history: 1 })
        .qboCustomer("10", { invoices: 1 })
        .unreadable("qbo", "customer", "404", { file: "customers.json", line: 9 })
      const c = only(run(b))
      expect(c.scenario).toBe("review")
      expect(c.blockers.map((x) => x._tag)).toEqual(["unreadable-record"])
      expect(c.blockers[0]).toMatchObject({ id: "404", file: "customers.json", line: 9 })
      expect(c.blockers.map(describeBlocker).join(" ")).not.toMatch(/not in QBO|does not exist/)
    })

    it("says the old link could not be read, not that it does not exist, when the account is relinked", () => {
      const b = new SnapshotBuilder()
        .pomCustomer("a", { link: "404", history: 1 })
        .qboCustomer("10", { invoices: 1 })
        .match("pom:a", "qbo:10")
        .unreadable("qbo", "customer", "404", { file: "customers.json", line: 9 })
      const c = only(run(b))
      expect(c.scenario).toBe("review")
      expect(c.notes.join(" ")).toContain("pointed at QBO 404, which could not be read (customers.json line 9)")
      expect(c.notes.join(" ")).not.toContain("does not exist")
    })

    it("still says a truly absent id does not exist", () => {
      const b = new SnapshotBuilder()
        .pomCustomer("a", { link: "404", history: 1 })
        .qboCustomer("10", { invoices: 1 })
        .match("pom:a", "qbo:10")
        .unreadable("qbo", "customer", "405")
      const c = only(run(b))
      expect(c.scenario).toBe("scenario-1")
      expect(c.notes.join(" ")).toContain("pointed at QBO 404, which does not exist")
    })
  })

  it("ignores inactive accounts, which were retired on purpose", () => {
    const b = new SnapshotBuilder()
      .pomCustomer("a", { link: "10", history: 3 })
      .pomCustomer("old", { link: "10", status: "INACTIVE" })
      .qboCustomer("10", { invoices: 1 })
      .match("pom:a", "pom:old")
      .match("pom:a", "qbo:10")
    expect(run(b)).toEqual([])
  })

  it("keeps each match of a case as plain data, not the matcher's object that works its contributions out on read", () => {
    class ExplainedOnRead implements MatchEvidence {
      constructor(
        readonly left: RecordRef,
        readonly right: RecordRef,
        readonly weight: number,
        readonly probability: number
      ) {}
      get contributions(): ReadonlyArray<FieldContribution> {
        return [{ field: "phone", level: "exact", weight: this.weight }]
      }
    }
    const b = articlePair(0)
    const matches = b.matches.map((m) => new ExplainedOnRead(m.left, m.right, m.weight, m.probability))
    const c = only(buildCases(b.build(), matches, settings))
    expect(c.evidence.length).toBeGreaterThan(0)
    for (const e of c.evidence) {
      expect(e).not.toBeInstanceOf(ExplainedOnRead)
      expect(Object.keys(e)).toContain("contributions")
      expect(e.contributions).toEqual([{ field: "phone", level: "exact", weight: e.weight }])
    }
  })
})
