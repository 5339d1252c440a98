import { describe, expect, it } from "vitest"
import type { MatchEvidence } from "../../pipeline/domain/MatchEvidence.ts"
import { confidenceText, probabilityText } from "../../reports/confidenceText.ts"

const bitsOf = (p: number) => Math.log2(p / (1 - p))

const pair = (left: string, right: string, weight: number): MatchEvidence => ({
  left: { system: "pom", id: left },
  right: { system: "qbo", id: right },
  weight,
  probability: 1 / (1 + 2 ** -weight),
  contributions: []
})

describe("confidenceText", () => {
  it("tells a 0.9991 match from a 0.99999 one, where three decimals said 1.000 for both", () => {
    expect(confidenceText({ evidence: [pair("a", "1", bitsOf(0.9991))] })).toBe("10.1 bits, p 0.99910")
    expect(confidenceText({ evidence: [pair("a", "1", bitsOf(0.99999))] })).toBe("16.6 bits, p 0.999990")
  })

  it("keeps telling strong matches apart after the probability itself has rounded to 1", () => {
    expect(1 / (1 + 2 ** -60)).toBe(1)
    expect(probabilityText(60)).toBe("1 \u2212 8.7e-19")
    expect(probabilityText(30)).toBe("1 \u2212 9.3e-10")
    expect(probabilityText(3)).toBe("0.889")
  })

  it("is the weakest link the case cannot do without, not the weakest pair", () => {
    // a–1 and a–2 are strong; 1–2 is weak but redundant: the case holds together without it.
    const redundantWeak = { ...pair("1", "2", 4), left: { system: "qbo" as const, id: "1" } }
    expect(confidenceText({ evidence: [pair("a", "1", 30), pair("a", "2", 20), redundantWeak] })).toMatch(/^20\.0 bits/)
  })

  it("says a case made of links alone rests on no match", () => {
    expect(confidenceText({ evidence: [] })).toBe("certain: links only")
  })
})
