import { describe, expect, it } from "vitest"
import { defaultBlockingRules } from "../../../matchers/blocking/BlockingRule.ts"
import { candidatePairs } from "../../../matchers/blocking/candidatePairs.ts"
import { streetCore } from "../../../matchers/blocking/streetCore.ts"
import { emptyNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import { matchRecord } from "../matchRecord.ts"

const address = (street: string, zip: string) => ({ street, city: "", state: "", zip })

describe("streetCore", () => {
  it("keeps the street's own words, without suffix or directionals", () => {
    expect(streetCore("n main st")).toBe("main")
    expect(streetCore("main")).toBe("main")
    expect(streetCore("e camelback rd w")).toBe("camelback")
    expect(streetCore("park ave")).toBe("park")
  })

  it("keeps a street named only by such words whole", () => {
    expect(streetCore("n")).toBe("n")
    expect(streetCore("st")).toBe("st")
  })
})

describe("default blocking on addresses", () => {
  it("pairs a street typed with its suffix on one side only, and a ZIP on one side only", () => {
    const records = prepareRecords(
      [
        matchRecord("pom", "a", { firstName: "Dana", lastName: "Kowalski", address: address("12 North Main Street", "33609") }),
        matchRecord("qbo", "b", { companyName: "Kowalski Holdings", address: address("12 Main", "") }),
        // Same street name and number in another town's grid, nothing else shared: the key alone decides.
        matchRecord("qbo", "c", { companyName: "Elsewhere Inc", address: address("14 Main", "") })
      ],
      { sides: null, nicknames: emptyNicknameTable }
    )
    const c = candidatePairs(records, defaultBlockingRules)
    const pairs = Array.from({ length: c.count }, (_, k) => `${c.left[k]}-${c.right[k]}`)
    expect(pairs).toEqual(["0-1"])
  })
})
