import { describe, expect, it } from "vitest"
import { buildCases } from "../../pipeline/cases/buildCases.ts"
import type { Case } from "../../pipeline/domain/Case.ts"
import { CaseId, SnapshotId } from "../../pipeline/domain/Ids.ts"
import { diffRuns, type Rejection } from "../../pipeline/diffRuns.ts"
import { SnapshotBuilder } from "./cases/snapshotBuilder.ts"

const settings = { snapshotId: SnapshotId.make("S1"), reviewThreshold: 0.9, booksClosedThrough: null }

/** Three independent unlinked accounts with a match each: three scenario-1 cases. */
const threeCases = (street = "1 Main St"): ReadonlyArray<Case> => {
  const b = new SnapshotBuilder()
  for (const n of ["1", "2", "3"]) b.pomCustomer(`p${n}`, { history: 1, street: n === "1" ? street : "1 Main St" }).qboCustomer(`q${n}`, { invoices: 1 }).match(`pom:p${n}`, `qbo:q${n}`)
  return buildCases(b.build(), b.matches, settings)
}

const byPom = (cases: ReadonlyArray<Case>, pom: string) => {
  const c = cases.find((x) => x.pomIds.some((id) => id === pom))
  if (c === undefined) throw new Error(`no case for ${pom}`)
  return c
}

const reject = (c: Case): Rejection => ({ caseId: c.id, fingerprint: c.fingerprint, decidedAt: "2026-11-01T00:00:00Z", note: "tenant, not owner" })

describe("diffRuns", () => {
  it("tells new, still open, resolved by apply and gone from the previous run", () => {
    const all = threeCases()
    const previous = all.slice(0, 2)
    const current = [all[1], all[2]].filter((c): c is Case => c !== undefined)
    const applied = new Set([CaseId.make(previous[0]?.id ?? "")])
    const { diff } = diffRuns({ previousRunId: "R-1", previous, current, rejections: new Map(), applied })
    expect(diff.newCases).toEqual([all[2]?.id])
    expect(diff.stillOpen).toEqual([all[1]?.id])
    expect(diff.resolved).toEqual([{ caseId: all[0]?.id, how: "applied" }])

    const gone = diffRuns({ previousRunId: "R-1", previous, current, rejections: new Map(), applied: new Set() })
    expect(gone.diff.resolved).toEqual([{ caseId: all[0]?.id, how: "gone" }])
  })

  it("does not propose a rejected case again while its records are unchanged", () => {
    const current = threeCases()
    const rejected = byPom(current, "p1")
    const { proposed, diff } = diffRuns({ previousRunId: null, previous: [], current, rejections: new Map([[rejected.id, reject(rejected)]]), applied: new Set() })
    expect(proposed.map((c) => c.id)).not.toContain(rejected.id)
    expect(diff.suppressed).toEqual([rejected.id])
  })

  it("brings a rejected case back, marked, when one of its records changed", () => {
    const rejected = byPom(threeCases(), "p1")
    const current = threeCases("7 Ocean Dr")
    const again = byPom(current, "p1")
    expect(again.id).toBe(rejected.id)
    expect(again.fingerprint).not.toBe(rejected.fingerprint)
    const { proposed, diff } = diffRuns({ previousRunId: null, previous: [], current, rejections: new Map([[rejected.id, reject(rejected)]]), applied: new Set() })
    expect(diff.previouslyRejected).toEqual([rejected.id])
    expect(byPom(proposed, "p1").notes.join(" ")).toMatch(/rejected as not the same customer on 2026-11-01 \("tenant, not owner"\)/)
  })
})
