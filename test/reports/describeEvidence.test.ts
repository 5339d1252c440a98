import { describe, expect, it } from "vitest"
import { describePair } from "../../reports/describeEvidence.ts"

describe("describePair", () => {
  it("names the fields that moved the score most, strongest first, leaving out the prior and fields that weigh nothing", () => {
    const text = describePair({
      left: { system: "pom", id: "p1" },
      right: { system: "qbo", id: "7" },
      weight: 12.5,
      probability: 0.9998,
      contributions: [
        { field: "prior", level: "1 in 100,000 pairs", weight: -16.6 },
        { field: "email", level: "two mailbox names built from the names both records share, no evidence either way", weight: 0 },
        { field: "zip", level: "differs", weight: -3 },
        { field: "phone", level: "exact", weight: 9.1 },
        { field: "lastName", level: "JW 0.96", weight: 6.2 }
      ]
    })
    expect(text).toBe("POM p1 ~ QBO 7 (p=1.000: phone exact +9.1, lastName JW 0.96 +6.2, zip differs \u22123.0)")
  })
})
