import { readFileSync } from "node:fs"
import { crowdedNames } from "../../test/matchers/eval/crowdedNames.ts"
import { evaluateMatching } from "../eval/evaluateMatching.ts"
import { entityTruth } from "../eval/GroundTruth.ts"
import { parseNicknameTable } from "../normalize/NicknameTable.ts"

/*
 * Measures the matcher on the name-only set with large clusters (test/matchers/eval/crowdedNames.ts):
 * `npx tsx matchers/bench/benchCrowdedNames.ts [records] [seed]`. Prints the evaluation, blocking recall per rule
 * included.
 */
const size = Number(process.argv[2] ?? "50000")
const seed = Number(process.argv[3] ?? "1")
const { records, entity } = crowdedNames({ records: size, seed })
const nicknames = parseNicknameTable(readFileSync(new URL("../data/nicknames.csv", import.meta.url), "utf8"))
const report = evaluateMatching({ records, sides: null, truth: entityTruth(entity, null), threshold: 0.9, nicknames })
process.stdout.write(`${JSON.stringify({ ...report, perRule: undefined }, null, 1)}\n${report.perRule.map((r) => JSON.stringify(r)).join("\n")}\n`)
