import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { byHandSteps } from "../../../pipeline/apply/byHandSteps.ts"
import type { CaseSettings } from "../../../pipeline/cases/buildCase.ts"
import { buildCases } from "../../../pipeline/cases/buildCases.ts"
import { planChosenVariant, requiredChoices } from "../../../pipeline/cases/planChosenVariant.ts"
import { indexSnapshot } from "../../../pipeline/cases/RecordIndex.ts"
import { blockerKind } from "../../../pipeline/domain/Blocker.ts"
import type { Case } from "../../../pipeline/domain/Case.ts"
import { type CaseChoice, noChoice } from "../../../pipeline/domain/CaseChoice.ts"
import { PomCustomerId, QboCustomerId, SnapshotId } from "../../../pipeline/domain/Ids.ts"
import { SnapshotBuilder } from "./snapshotBuilder.ts"

const settings: CaseSettings = { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.95, booksClosedThrough: null }

const caseOf = (b: SnapshotBuilder): Case => {
  const cases = buildCases(b.build(), b.matches, settings)
  expect(cases).toHaveLength(1)
  return cases[0] as Case
}

const choose = (b: SnapshotBuilder, c: Case, choice: Partial<CaseChoice>) =>
  planChosenVariant(indexSnapshot(b.build()), c, { ...noChoice, ...choice }, { snapshotId: c.plan.snapshotId, booksClosedThrough: null })

const variant = (b: SnapshotBuilder, c: Case, choice: Partial<CaseChoice>): Case => {
  const v = choose(b, c, choice)
  if (Either.isLeft(v)) throw new Error(v.left.join("\n"))
  return v.right
}

const tags = (c: Case) => c.plan.steps.map((s) => s._tag)

/** Two POM accounts of one property, both used for real: which to keep is the admin's call. */
const unclearKeeper = () =>
  new SnapshotBuilder()
    .pomCustomer("a", { link: "10", history: 12 })
    .pomCustomer("b", { link: "10", history: 10 })
    .qboCustomer("10", { invoices: 1 })
    .match("pom:a", "pom:b")
    .match("pom:a", "qbo:10")

describe("planChosenVariant", () => {
  it("keeps the account the admin chose and moves the other's history to it", () => {
    const b = unclearKeeper()
    const c = caseOf(b)
    expect(c.keepPomId).toBe("a")
    expect(requiredChoices(c)).toEqual({ keep: true, correct: false })

    const v = variant(b, c, { keepPomId: PomCustomerId.make("b") })
    expect(v.id).toBe(c.id)
    expect(v.keepPomId).toBe("b")
    expect(v.mergePomIds).toEqual(["a"])
    expect(v.scenario).toBe("pom-merge")
    expect(v.blockers).toEqual([])
    const moves = v.plan.steps.filter((s) => s._tag === "move-appointment" || s._tag === "move-service")
    expect(moves).toHaveLength(12)
    expect(moves.every((s) => s.from === "a" && s.to === "b")).toBe(true)
    expect(tags(v).at(-1)).toBe("inactivate-pom-customer")
    expect(v.notes[0]).toBe("chosen in review: keep POM b")
  })

  it("plans the same variant every time from the same case and choice", () => {
    const b = unclearKeeper()
    const c = caseOf(b)
    expect(variant(b, c, { keepPomId: PomCustomerId.make("b") })).toEqual(variant(unclearKeeper(), c, { keepPomId: PomCustomerId.make("b") }))
  })

  it("refuses ids that are not records of the case, naming the column and the records it could be", () => {
    const b = unclearKeeper()
    const c = caseOf(b)
    const refused = choose(b, c, {
      keepPomId: PomCustomerId.make("zz"),
      correctQboId: QboCustomerId.make("99"),
      exclude: [{ system: "qbo", id: "77" }]
    })
    expect(Either.isLeft(refused)).toBe(true)
    const problems = Either.isLeft(refused) ? refused.left : []
    expect(problems).toEqual([
      expect.stringContaining("exclude_ids: QBO 77 is not a record of this case"),
      "choose_keep_pom_id: zz is not a POM account of this case (choose one of a, b)",
      "choose_correct_qbo_id: 99 is not a QBO customer of this case (choose one of 10)"
    ])
  })

  it("refuses keeping a record it is also told to exclude", () => {
    const b = unclearKeeper()
    const c = caseOf(b)
    const refused = choose(b, c, { keepPomId: PomCustomerId.make("b"), exclude: [{ system: "pom", id: "b" }] })
    expect(Either.getLeft(refused).pipe((o) => o._tag === "Some" && o.value.some((p) => p.includes("also in exclude_ids")))).toBe(true)
  })

  it("leaves an excluded account out of the plan entirely, so three accounts become a plain merge of two", () => {
    const b = new SnapshotBuilder()
      .pomCustomer("a", { link: "10", history: 9 })
      .pomCustomer("b", { link: "10", history: 2 })
      .pomCustomer("c", { link: "10", history: 4 })
      .qboCustomer("10", { invoices: 1 })
      .match("pom:a", "pom:b")
      .match("pom:b", "pom:c")
    const c = caseOf(b)
    expect(c.blockers.map((x) => x._tag)).toEqual(["too-many-accounts"])
    const v = variant(b, c, { keepPomId: PomCustomerId.make("a"), exclude: [{ system: "pom", id: "c" }] })
    expect(v.mergePomIds).toEqual(["b"])
    expect(JSON.stringify(v.plan.steps)).not.toContain('"c"')
    expect(v.blockers).toEqual([])
  })

  it("for a payer shared by several properties, merges the payer's QBO duplicates and points every property at the chosen one", () => {
    const b = new SnapshotBuilder()
      .pomCustomer("home", { link: "10", history: 4, street: "1 Main St" })
      .pomCustomer("lake", { link: "11", history: 4, street: "9 Lake Rd" })
      .qboCustomer("10", { invoices: 1, createdAt: "2020-01-01" })
      .qboCustomer("11", { invoices: 3, createdAt: "2019-01-01" })
      .match("qbo:10", "qbo:11")
      .match("pom:home", "qbo:10")
      .match("pom:lake", "qbo:11")
    const c = caseOf(b)
    expect(c.blockers.map((x) => x._tag)).toContain("shared-payer")
    expect(requiredChoices(c)).toEqual({ keep: false, correct: true })
    expect(Either.isLeft(choose(b, c, { keepPomId: PomCustomerId.make("home"), correctQboId: QboCustomerId.make("11") }))).toBe(true)

    const v = variant(b, c, { correctQboId: QboCustomerId.make("11") })
    expect(v.mergePomIds).toEqual([])
    expect(tags(v)).toEqual(["move-invoice", "set-quickbooks-id", "inactivate-qbo-customer"])
    expect(v.plan.steps[1]).toMatchObject({ pomCustomerId: "home", from: "10", to: "11" })
    expect(v.plan.steps[2]).toMatchObject({ qboCustomerId: "10" })
  })

  it("keeps what must be done by hand in QBO as by-hand steps of the chosen plan", () => {
    const b = new SnapshotBuilder()
      .pomCustomer("a", { link: "11", history: 12 })
      .pomCustomer("b", { link: "10", history: 10 })
      .qboCustomer("10", { invoices: 4 })
      .qboCustomer("11", { invoices: 2, paid: true })
      .match("pom:a", "pom:b")
      .match("qbo:10", "qbo:11")
      .match("pom:a", "qbo:10")
    const c = caseOf(b)
    expect(c.blockers.map(blockerKind).sort()).toEqual(["by-hand", "choice"])
    const v = variant(b, c, { keepPomId: PomCustomerId.make("a") })
    expect(v.blockers.map((x) => x._tag)).toEqual(["invoice-has-payment"])
    const byHand = byHandSteps(v)
    expect([...byHand.keys()].map((i) => v.plan.steps[i])).toEqual([
      expect.objectContaining({ _tag: "move-invoice", invoiceId: "1100" })
    ])
  })
})
