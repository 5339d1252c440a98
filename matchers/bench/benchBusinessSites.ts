import { readFileSync } from "node:fs"
import { businessSites } from "../../test/matchers/businessSites.ts"
import { syntheticPeople } from "../../test/matchers/syntheticPeople.ts"
import { parseNicknameTable } from "../normalize/NicknameTable.ts"
import { runMatching } from "../runMatching.ts"

/*
 * Measures the matcher on the labelled businesses-at-shared-addresses set (`test/matchers/businessSites.ts`)
 * among 800 ordinary customers: `npx tsx matchers/bench/benchBusinessSites.ts [seed] [threshold]`. Prints the
 * precision and recall of the pairs that involve a business, and the wrong pairs by the kind of sharing behind them.
 */
const seed = Number(process.argv[2] ?? "1")
const threshold = Number(process.argv[3] ?? "0.9")
const set = businessSites(seed)
const records = [...syntheticPeople(800).records, ...set.records]
const nicknames = parseNicknameTable(readFileSync(new URL("../data/nicknames.csv", import.meta.url), "utf8"))
const run = runMatching({ records, sides: null, matchThreshold: threshold, nicknames })
let right = 0
const wrong: Record<string, number> = {}
for (const e of run.matches) {
  const a = set.entityOf.get(`${e.left.system}:${e.left.id}`)
  const b = set.entityOf.get(`${e.right.system}:${e.right.id}`)
  if (a === undefined && b === undefined) continue
  if (a === b) right++
  else {
    const kind = set.groupOf.get(a ?? b ?? "") ?? "unknown"
    wrong[kind] = (wrong[kind] ?? 0) + 1
  }
}
const wrongPairs = Object.values(wrong).reduce((s, n) => s + n, 0)
const truePairs = set.records.length / 2
process.stdout.write(
  `${JSON.stringify({ seed, businesses: truePairs, precision: right / Math.max(right + wrongPairs, 1), recall: right / truePairs, wrongPairs: wrong })}\n`
)
