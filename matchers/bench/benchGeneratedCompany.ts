import { readFileSync } from "node:fs"
import { generateCompany } from "../../test/generator/generateCompany.ts"
import { companyMatchRecords } from "../../test/matchers/generatedRecords.ts"
import { parseNicknameTable } from "../normalize/NicknameTable.ts"
import { runMatching } from "../runMatching.ts"

/*
 * Runs the matcher on a company from the test generator, at the pipeline's size by default:
 * `npx tsx matchers/bench/benchGeneratedCompany.ts [pomCustomers] [threshold]`. Prints seconds, CPU seconds,
 * peak memory, candidate pairs per rule, and how the planted cases and traps fared.
 */
const customers = Number(process.argv[2] ?? "100000")
const threshold = Number(process.argv[3] ?? "0.99")
const company = generateCompany({ seed: 1, customers })
const records = companyMatchRecords(company)
const nicknames = parseNicknameTable(readFileSync(new URL("../data/nicknames.csv", import.meta.url), "utf8"))
const started = performance.now()
const cpuBefore = process.cpuUsage()
const run = runMatching({ records, sides: null, matchThreshold: threshold, nicknames })
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuBefore)
const matched = new Set(run.matches.map((e) => `${e.left.system}:${e.left.id}|${e.right.system}:${e.right.id}`))
const isMatched = (a: string, b: string): boolean => matched.has(`${a}|${b}`) || matched.has(`${b}|${a}`)
const pairsOf = (ids: ReadonlyArray<string>): Array<[string, string]> =>
  ids.flatMap((a, i) => ids.slice(i + 1).map((b): [string, string] => [a, b]))
let casePairs = 0
let caseFound = 0
for (const c of company.truth.cases) {
  for (const [a, b] of pairsOf([...c.pomIds.map((id) => `pom:${id}`), ...c.qboIds.map((id) => `qbo:${id}`)])) {
    casePairs++
    if (isMatched(a, b)) caseFound++
  }
}
// A trap holds two look-alike customers, pom[k] and qbo[k] being customer k: only pairs across customers are traps.
const trapMatches: Record<string, number> = {}
let trapPairs = 0
for (const t of company.truth.traps) {
  const ids = [...t.pomIds.map((id, k) => ({ ref: `pom:${id}`, k })), ...t.qboIds.map((id, k) => ({ ref: `qbo:${id}`, k }))]
  for (let x = 0; x < ids.length; x++) {
    for (let y = x + 1; y < ids.length; y++) {
      const a = ids[x]
      const b = ids[y]
      if (a === undefined || b === undefined || a.k === b.k) continue
      // A multi-property owner has one payer for both accounts: only the POM–POM pair is a trap.
      if (t.kind === "multi-property" && !(a.ref.startsWith("pom:") && b.ref.startsWith("pom:"))) continue
      // Relatives next door: two QBO customers holding a name and an address only, each its own account's
      // confirmed link. Nothing in the records tells them apart; the cases' one-to-one reasoning over the links
      // does (pipeline/cases/setAsideByLinks.ts), so only the pairs with an account are the matcher's traps.
      if (t.kind === "relatives-next-door" && a.ref.startsWith("qbo:") && b.ref.startsWith("qbo:")) continue
      trapPairs++
      if (isMatched(a.ref, b.ref)) trapMatches[t.kind] = (trapMatches[t.kind] ?? 0) + 1
    }
  }
}
process.stdout.write(
  `${JSON.stringify({
    records: records.length,
    candidatePairs: run.candidates.count,
    matches: run.matches.length,
    plantedCasePairsFound: `${caseFound}/${casePairs}`,
    trapPairsMatched: trapMatches,
    trapPairs,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    stages: run.seconds,
    rssMB: Math.round(process.memoryUsage().rss / 1e6)
  })}\n${run.candidates.perRule.map((r) => JSON.stringify(r)).join("\n")}\n`
)
