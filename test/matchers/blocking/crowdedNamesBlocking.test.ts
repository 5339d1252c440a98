import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { defaultBlockingRules } from "../../../matchers/blocking/BlockingRule.ts"
import { candidatePairs } from "../../../matchers/blocking/candidatePairs.ts"
import { entityTruth } from "../../../matchers/eval/GroundTruth.ts"
import { pairwiseMetrics } from "../../../matchers/eval/pairwiseMetrics.ts"
import { parseNicknameTable } from "../../../matchers/normalize/NicknameTable.ts"
import { prepareRecords } from "../../../matchers/prepare/PreparedRecords.ts"
import { crowdedNames } from "../eval/crowdedNames.ts"

const nicknames = parseNicknameTable(readFileSync(new URL("../../../matchers/data/nicknames.csv", import.meta.url), "utf8"))

describe("default blocking on names alone, common names and people typed up to twenty times", () => {
  it("keeps most true pairs within about thirty candidate pairs per record", () => {
    const { records, entity } = crowdedNames({ records: 15_000, seed: 3 })
    const prepared = prepareRecords(records, { sides: null, nicknames })
    const candidates = candidatePairs(prepared, defaultBlockingRules)
    const metrics = pairwiseMetrics({ truth: entityTruth(entity, null), candidates, predicted: () => false })
    expect(metrics.truePairs).toBeGreaterThan(50_000)
    // Skipping the blocks of common names, and capping each name rule at half a pair per record, kept 0.44 here;
    // splitting them by a second key 0.85; the rules on a last name's sound and first initial and on both initials
    // and the town, for names typed with a slip or a nickname in both names or without the town, 0.899; the two
    // sorted-neighbourhood passes, for slips that change a name's sound, 0.905; the rule on any name's first four
    // letters, 0.907.
    expect(metrics.blockingRecall).toBeGreaterThanOrEqual(0.906)
    expect(candidates.count / records.length).toBeLessThanOrEqual(30)
  })
})
