import { describe, expect, it } from "vitest"
import type { CaseSettings } from "../../../pipeline/cases/buildCase.ts"
import { buildCases } from "../../../pipeline/cases/buildCases.ts"
import { indexSnapshot } from "../../../pipeline/cases/RecordIndex.ts"
import { setAsideByLinks } from "../../../pipeline/cases/setAsideByLinks.ts"
import { SnapshotId } from "../../../pipeline/domain/Ids.ts"
import { SnapshotBuilder } from "./snapshotBuilder.ts"

const settings: CaseSettings = { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.999, booksClosedThrough: null }
const run = (b: SnapshotBuilder) => buildCases(b.build(), b.matches, settings)
const pairKey = (a: string, b: string) => [a, b].sort().join(" ")

/**
 * Relatives next door: accounts "ann" (12 Palm St) and "bea" (14 Palm St), one surname, each linked to its own
 * QBO customer and matching it near-certainly; every cross pair matches on surname, street and ZIP alone.
 */
const relativesNextDoor = (cross: number) =>
  new SnapshotBuilder()
    .pomCustomer("ann", { link: "10", history: 4, street: "12 Palm St" })
    .pomCustomer("bea", { link: "20", history: 5, street: "14 Palm St" })
    .qboCustomer("10", { invoices: 3 })
    .qboCustomer("20", { invoices: 2 })
    .match("pom:ann", "qbo:10", 0.99999)
    .match("pom:bea", "qbo:20", 0.99998)
    .match("pom:ann", "qbo:20", cross)
    .match("pom:bea", "qbo:10", cross)
    .match("qbo:10", "qbo:20", cross)

describe("one-to-one reasoning across POM and QBO", () => {
  it("raises no case for relatives next door, each linked to its own QBO customer", () => {
    expect(run(relativesNextDoor(0.99))).toEqual([])
  })

  it("says which two confirmed links set each cross pair aside", () => {
    const b = relativesNextDoor(0.97)
    const { kept, setAside } = setAsideByLinks(indexSnapshot(b.build()), b.matches, settings.reviewThreshold)
    expect(kept.map((p) => pairKey(`${p.left.system}:${p.left.id}`, `${p.right.system}:${p.right.id}`)).sort()).toEqual([
      "pom:ann qbo:10",
      "pom:bea qbo:20"
    ])
    expect(setAside).toHaveLength(3)
    const annToBea = setAside.find((s) => s.pair.left.id === "ann" && s.pair.right.id === "20")
    expect(annToBea?.reason).toBe(
      "each is another customer's: POM ann is linked to QBO 10 and matches it at 99.9990%; POM bea is linked to QBO 20 and matches it at 99.9980%"
    )
  })

  it("keeps a cross pair that matches as surely as a link: the link may be the mistake", () => {
    const b = relativesNextDoor(0.99999)
    const { setAside } = setAsideByLinks(indexSnapshot(b.build()), b.matches, settings.reviewThreshold)
    expect(setAside).toEqual([])
  })

  it("explains nothing away with a link the matcher does not confirm near-certainly", () => {
    const b = new SnapshotBuilder()
      .pomCustomer("ann", { link: "10", history: 4 })
      .pomCustomer("bea", { link: "20", history: 5, street: "14 Palm St" })
      .qboCustomer("10", { invoices: 3 })
      .qboCustomer("20", { invoices: 2 })
      .match("pom:ann", "qbo:10", 0.95)
      .match("pom:bea", "qbo:20", 0.99999)
      .match("pom:ann", "qbo:20", 0.94)
    const { setAside } = setAsideByLinks(indexSnapshot(b.build()), b.matches, settings.reviewThreshold)
    expect(setAside).toEqual([])
  })

  it("still plans the article's swap, whose two accounts are duplicates linked to two QBO duplicates", () => {
    const b = new SnapshotBuilder().articlePair(0)
    const { setAside } = setAsideByLinks(indexSnapshot(b.build()), b.matches, settings.reviewThreshold)
    expect(setAside).toEqual([])
    expect(run(b)).toHaveLength(1)
  })

  it("still plans a QBO duplicate that no other account confirms (qbo-merge)", () => {
    const b = new SnapshotBuilder()
      .pomCustomer("a", { link: "10", history: 3 })
      .qboCustomer("10", { invoices: 5 })
      .qboCustomer("11", { invoices: 1, createdAt: "2023-01-01" })
      .match("qbo:10", "qbo:11", 0.995)
      .match("pom:a", "qbo:10", 0.99999)
      .match("pom:a", "qbo:11", 0.995)
    expect(run(b).map((c) => c.scenario)).toEqual(["review"])
  })
})
